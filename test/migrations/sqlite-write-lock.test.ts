// A SQLite database that another process is writing to (a WAL database with a long write
// transaction open): `upgrade` said nothing while it waited, and when the wait ran out it failed
// with "database is locked [SQLITE_BUSY] in statement: CREATE TABLE IF NOT EXISTS retort_version".
// It now says what it waits for, and a timeout is a LockTimeoutError before anything ran.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import { createEngine, LockTimeoutError } from '../../src/index.js';
import { upgrade } from '../../src/migrations/api.js';
import { forSqlite } from '../dialects/sqlite/helpers.js';
import { tempDir, writeMigrations } from './script-helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Another process that holds the write lock of the file until `release()` (or 30 s); resolves once it holds it. */
async function holdWriteLock(file: string): Promise<{ release: () => void; done: Promise<void> }> {
  const source = `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(file)});
    db.pragma('journal_mode = WAL'); db.exec('BEGIN IMMEDIATE'); db.exec('INSERT INTO note (body) VALUES (1)');
    const end = () => { db.exec('COMMIT'); db.close(); process.exit(0); };
    process.stdin.once('data', end); setTimeout(end, 30000); console.log('holding');`;
  const child = spawn(process.execPath, ['-e', source], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const done = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => (d.toString().includes('holding') ? resolve() : undefined));
    child.on('exit', (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  return { release: () => child.stdin.end('commit\n'), done };
}

/** `retort <args>` from source; `onStderr` sees its stderr as it comes. */
function retortStreaming(args: readonly string[], onStderr: (text: string) => void): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    onStderr(stderr);
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

forSqlite('upgrade while another process holds the write lock', (ctx) => {
  async function prepare(label: string): Promise<{ url: string; file: string; dir: string }> {
    const url = await ctx.freshUrl(label);
    const engine = createEngine(url);
    await engine.execute('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)');
    await engine.dispose();
    const dir = tempDir(label);
    writeMigrations(dir, [{ id: 'a1a1a1', parent: null, up: ["await op.execute('CREATE TABLE later (id INTEGER PRIMARY KEY)');"] }]);
    return { url, file: url.replace(/^sqlite:\/\//, ''), dir };
  }

  it('the CLI says it waits for the write lock, then applies the migration once the writer commits', async () => {
    const { url, file, dir } = await prepare('wait_lock');
    const holder = await holdWriteLock(file);
    // the writer commits once the CLI has said that it waits
    const run = await retortStreaming(['upgrade', '--url', url, '--migrations', dir], (stderr) => {
      if (stderr.includes('waiting: ')) holder.release();
    });
    holder.release();
    await holder.done;
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^waiting: the SQLite database's write lock is held by another connection \(a write transaction, or another process migrating\); for up to 600 s$/m);
    const engine = createEngine(url);
    assert.deepEqual((await engine.execute('SELECT count(*) AS n FROM note')).rows, [{ n: 1 }]);
    assert.deepEqual((await engine.execute("SELECT name FROM sqlite_master WHERE name = 'later'")).rows, [{ name: 'later' }]);
    await engine.dispose();
  });

  it('past the lock timeout it fails with LockTimeoutError naming the write lock, and nothing was changed', async () => {
    const { url, file, dir } = await prepare('timeout_lock');
    const holder = await holdWriteLock(file);
    const started = performance.now();
    await assert.rejects(upgrade({ url, migrations: dir, lockTimeoutMs: 700 }), (e: unknown) => {
      assert.ok(e instanceof LockTimeoutError, String(e));
      assert.match(e.message, /^another connection has held the write lock of the SQLite database for more than 700 ms .*; nothing was changed$/);
      return true;
    });
    assert.ok(performance.now() - started < 20_000, 'it gave up after the timeout, not when the writer finished');
    holder.release();
    await holder.done;
    const engine = createEngine(url);
    assert.deepEqual((await engine.execute("SELECT name FROM sqlite_master WHERE name <> 'note' ORDER BY name")).rows, []);
    await engine.dispose();
  });
});
