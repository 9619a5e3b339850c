// The migration runner's costs, on each dialect, from the built dist/ (bench/run.mjs builds it):
// 1. per-migration overhead: 200 trivial migrations (one CREATE TABLE each) through `upgrade`
//    vs the same 200 statements run plainly on one connection (each commits on its own); the
//    difference divided by 200 is what the runner adds per migration (transaction, version row,
//    history row, umzug, SQLite PRAGMAs). Target < 0.5 ms. For reference, the extra statements
//    alone: its --sql script's statements sent one by one (the runner joins some round trips).
// 2. whole processes: `retort upgrade head` with one .ts migration on a fresh database, and
//    `retort current` (bin/retort, with --url and --migrations). Targets: upgrade < 170 ms,
//    current < 150 ms (medians; the same calls through the programmatic API from the per-module
//    dist/, and node itself, are listed for reference; all interleaved).
// Env: BENCH_ROUNDS (default 5), BENCH_RUNS (default 9), BENCH_DIALECTS (default all three),
// RETORT_TEST_POSTGRESQL_URL / RETORT_TEST_MYSQL_URL.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createEngine, getDialect } from '../dist/index.js';
import { runOffline, runOnline } from '../dist/migrations/runner.js';
import { loadModules, ScriptDirectory } from '../dist/migrations/script-directory.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const N = 200;
const PG_URL = process.env.RETORT_TEST_POSTGRESQL_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const MYSQL_URL = process.env.RETORT_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgresql,mysql').split(',');
const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'retort-bench-migrations-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

function generate(dir, count) {
  for (let i = 0; i < count; i++) {
    const id = `r${String(i).padStart(11, '0')}`;
    const parent = i === 0 ? 'null' : `'r${String(i - 1).padStart(11, '0')}'`;
    writeFileSync(
      join(dir, `${String(i).padStart(4, '0')}-${id}.ts`),
      `import type { Operations } from 'retort';\nexport const revision = '${id}';\nexport const parent = ${parent};\n` +
        `export const message = 'table ${i}';\nexport const createdAt = '2026-01-01T00:00:00.000Z';\n` +
        `export async function upgrade(op: Operations): Promise<void> {\n  await op.execute('CREATE TABLE t_${i} (id INTEGER)');\n}\n` +
        `export async function downgrade(op: Operations): Promise<void> {\n  await op.execute('DROP TABLE t_${i}');\n}\n`,
    );
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A fresh database for the dialect; returns its URL and a cleanup. */
async function freshDatabase(dialect, name) {
  if (dialect === 'sqlite') {
    const file = join(work, `${name}.db`);
    for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
    return { url: `sqlite:///${file}`, drop: async () => undefined };
  }
  const server = createEngine(dialect === 'postgresql' ? PG_URL : MYSQL_URL);
  const q = (n) => server.dialect.quoteIdentifier(n);
  await server.execute(`DROP DATABASE IF EXISTS ${q(name)}`);
  await server.execute(`CREATE DATABASE ${q(name)}`);
  const url = server.url.with({ database: name }).toUnmaskedString();
  return {
    url,
    drop: async () => {
      await server.execute(`DROP DATABASE IF EXISTS ${q(name)}`);
      await server.dispose();
    },
  };
}

/** The statements of a `--sql` script (comments and blank lines dropped). */
function statementsOf(script) {
  return script
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('--'))
    .map((l) => l.replace(/;$/, ''));
}

async function timed(dialect, name, fn) {
  const db = await freshDatabase(dialect, name);
  const engine = createEngine(db.url);
  await (await engine.connect()).release();
  const t0 = performance.now();
  await fn(engine);
  const ms = performance.now() - t0;
  await engine.dispose();
  await db.drop();
  return ms;
}

async function overhead(dialect) {
  const dir = join(work, `m${N}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  generate(dir, N);
  const loadStart = performance.now();
  const scripts = await ScriptDirectory.load(dir);
  await loadModules(scripts.scripts); // a run loads them first: timed here, not in the runs
  const loadMs = performance.now() - loadStart;
  const options = { scripts, direction: 'up', target: 'head', versionTable: 'retort_version', transaction: 'each' };
  const { sql } = await runOffline({ ...options, dialect: getDialect(dialect), fromHeads: [] });
  const script = statementsOf(sql);
  const plain = [];
  const sameSql = [];
  const runner = [];
  for (let round = 0; round < ROUNDS; round++) {
    plain.push(
      await timed(dialect, `rt_bench_plain_${process.pid}`, async (engine) => {
        const conn = await engine.connect();
        for (let i = 0; i < N; i++) await conn.execute(`CREATE TABLE t_${i} (id INTEGER)`);
        await conn.release();
      }),
    );
    sameSql.push(
      await timed(dialect, `rt_bench_script_${process.pid}`, async (engine) => {
        const conn = await engine.connect();
        for (const statement of script) await conn.execute(statement);
        await conn.release();
      }),
    );
    runner.push(
      await timed(dialect, `rt_bench_runner_${process.pid}`, async (engine) => {
        const result = await runOnline({ ...options, engine });
        if (result.steps.length !== N) throw new Error(`ran ${result.steps.length} steps`);
      }),
    );
  }
  const per = (a, b) => ((median(a) - median(b)) / N).toFixed(3);
  console.log(
    `${dialect.padEnd(10)} ${N} migrations (medians of ${ROUNDS}): plain DDL ${median(plain).toFixed(0)} ms, the runner's statements sent one by one ` +
      `${median(sameSql).toFixed(0)} ms, upgrade ${median(runner).toFixed(0)} ms\n${''.padEnd(11)}-> ${per(runner, plain)} ms per migration above plain SQL ` +
      `(target < 0.5); its statements sent one by one (no joined round trips, no JS): ${per(sameSql, plain)} ms above; ` +
      `loading the ${N} .ts files: ${loadMs.toFixed(0)} ms`,
  );
}

function wall(args, before, runs = RUNS) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(r.stderr);
  }
  return median(times);
}

async function processes(dialect) {
  const dir = join(work, 'm1');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  generate(dir, 1);
  const db = await freshDatabase(dialect, `rt_bench_proc_${process.pid}`);
  const api = (file, call) =>
    `const m = await import(${JSON.stringify(new URL(`../dist/migrations/${file}`, import.meta.url).href)});` +
    `await m.${call}({ url: ${JSON.stringify(db.url)}, migrations: ${JSON.stringify(dir)}, cwd: ${JSON.stringify(work)} });`;
  const cli = (...args) => [join(root, 'bin/retort'), ...args, '--url', db.url, '--migrations', dir];
  const engine = createEngine(db.url);
  const reset = () => spawnSync(process.execPath, ['--input-type=module', '-e', resetScript(db.url)], { cwd: root });
  // the targets are the commands' (bin/retort, as users run them); the programmatic API from the
  // per-module dist/ is listed for reference. Interleaved, so that load on the machine hits both.
  const times = { upgrade: [], current: [], apiUpgrade: [], apiCurrent: [], node: [] };
  wall(cli('current'), undefined, 1); // warm-up: jiti transforms the migration into its fs cache
  for (let i = 0; i < RUNS; i++) {
    times.upgrade.push(wall(cli('upgrade', 'head'), reset, 1));
    times.current.push(wall(cli('current'), undefined, 1));
    times.apiUpgrade.push(wall(['--input-type=module', '-e', api('api.js', 'upgrade')], reset, 1));
    times.apiCurrent.push(wall(['--input-type=module', '-e', api('api-status.js', 'current')], undefined, 1));
    times.node.push(wall(['-e', '0'], undefined, 1));
  }
  const m = (k) => median(times[k]).toFixed(0);
  console.log(
    `${dialect.padEnd(10)} whole process (median of ${RUNS}): retort upgrade head ${m('upgrade')} ms (target < 170), ` +
      `retort current ${m('current')} ms (target < 150); the API from dist/: upgrade ${m('apiUpgrade')} ms, current ${m('apiCurrent')} ms; node -e 0: ${m('node')} ms`,
  );
  await engine.dispose();
  await db.drop();
}

function resetScript(url) {
  return (
    `const { createEngine } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});` +
    `const e = createEngine(${JSON.stringify(url)});` +
    `for (const t of ['t_0', 'retort_version', 'retort_version_history']) await e.execute('DROP TABLE IF EXISTS ' + e.dialect.quoteIdentifier(t));` +
    `await e.dispose();`
  );
}

for (const dialect of dialects) {
  await overhead(dialect);
  await processes(dialect);
}
