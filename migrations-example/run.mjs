#!/usr/bin/env node
// `npm run example`: the example blog's migrations on a fresh SQLite database, from zero, with the
// retort CLI as a user runs it: the history, upgrade to head, the autogenerate check (the models
// and the migrated database match: nothing left to generate), downgrade to base, upgrade again.
// Set DATABASE_URL to run it elsewhere (PostgreSQL or MySQL: the tests do).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/retort');
const config = relative(root, fileURLToPath(new URL('./retort.config.ts', import.meta.url)));
if (!existsSync(join(root, 'dist/bundle/cli.cjs'))) {
  console.error('example: retort is not built; run `npm install` (or `npm run build`) first');
  process.exit(1);
}

const scratch = mkdtempSync(join(tmpdir(), 'retort-example-'));
const url = process.env.DATABASE_URL || `sqlite:///${join(scratch, 'blog.db')}`;
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const steps = [
  ['the migration history (a branch merged back)', ['history']],
  ['upgrade an empty database to head', ['upgrade', 'head']],
  ['autogenerate check: the models match the migrated database', ['check']],
  ['where the database stands', ['current']],
  ['downgrade to base (every downgrade runs)', ['downgrade', 'base']],
  ['upgrade to head again', ['upgrade', 'head']],
  ['and the check once more', ['check']],
];

console.log(`retort example: ${config} on ${url.startsWith('sqlite:') ? 'a fresh SQLite database' : 'DATABASE_URL'}\n`);
for (const [what, args] of steps) {
  console.log(`# ${what}\n$ retort ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [bin, ...args, '--config', config], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
  process.stdout.write(r.stdout.replace(/^(?=.)/gm, '  '));
  process.stderr.write(r.stderr.replace(/^(?=.)/gm, '  '));
  if (r.status !== 0) {
    console.error(`\nexample: "retort ${args.join(' ')}" exited with ${r.status}`);
    process.exit(1);
  }
  console.log('');
}
console.log('done: every migration ran up and down, and the models match the database.');
