import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { it } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));

it('a SQLite-only program never loads pg or mysql2; better-sqlite3 only on first connect', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'test/fixtures/lazy-drivers.ts'], { cwd: root });
  const report = JSON.parse(stdout.trim()) as Record<string, unknown>;
  assert.deepEqual(report.rows, [{ one: 1 }]);
  assert.deepEqual(report.afterCreate, { pg: false, mysql2: false, 'better-sqlite3': false });
  assert.deepEqual(report.afterQuery, { pg: false, mysql2: false, 'better-sqlite3': true });
  assert.equal(report.control, true, 'the check must see pg once it is imported');
});

it('pg loads on its Node.js path (no fetch probe) and leaves no navigator behind', async () => {
  const code =
    "await import('./src/dialects/postgres/pg-module.ts');\n" +
    "process.stdout.write(JSON.stringify({ navigator: typeof globalThis.navigator, undici: process.moduleLoadList.some((m) => m.includes('undici')) }));\n";
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root });
  assert.deepEqual(JSON.parse(stdout), { navigator: 'undefined', undici: false });
});
