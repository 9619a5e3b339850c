// The built CLI compiles its bundle, its dialect's driver and jiti's core (the migration is
// TypeScript) through a V8 code cache (src/bundle-loader.ts): the first process of a command
// writes dist/bundle/.cache/<file>-<command>-
// <key>.bin, later ones read it without writing it again; a cache V8 rejects is replaced; with
// NODE_DISABLE_COMPILE_CACHE=1, or a cache folder that cannot be made, nothing is written and the
// command works as before. Each dialect runs a copy of dist/bundle of its own (inside dist/, so that
// node_modules and package.json resolve as from dist/bundle).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { projectRoot } from '../helpers/cli.js';
import { forEachDialect, type TestDialect } from '../helpers/databases.js';

const DRIVER_FILE: Record<TestDialect, string> = { sqlite: 'better-sqlite3', postgresql: 'pg', mysql: 'mysql2' };

// imports retort at run time: the copy's index.js must hand it the instance the CLI runs
const migration =
  "import { Operations, column } from 'retort';\nexport const revision = 'cc0000000001';\nexport const parent = null;\n" +
  "export async function upgrade(op: Operations): Promise<void> {\n" +
  "  if (!(op instanceof Operations)) throw new Error('the migration got a second instance of retort');\n" +
  "  await op.createTable('cache_probe', { id: column.integer().primaryKey() });\n}\n" +
  "export async function downgrade(op: Operations): Promise<void> {\n  await op.dropTable('cache_probe');\n}\n";

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

forEachDialect('built CLI code cache', (ctx) => {
  const work = mkdtempSync(join(tmpdir(), 'retort-compile-cache-'));
  const migrations = join(work, 'migrations');
  let bundle = '';
  let url = '';
  const cacheDir = () => join(bundle, '.cache');
  const cached = () => readdirSync(cacheDir()).sort();
  const stamp = (file: string) => {
    const s = statSync(join(cacheDir(), file));
    return `${s.ino}:${s.mtimeMs}:${s.size}`;
  };
  const run = (args: readonly string[], env: Record<string, string> = {}): Promise<Run> =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        [join(bundle, 'cli.cjs'), ...args, '--url', url, '--migrations', migrations],
        { cwd: work, env: { ...process.env, DATABASE_URL: '', NODE_DISABLE_COMPILE_CACHE: '', ...env } },
        (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
    });

  before(async () => {
    bundle = mkdtempSync(join(projectRoot, 'dist', 'bundle-copy-'));
    cpSync(join(projectRoot, 'dist/bundle'), bundle, { recursive: true, filter: (path) => !path.endsWith('/.cache') });
    mkdirSync(migrations, { recursive: true });
    writeFileSync(join(migrations, '0001_probe.ts'), migration);
    url = await ctx.freshUrl('ccache');
  });
  after(() => {
    rmSync(bundle, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('the first upgrade writes the caches of the bundle, its driver and jiti; the next process of that command reads them without writing', async () => {
    const first = await run(['upgrade', 'head']);
    assert.equal(first.code, 0, first.stderr);
    const expected = ['retort', DRIVER_FILE[ctx.dialect], 'jiti'].map((name) => new RegExp(`^${name}-upgrade-[0-9a-f]{16}\\.bin$`));
    const files = cached();
    assert.equal(files.length, expected.length, files.join(', '));
    for (const pattern of expected) assert.ok(files.some((f) => pattern.test(f)), `${pattern} in ${files.join(', ')}`);

    const before = files.map(stamp);
    const second = await run(['upgrade', 'head']);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /already at head|nothing to do|up to date/i);
    assert.deepEqual(cached(), files);
    assert.deepEqual(cached().map(stamp), before, 'an accepted cache is not written again');
  });

  it('each command has a cache of its own; one V8 rejects is written again and the command still works', async () => {
    const first = await run(['current']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /cc0000000001 \(head\)/);
    const own = cached().find((f) => f.startsWith('retort-current-'));
    assert.ok(own, cached().join(', '));
    assert.ok(cached().some((f) => f.startsWith('retort-upgrade-')), 'the upgrade cache stays');

    writeFileSync(join(cacheDir(), own), 'not a code cache');
    const again = await run(['current']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, first.stdout);
    assert.ok(statSync(join(cacheDir(), own)).size > 1000, 'the rejected cache was replaced');
  });

  it('a large TypeScript module jiti evaluates is compiled through a cache of its own, replaced when the file changes', async () => {
    // ~100 KB of top-level code: over the size from which jiti's modules are cached
    const big = (step: number) =>
      "import type { Operations } from 'retort';\nexport const revision = 'cc0000000002';\nexport const parent = 'cc0000000001';\n" +
      `export const values: readonly number[] = [${Array.from({ length: 20_000 }, (_, i) => i * step).join(', ')}];\n` +
      'export async function upgrade(op: Operations): Promise<void> {\n' +
      `  if (values.length !== 20000 || values[1] !== ${step}) throw new Error('the module ran wrong');\n` +
      "  await op.createTable('big_probe', { id: column.integer().primaryKey() });\n}\n" +
      "export async function downgrade(op: Operations): Promise<void> {\n  await op.dropTable('big_probe');\n}\n";
    const file = join(migrations, '0002_big.ts');
    const moduleCaches = () => cached().filter((f) => /^module-[0-9a-f]{8}-[0-9a-f]{16}\.bin$/.test(f));
    writeFileSync(file, `import { column } from 'retort';\n${big(1)}`);
    // the first run gets jiti's fresh transform, later ones its fs cache's copy (a line longer)
    for (const args of [['upgrade', 'head'], ['downgrade', '-1']]) {
      const r = await run(args);
      assert.equal(r.code, 0, r.stderr);
    }
    const first = moduleCaches();
    assert.equal(first.length, 1, cached().join(', '));
    const written = stamp(first[0]!);
    const up = await run(['upgrade', 'head']);
    assert.equal(up.code, 0, up.stderr);
    assert.deepEqual(moduleCaches(), first);
    assert.equal(stamp(first[0]!), written, 'an accepted cache is not written again');

    const down = await run(['downgrade', '-1']);
    assert.equal(down.code, 0, down.stderr);
    writeFileSync(file, `import { column } from 'retort';\n${big(2)}`);
    const again = await run(['upgrade', 'head']);
    assert.equal(again.code, 0, again.stderr);
    const second = moduleCaches();
    assert.equal(second.length, 1, `one cache per module file: ${cached().join(', ')}`);
    assert.notEqual(second[0], first[0]);
    rmSync(file);
  });

  it('NODE_DISABLE_COMPILE_CACHE=1 writes nothing; a cache folder that cannot be made changes nothing but speed', async () => {
    const off = await run(['heads'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    assert.equal(off.code, 0, off.stderr);
    assert.match(off.stdout, /cc0000000001/);
    assert.deepEqual(cached().filter((f) => f.startsWith('retort-heads-')), []);

    rmSync(cacheDir(), { recursive: true, force: true });
    writeFileSync(cacheDir(), 'a file where the folder would go');
    const blocked = await run(['heads']);
    assert.equal(blocked.code, 0, blocked.stderr);
    assert.equal(blocked.stdout, off.stdout);
    assert.equal(blocked.stderr, '');
  });
});
