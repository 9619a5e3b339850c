// Reflection benchmark: schemas of 100, 500 and 1000 generated tables on each dialect; whole
// process time of `retort reflect --json` against the floor (the same catalog facts read by a bare
// Node process with the raw driver, bench/floor/<dialect>.mjs), the number of queries a
// reflection issues, and peak memory. Targets: query count constant in N, 1000 tables within
// 1.5x of the floor, memory under 200 MiB.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSchema } from './lib/gen-schema.mjs';
import { dialectsUnderTest, freshDatabase, loadStatements } from './lib/databases.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const sizes = (process.env.BENCH_SIZES ?? '100,500,1000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const { createEngine } = await import(join(root, 'dist/index.js'));
const { inspect } = await import(join(root, 'dist/reflect/inspect.js'));

/** Median wall time (s) and peak RSS (MiB) of a command over `runs` runs, after one warm-up. */
function timeProcess(args) {
  const times = [];
  let rss = 0;
  for (let i = 0; i <= runs; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr.slice(-500)}`);
    const [secs, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
    if (i > 0) times.push(secs);
    rss = Math.max(rss, kb / 1024);
  }
  times.sort((a, b) => a - b);
  return { seconds: times[Math.floor(times.length / 2)], rss };
}

const tmp = mkdtempSync(join(tmpdir(), 'retort-bench-'));
const rows = [];
try {
  for (const dialect of await dialectsUnderTest()) {
    for (const n of sizes) {
      const db = await freshDatabase(dialect, `reflect_${n}`, tmp);
      await loadStatements(dialect, db.url, generateSchema(dialect, n).statements);
      const engine = createEngine(db.url);
      let queries = 0;
      engine.onQuery(() => queries++);
      const snapshot = await inspect(engine);
      await engine.dispose();
      if (snapshot.tables.length !== n) throw new Error(`${dialect}: reflected ${snapshot.tables.length} tables, expected ${n}`);
      const floor = timeProcess([join('bench/floor', `${dialect}.mjs`), db.url]);
      const retort = timeProcess(['bin/retort', 'reflect', '--json', '--url', db.url]);
      rows.push({ dialect, tables: n, queries, floor: floor.seconds, retort: retort.seconds, ratio: retort.seconds / floor.seconds, rss: retort.rss });
      console.log(
        `${dialect.padEnd(10)} ${String(n).padStart(5)} tables  ${String(queries).padStart(2)} queries  floor ${floor.seconds.toFixed(2)} s  ` +
          `retort reflect --json ${retort.seconds.toFixed(2)} s  ratio ${(retort.seconds / floor.seconds).toFixed(2)}x (target <= 1.5x at 1000)  ` +
          `peak ${retort.rss.toFixed(0)} MiB (target < 200)`,
      );
      await db.drop();
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

let ok = true;
for (const dialect of new Set(rows.map((r) => r.dialect))) {
  const mine = rows.filter((r) => r.dialect === dialect);
  const constant = new Set(mine.map((r) => r.queries)).size === 1;
  const big = mine.find((r) => r.tables === 1000);
  const within = !big || (big.ratio <= 1.5 && big.rss < 200);
  ok &&= constant && within;
  console.log(`${dialect}: query count ${constant ? 'constant' : 'GROWS'} in N${big ? `; 1000 tables at ${big.ratio.toFixed(2)}x the floor, ${big.rss.toFixed(0)} MiB` : ''} -> ${constant && within ? 'meets' : 'MISSES'} the targets`);
}
process.exitCode = ok ? 0 : 1;
