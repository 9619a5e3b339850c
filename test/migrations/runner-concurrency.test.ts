import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createEngine, type Engine } from '../../src/index.js';
import { upgrade } from '../../src/migrations/api.js';
import type { MigrationEvent } from '../../src/migrations/runner-events.js';
import { forEachDialect } from '../helpers/databases.js';
import { existing, historyOf, sleepLines, versionRows } from './runner-helpers.js';
import { tempDir, writeMigrations, type MigrationSource } from './script-helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = join(root, 'test/fixtures/runner/upgrade-process.ts');

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function start(url: string, dir: string, startAt?: number): { child: ChildProcess; done: Promise<Exit> } {
  const args = ['--import', 'tsx', script, url, dir, ...(startAt === undefined ? [] : [String(startAt)])];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Exit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function createTable(name: string): MigrationSource['up'] {
  return [`await op.execute('CREATE TABLE ${name} (id INTEGER NOT NULL PRIMARY KEY)');`];
}

forEachDialect('migration lock', (ctx) => {
  const engines: Engine[] = [];
  after(async () => {
    await Promise.all(engines.map((e) => e.dispose()));
  });

  it('10 processes upgrading one database at once apply every migration exactly once, and all succeed', async () => {
    const url = await ctx.freshUrl('concurrent');
    const dir = tempDir('concurrent');
    const ids = ['c1c1c1', 'c2c2c2', 'c3c3c3', 'c4c4c4', 'c5c5c5'];
    writeMigrations(
      dir,
      ids.map((id, i) => ({ id, parent: i === 0 ? null : ids[i - 1]!, up: [...sleepLines(ctx.dialect, 0.3), ...(createTable(`t_${id}`) ?? [])] })),
    );
    const startAt = Date.now() + 4000;
    const runs = await Promise.all(Array.from({ length: 10 }, () => start(url, dir, startAt).done));
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    const ran = runs.flatMap((r) => (JSON.parse(r.stdout.trim()) as { ran: string[] }).ran).sort();
    assert.deepEqual(ran, ids, 'each migration ran in exactly one process');
    const outputs = runs.map((r) => JSON.parse(r.stdout.trim()) as { ran: string[]; heads: string[]; started: number; finished: number });
    for (const out of outputs) assert.deepEqual(out.heads, ['c5c5c5']);
    // the runs overlapped: processes started while another was applying migrations, and ran nothing twice
    const appliers = outputs.filter((o) => o.ran.length > 0);
    const overlapping = outputs.filter((o) => appliers.some((a) => a !== o && o.started < a.finished && a.started < o.finished));
    assert.ok(overlapping.length >= 5, `${overlapping.length} of 10 runs overlapped one that applied migrations`);
    const engine = createEngine(url);
    engines.push(engine);
    assert.deepEqual(await historyOf(engine), ids.map((id) => `${id}:up`));
    assert.deepEqual(await versionRows(engine), ['c5c5c5']);
  });

  it('a process killed in the middle of upgrade leaves no stuck lock: the next upgrade finishes the job', async () => {
    const url = await ctx.freshUrl('killed');
    const dir = tempDir('killed');
    const marker = join(dir, 'sleeping.marker');
    writeMigrations(dir, [
      { id: 'k1k1k1', parent: null, up: createTable('k1') },
      { id: 'k2k2k2', parent: 'k1k1k1', up: [...sleepLines(ctx.dialect, 3, marker), ...(createTable('k2') ?? [])] },
      { id: 'k3k3k3', parent: 'k2k2k2', up: createTable('k3') },
    ]);
    const victim = start(url, dir);
    await waitFor(() => existsSync(marker), 30_000, 'the migration to start sleeping');
    victim.child.kill('SIGKILL');
    const exit = await victim.done;
    assert.equal(exit.signal, 'SIGKILL');

    const engine = createEngine(url);
    engines.push(engine);
    const events: MigrationEvent[] = [];
    const started = performance.now();
    const result = await upgrade({ engine, migrations: dir, lockTimeoutMs: 20_000, onEvent: (e) => events.push(e) });
    assert.ok(performance.now() - started < 15_000, 'the lock was not stuck');
    assert.deepEqual(result.steps.map((s) => s.revision), ['k2k2k2', 'k3k3k3']);
    assert.deepEqual(await versionRows(engine), ['k3k3k3']);
    assert.deepEqual(await historyOf(engine), ['k1k1k1:up', 'k2k2k2:up', 'k3k3k3:up']);
    assert.deepEqual(await existing(engine, ['k1', 'k2', 'k3']), ['k1', 'k2', 'k3']);
  });
});
