#!/usr/bin/env node
// Stand-in for `retort check` / `retort revision --autogenerate` as whole processes, until the CLI
// has them: run in a project folder, it does what those commands do, from the built dist/ only:
// loads retort.config.ts (url, models) through the runner's module loader (jiti for .ts, with its
// fs cache), reflects the database while the models module loads, snapshots the models for the
// database's dialect, compares (the version tables ignored), then
//   check:    prints the changes, one line each; exit 1 when there are some, 0 when none
//   revision: renders the migration file (upgrade, downgrade = reversed ops, destructive warnings)
//             and prints its text; exit 0
// Usage (cwd = the project folder): node <repo>/bench/lib/autogenerate-process.mjs check|revision
import { randomBytes } from 'node:crypto';
import { compare, describeOperations, findDestructiveChanges, renderMigration } from '../../dist/autogenerate/index.js';
import { createEngine } from '../../dist/index.js';
import { loadConfig } from '../../dist/migrations/config-load.js';
import { loadModule } from '../../dist/migrations/module-loader.js';
import { reverseAll } from '../../dist/operations/index.js';
import { inspect } from '../../dist/reflect/inspect.js';

const mode = process.argv[2];
if (mode !== 'check' && mode !== 'revision') {
  process.stderr.write('usage: autogenerate-process.mjs check|revision (in the project folder)\n');
  process.exit(2);
}

const config = await loadConfig({ cwd: process.cwd() });
if (config.url === null || config.models === null) throw new Error('the config needs url and models');
const engine = createEngine(config.url, { pool: { max: 1 } });
let ops;
try {
  const [current, models] = await Promise.all([inspect(engine), loadModule(config.models)]);
  const target = models.metadata.snapshot(engine.dialect);
  ops = compare(target, current, {
    dialect: engine.dialect,
    ignoreTables: [config.versionTable, `${config.versionTable}_history`],
  });
} finally {
  await engine.dispose();
}

if (mode === 'check') {
  if (ops.length > 0) process.stdout.write(`${describeOperations(ops, engine.dialect).join('\n')}\n`);
  process.exitCode = ops.length > 0 ? 1 : 0;
} else {
  const downgradeOps = reverseAll(ops);
  process.stdout.write(renderMigration({
    revision: randomBytes(6).toString('hex'),
    parents: [],
    message: 'bench',
    createdAt: new Date(),
    upgradeOps: ops,
    downgradeOps,
    destructive: findDestructiveChanges([...ops, ...downgradeOps], { dialect: engine.dialect }),
    dialect: engine.dialect,
  }));
}
