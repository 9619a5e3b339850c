// SELECT 1 round trips through the engine vs the raw driver, on each dialect: pg.Pool#query,
// the mysql2 promise pool, a bare better-sqlite3 prepared statement (plus, for reference, a single
// pg.Client / mysql2 connection and an awaited better-sqlite3 call). Imports the built dist/
// (bench/run.mjs builds it). Env: BENCH_N (default 20000), BENCH_ROUNDS (3), BENCH_DIALECTS
// (default sqlite,postgresql,mysql), RETORT_TEST_POSTGRESQL_URL / RETORT_TEST_MYSQL_URL.
import { performance } from 'node:perf_hooks';
import { createEngine } from '../dist/index.js';

const N = Number(process.env.BENCH_N ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET = 1.15;
const PG_URL = process.env.RETORT_TEST_POSTGRESQL_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const MYSQL_URL = process.env.RETORT_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgresql,mysql').split(',');

async function time(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const CHUNK = 500;

/**
 * N round trips on each side, interleaved in chunks of 500 (raw, engine, engine, raw, ...) so that
 * each pair of neighbouring chunks sees the same machine noise; repeated ROUNDS times. Returns the
 * median total time per side (ms) and the median of the per-pair ratios, which noise from other
 * processes on the machine moves far less than the totals.
 */
async function compare(raw, engine) {
  await raw(Math.min(N, 2000));
  await engine(Math.min(N, 2000));
  const rawTimes = [];
  const engineTimes = [];
  const ratios = [];
  for (let round = 0; round < ROUNDS; round++) {
    let r = 0;
    let e = 0;
    for (let done = 0; done < N; done += CHUNK) {
      const n = Math.min(CHUNK, N - done);
      let rt;
      let et;
      if ((done / CHUNK) % 2 === 0) {
        rt = await time(() => raw(n));
        et = await time(() => engine(n));
      } else {
        et = await time(() => engine(n));
        rt = await time(() => raw(n));
      }
      r += rt;
      e += et;
      ratios.push(et / rt);
    }
    rawTimes.push(r);
    engineTimes.push(e);
  }
  return { raw: median(rawTimes), engine: median(engineTimes), ratio: median(ratios) };
}

function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const engineLoop = (engine) => async (n) => {
  for (let i = 0; i < n; i++) await engine.execute('SELECT 1');
};

const suites = {
  async sqlite() {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(':memory:');
    const stmt = db.prepare('SELECT 1');
    const engine = createEngine('sqlite://:memory:');
    const syncRaw = async (n) => {
      for (let i = 0; i < n; i++) stmt.all();
    };
    const asyncRaw = async (n) => {
      for (let i = 0; i < n; i++) await Promise.resolve(stmt.all());
    };
    const main = await compare(syncRaw, engineLoop(engine));
    const awaited = await compare(asyncRaw, engineLoop(engine));
    await engine.dispose();
    db.close();
    return [
      { label: 'sqlite (raw: sync stmt.all())', ...main },
      { label: 'sqlite (raw: await stmt.all())', ...awaited },
    ];
  },
  async postgresql() {
    const pg = (await import('pg')).default;
    const url = new URL(PG_URL);
    const pool = new pg.Pool({ connectionString: url.href });
    const engine = createEngine(PG_URL);
    const raw = async (n) => {
      for (let i = 0; i < n; i++) await pool.query('SELECT 1');
    };
    const client = new pg.Client({ connectionString: url.href });
    await client.connect();
    const bare = async (n) => {
      for (let i = 0; i < n; i++) await client.query('SELECT 1');
    };
    const result = await compare(raw, engineLoop(engine));
    const bareResult = await compare(bare, engineLoop(engine));
    await engine.dispose();
    await pool.end();
    await client.end();
    return [
      { label: 'postgresql (raw: pg.Pool#query)', ...result },
      { label: 'postgresql (raw: one pg.Client#query)', ...bareResult },
    ];
  },
  async mysql() {
    const mysql = await import('mysql2/promise');
    const pool = mysql.createPool({ uri: MYSQL_URL });
    const engine = createEngine(MYSQL_URL);
    const raw = async (n) => {
      for (let i = 0; i < n; i++) await pool.query('SELECT 1');
    };
    const conn = await mysql.createConnection({ uri: MYSQL_URL });
    const bare = async (n) => {
      for (let i = 0; i < n; i++) await conn.query('SELECT 1');
    };
    const result = await compare(raw, engineLoop(engine));
    const bareResult = await compare(bare, engineLoop(engine));
    await engine.dispose();
    await pool.end();
    await conn.end();
    return [
      { label: 'mysql (raw: mysql2 promise pool#query)', ...result },
      { label: 'mysql (raw: one mysql2 connection#query)', ...bareResult },
    ];
  },
};

console.log(`SELECT 1 x ${N} per side, interleaved in chunks of ${CHUNK}, median of ${ROUNDS} rounds, target engine/raw <= ${TARGET}x`);
const rows = [];
for (const name of dialects) {
  try {
    rows.push(...(await suites[name]()));
  } catch (e) {
    console.log(`${name}: skipped (${e instanceof Error ? e.message : String(e)})`);
  }
}
const us = (ms) => ((ms * 1000) / N).toFixed(2).padStart(8);
console.log(`${'case'.padEnd(42)} ${'raw us/op'.padStart(10)} ${'engine us/op'.padStart(12)} ${'ratio'.padStart(7)}  (ratio: median of paired chunks)`);
for (const r of rows) {
  const ratio = r.ratio;
  console.log(`${r.label.padEnd(42)} ${us(r.raw).padStart(10)} ${us(r.engine).padStart(12)} ${`${ratio.toFixed(2)}x`.padStart(7)}  ${ratio <= TARGET ? 'ok' : 'over target'}`);
}
