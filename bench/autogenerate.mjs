// Autogenerate benchmark: models of BENCH_TABLES (default 1000) generated tables against a database
// loaded with the same schema (raw driver) but for 20 planted differences of every kind (table
// added / dropped, column added / dropped, type widened, nullability, default added / changed /
// dropped, index added / dropped / made unique, FK added / dropped / action changed, check added /
// dropped, unique added, column and table comments; on SQLite, which keeps no comments, a changed
// CHECK and a column made NOT NULL instead), on each dialect. Measures:
//   - self-check: the unmutated models against the database give zero ops (no phantom changes);
//   - found: the ops are exactly the planted differences ("20/20 found, 0 extra"); else it fails;
//   - metadata.snapshot() and compare() alone, in process (medians after a warm-up);
//   - whole processes as a user runs them, in a temp project folder (retort.config.ts, models.ts,
//     migrations/): `retort check` and `retort revision --autogenerate -m bench` when `retort
//     --help` lists them, else the stand-in bench/lib/autogenerate-process.mjs doing the same
//     (config, reflect, models via jiti, compare, render); the output says which. Medians after one
//     warm-up run, which fills jiti's fs cache with the transformed models module (that first run,
//     with jiti transforming the 1000-table module, is printed apart). jiti's cache is kept in the
//     bench's temp folder (TMPDIR), removed at the end;
//   - the reflection floor (bench/floor/<dialect>.mjs: bare Node + raw driver reading the same
//     catalog facts), interleaved with the runs above, and the ratios to it.
// Targets: compare alone < 100 ms; whole autogenerate <= 2x the floor; every planted difference
// found and nothing else. Alembic's comparison of such a model is printed for scale.
// Env: BENCH_DIALECTS (default: every server that answers, SQLite always), BENCH_RUNS (process
// runs per command, default 5), BENCH_TABLES (default 1000), RETORT_TEST_POSTGRESQL_URL /
// RETORT_TEST_MYSQL_URL. Imports the built dist/ (bench/run.mjs builds it). Exits 1 on a missed
// target or a wrong set of changes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { compare } from '../dist/autogenerate/index.js';
import { createEngine } from '../dist/index.js';
import { loadModule } from '../dist/migrations/module-loader.js';
import { inspect } from '../dist/reflect/inspect.js';
import { dialectsUnderTest, freshDatabase, loadStatements } from './lib/databases.mjs';
import { checkPlanted, generateModels, opSignature } from './lib/gen-models.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TABLES = Number(process.env.BENCH_TABLES ?? 1000);
const COMPARE_RUNS = 9;
const TARGET_COMPARE_MS = 100;
const TARGET_RATIO = 2;
/** Alembic's comparison of a 1000-table model on this machine (s), for scale. */
const ALEMBIC = { postgresql: 9.6, mysql: 4.6, sqlite: 4.8 };
const IGNORE = ['retort_version', 'retort_version_history'];

// The whole processes measured: the real CLI when it has the commands, else the stand-in.
const help = spawnSync(process.execPath, [join(root, 'bin/retort'), '--help'], { encoding: 'utf8' }).stdout ?? '';
const cliHas = (command) => new RegExp(`^\\s*retort ${command}\\b`, 'm').test(help);
const useCli = cliHas('check') && cliHas('revision');
const standIn = join(root, 'bench/lib/autogenerate-process.mjs');
const COMMANDS = useCli
  ? { check: [join(root, 'bin/retort'), 'check'], revision: [join(root, 'bin/retort'), 'revision', '--autogenerate', '-m', 'bench'] }
  : { check: [standIn, 'check'], revision: [standIn, 'revision'] };
const LABEL = useCli ? { check: 'retort check', revision: 'retort revision --autogenerate' } : { check: 'check (stand-in)', revision: 'autogenerate (stand-in)' };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const tmp = mkdtempSync(join(tmpdir(), 'retort-bench-autogenerate-'));
// jiti caches transformed modules in $TMPDIR/jiti: in this run's folder, in this process and its children
process.env.TMPDIR = tmp;
const env = { ...process.env };
delete env.DATABASE_URL; // the config file's URL, not the caller's

/**
 * One run of a process: wall time (ms, measured here) and peak RSS (MiB, /usr/bin/time). Throws
 * unless it exits with `okStatus` and its output passes `valid` (an error exits 1 too); stderr may
 * hold only `warning:` lines (autogenerate warns about the planted drops).
 */
function runProcess(args, cwd, okStatus, valid = () => true) {
  const start = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  const lines = r.stderr.trim().split('\n');
  const rss = Number(lines.pop()) / 1024;
  if (r.status !== okStatus || !valid(r.stdout) || lines.some((l) => l.trim() !== '' && !l.startsWith('Command exited') && !l.startsWith('warning: '))) {
    throw new Error(`${args.join(' ')} (in ${cwd}) exited ${r.status}, expected ${okStatus}: ${r.stderr.slice(-800)}${r.stdout.slice(0, 400)}`);
  }
  return { ms, rss, stdout: r.stdout };
}

/** Median time (ms) of a synchronous function over `runs` runs after `warmup` ones, and its last result. */
function timeSync(fn, runs, warmup = 3) {
  let result;
  for (let i = 0; i < warmup; i++) result = fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

/** A project folder as a user has it: retort.config.ts, the models, an empty migrations folder. */
function writeProject(dir, url, models) {
  mkdirSync(join(dir, 'migrations'), { recursive: true });
  writeFileSync(join(dir, 'models.ts'), models);
  writeFileSync(
    join(dir, 'retort.config.ts'),
    // a plain object: `retort` does not export defineConfig (yet)
    `export default {\n  url: ${JSON.stringify(url)},\n  models: './models.ts',\n  migrations: './migrations',\n};\n`,
  );
}

function clearMigrations(dir) {
  for (const f of readdirSync(join(dir, 'migrations'))) rmSync(join(dir, 'migrations', f), { force: true });
}

const rows = [];
let failures = 0;
console.log(`whole processes: ${useCli ? 'the retort CLI (check, revision --autogenerate)' : 'bench/lib/autogenerate-process.mjs (the CLI has no check / revision --autogenerate yet)'}`);
try {
  for (const dialect of await dialectsUnderTest()) {
    const generated = generateModels(dialect, TABLES);
    const db = await freshDatabase(dialect, `autogen_${TABLES}`, tmp);
    try {
      await loadStatements(dialect, db.url, generated.statements);
      const project = join(tmp, dialect);
      writeProject(project, db.url, generated.mutated);
      // the in-process loads use files of their own, so that the first process meets a cold jiti cache
      writeFileSync(join(project, 'exact-models.ts'), generated.exact);
      writeFileSync(join(project, 'in-process-models.ts'), generated.mutated);

      // In process: reflect once, load both models modules, snapshot and compare.
      const engine = createEngine(db.url);
      const current = await inspect(engine);
      await engine.dispose();
      const exact = await loadModule(join(project, 'exact-models.ts'));
      const mutated = await loadModule(join(project, 'in-process-models.ts'));
      const options = { dialect: engine.dialect, ignoreTables: IGNORE };

      const phantom = compare(exact.metadata.snapshot(engine.dialect), current, options);
      if (phantom.length > 0) {
        failures++;
        console.log(`${dialect}: SELF-CHECK FAILS: the unmutated models give ${phantom.length} op(s) against the database:`);
        for (const op of phantom.slice(0, 20)) console.log(`  ${opSignature(op)}  ${JSON.stringify(op).slice(0, 300)}`);
      }

      const snapshot = timeSync(() => mutated.metadata.snapshot(engine.dialect), COMPARE_RUNS);
      const compared = timeSync(() => compare(snapshot.result, current, options), COMPARE_RUNS);
      const { found, missing, extra } = checkPlanted(compared.result, generated.expected);
      const correct = phantom.length === 0 && missing.length === 0 && extra.length === 0;
      if (!correct) failures++;
      console.log(`${dialect}: self-check ${phantom.length === 0 ? `0 ops for the unmutated models of ${TABLES} tables` : 'FAILED'}; ` +
        `${found.length}/${generated.expected.length} planted differences found, ${extra.length} extra (${compared.result.length} ops)`);
      for (const m of missing) console.log(`  MISSING ${m.kind}: ${m.table}${m.object ? `.${m.object}` : ''} (expected ${m.ops.join(' + ')})`);
      for (const e of extra) console.log(`  EXTRA ${e}`);

      // Whole processes, interleaved with the floor; the first round is a warm-up (jiti's cache).
      const floorArgs = [join(root, 'bench/floor', `${dialect}.mjs`), db.url];
      const times = { floor: [], check: [], revision: [] };
      let rss = 0;
      let coldCheck = 0;
      for (let i = 0; i <= RUNS; i++) {
        const floor = runProcess(floorArgs, root, 0);
        // check: exit 1 and the changes listed; revision: a migration (printed by the stand-in, a file by the CLI)
        const check = runProcess(COMMANDS.check, project, 1, (out) => out.trim().split('\n').length >= (useCli ? 1 : generated.expected.length));
        clearMigrations(project);
        const revision = runProcess(COMMANDS.revision, project, 0, (out) =>
          useCli ? readdirSync(join(project, 'migrations')).length === 1 : out.includes('export async function upgrade'));
        clearMigrations(project);
        if (i === 0) {
          coldCheck = check.ms / 1000;
          continue;
        }
        times.floor.push(floor.ms);
        times.check.push(check.ms);
        times.revision.push(revision.ms);
        rss = Math.max(rss, check.rss, revision.rss);
      }
      const row = {
        dialect,
        snapshotMs: snapshot.ms,
        compareMs: compared.ms,
        floor: median(times.floor) / 1000,
        check: median(times.check) / 1000,
        revision: median(times.revision) / 1000,
        rss,
        coldCheck,
        correct,
      };
      row.ratio = row.revision / row.floor;
      rows.push(row);
      console.log(
        `${dialect.padEnd(10)} ${TABLES} tables  snapshot ${row.snapshotMs.toFixed(1)} ms  compare ${row.compareMs.toFixed(1)} ms (target < ${TARGET_COMPARE_MS})  ` +
          `floor ${row.floor.toFixed(2)} s  ${LABEL.check} ${row.check.toFixed(2)} s (${(row.check / row.floor).toFixed(2)}x)  ` +
          `${LABEL.revision} ${row.revision.toFixed(2)} s (${row.ratio.toFixed(2)}x, target <= ${TARGET_RATIO}x)  peak ${rss.toFixed(0)} MiB  ` +
          `(first ${LABEL.check}, jiti cache cold: ${row.coldCheck.toFixed(2)} s)`,
      );
    } finally {
      await db.drop();
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

console.log(`\nautogenerate of ${TABLES} tables (medians; processes after one warm-up run that fills jiti's cache)`);
console.log('dialect     snapshot   compare   floor    check  autogen  ratio   alembic  vs alembic  1st check  verdict');
for (const r of rows) {
  const meets = r.correct && r.compareMs < TARGET_COMPARE_MS && r.ratio <= TARGET_RATIO;
  if (!meets && r.correct) failures++;
  const alembic = TABLES === 1000 ? ALEMBIC[r.dialect] : undefined;
  console.log(
    `${r.dialect.padEnd(10)} ${`${r.snapshotMs.toFixed(1)} ms`.padStart(9)} ${`${r.compareMs.toFixed(1)} ms`.padStart(9)} ` +
      `${`${r.floor.toFixed(2)} s`.padStart(7)} ${`${r.check.toFixed(2)} s`.padStart(8)} ${`${r.revision.toFixed(2)} s`.padStart(8)} ` +
      `${`${r.ratio.toFixed(2)}x`.padStart(6)} ${alembic ? `${alembic.toFixed(1)} s`.padStart(8) : '       -'} ` +
      `${alembic ? `${(alembic / r.revision).toFixed(0)}x faster`.padStart(11) : '          -'}  ` +
      `${`${r.coldCheck.toFixed(2)} s`.padStart(9)}  ` +
      `${meets ? 'meets the targets' : `MISSES${r.correct ? '' : ' (wrong changes)'}${r.compareMs >= TARGET_COMPARE_MS ? ' (compare)' : ''}${r.ratio > TARGET_RATIO ? ' (ratio)' : ''}`}`,
  );
}
console.log(`targets: compare < ${TARGET_COMPARE_MS} ms; whole autogenerate <= ${TARGET_RATIO}x the reflection floor; every planted difference found, nothing else`);
console.log('1st check: the first process, in which jiti transforms the models module (then cached until it changes)');
process.exitCode = failures > 0 ? 1 : 0;
