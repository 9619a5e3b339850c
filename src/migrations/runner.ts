/**
 * The versioned-migration runner: upgrade and downgrade, online (on a database, under the
 * migration lock) or offline (`--sql`: the script, without connecting). Both go through
 * {@link MigrationSession} and {@link executePlan}; only the statement sink and the schema state
 * differ (see `migration-session.ts`).
 *
 * Online, in order: take a connection, take the lock, create the version tables if missing,
 * read the stored heads (after the lock, so N processes apply each migration once), report
 * checksum drift, plan, run, release the lock. Offline: the start heads are given (default base
 * for an upgrade), the schema state is rebuilt by replaying the migrations up to them in memory,
 * and the script gets the version table's CREATE and row changes like an online run would.
 */
import type { Dialect } from '../engine/dialect.js';
import type { Connection, Engine } from '../engine/types.js';
import { OnlineSchemaState } from '../operations/online-schema-state.js';
import { ExecutorSink, SqlTextSink } from '../operations/sinks.js';
import { findChecksumDrift, describeDrift, type ChecksumDrift } from './checksum-drift.js';
import type { TransactionMode } from './config.js';
import { createMigrationLock } from './lock.js';
import { migrationFailure } from './migration-failure.js';
import { MigrationSession, type SessionOutput } from './migration-session.js';
import { replayState } from './offline-state.js';
import { executePlan } from './plan-executor.js';
import { planSteps, replanRemaining } from './plan-steps.js';
import type { Direction } from './revision.js';
import { emitTo, type MigrateResult, type MigrationListener, type PlannedStep, type StepResult } from './runner-events.js';
import { loadModules, type ScriptDirectory } from './script-directory.js';
import { VersionTableSql } from './version-table-sql.js';
import { readAppliedChecksums, readHeads } from './version-table.js';

/** What every run needs. */
export interface RunOptions {
  readonly scripts: ScriptDirectory;
  readonly direction: Direction;
  /** A target the revision graph resolves (`head`, `heads`, `base`, an id or prefix, `-1`, `feature@head`, ...). */
  readonly target: string;
  readonly versionTable: string;
  readonly transaction: TransactionMode;
  readonly onEvent?: MigrationListener;
}

/** A run on a database. */
export interface OnlineRunOptions extends RunOptions {
  readonly engine: Engine;
  /** How long to wait for another process's migration lock. Default 10 minutes. */
  readonly lockTimeoutMs?: number;
}

/** A `--sql` run: no connection. */
export interface OfflineRunOptions extends RunOptions {
  readonly dialect: Dialect;
  /** The stored heads the script starts from (empty = base). */
  readonly fromHeads: readonly string[];
}

function warnTransactionMode(options: RunOptions, dialect: Dialect): void {
  if (options.transaction === 'all' && !dialect.capabilities.transactionalDdl) {
    emitTo(options.onEvent, {
      type: 'warning',
      code: 'NO_TRANSACTIONAL_DDL',
      message: `transaction 'all' has no effect on ${dialect.name}: its DDL commits as it runs, so each migration is committed on its own`,
    });
  }
}

function splitWarning(onEvent: MigrationListener | undefined): (revision: string, sql: string) => void {
  return (revision, sql) =>
    emitTo(onEvent, {
      type: 'warning',
      code: 'TRANSACTION_SPLIT',
      revision,
      message: `${revision}: committed the open transaction to run a statement that cannot run in one: ${sql}`,
    });
}

/**
 * Runs a plan from `heads`, re-planning when another process moved the heads (SQLite), and
 * turns a failed step into a MigrationError after rolling back.
 */
async function runPlan(
  options: RunOptions & { readonly dialect: Dialect },
  session: MigrationSession,
  heads: readonly string[],
  resetState: () => void,
): Promise<{ heads: readonly string[]; steps: StepResult[] }> {
  let steps: PlannedStep[] = planSteps(options.scripts, options.direction, heads, options.target);
  // every migration of the plan is loaded before the first runs: a broken file stops the run before it starts
  await loadModules(steps.map((s) => options.scripts.get(s.revision)));
  emitTo(options.onEvent, { type: 'plan', direction: options.direction, target: options.target, fromHeads: heads, steps });
  const results: StepResult[] = [];
  const total = steps.length;
  let current = heads;
  await session.beginRun();
  for (;;) {
    const outcome = await executePlan({ scripts: options.scripts, session, heads: current, steps, results, total, ...(options.onEvent ? { onEvent: options.onEvent } : {}) });
    if (outcome.kind === 'done') {
      await session.endRun();
      return { heads: outcome.heads, steps: results };
    }
    if (outcome.kind === 'stale') {
      await session.abort();
      const done = new Set(results.map((r) => r.revision));
      steps = replanRemaining(options.scripts, steps.filter((s) => !done.has(s.revision)), outcome.heads);
      current = outcome.heads;
      resetState();
      emitTo(options.onEvent, {
        type: 'warning',
        code: 'REPLANNED',
        message: `another process moved the version table to ${current.join(', ') || 'base'}; ${steps.length} step(s) left to run`,
      });
      await session.beginRun();
      continue;
    }
    const rolledBack = session.online && session.inTransaction && options.dialect.capabilities.transactionalDdl;
    // steps recorded in the transaction being rolled back (transaction 'all') are undone too
    const undone = rolledBack ? session.uncommittedSteps : [];
    await session.abort();
    throw migrationFailure(outcome.cause, {
      step: outcome.step,
      executed: outcome.executed,
      rolledBack,
      undone: undone.map((s) => s.revision),
      heads: undone[0]?.fromHeads ?? outcome.heads,
      dialect: options.dialect.name,
      offline: !session.online,
    });
  }
}

/**
 * Upgrades or downgrades a database. Throws MigrationError for a failed migration (after
 * rolling back what the dialect can), the revision graph's errors for a bad target, ScriptError
 * for a broken file, LockTimeoutError when another process keeps the lock.
 *
 * @example
 * ```ts
 * const scripts = await ScriptDirectory.load('/app/migrations');
 * const result = await runOnline({ engine, scripts, direction: 'up', target: 'head', versionTable: 'retort_version', transaction: 'each' });
 * ```
 */
export async function runOnline(options: OnlineRunOptions): Promise<MigrateResult> {
  const { engine, scripts } = options;
  const dialect = engine.dialect;
  warnTransactionMode(options, dialect);
  const versionSql = new VersionTableSql(dialect, options.versionTable);
  const conn = await engine.connect();
  const lock = createMigrationLock(engine, { versionTable: options.versionTable, ...(options.lockTimeoutMs !== undefined ? { timeoutMs: options.lockTimeoutMs } : {}) });
  try {
    const waitStart = performance.now();
    let waited = false;
    await lock.acquire(conn, (message) => {
      waited = true;
      emitTo(options.onEvent, { type: 'lock-wait', message: message ?? `waiting for another process's migration lock on ${options.versionTable}` });
    });
    if (waited) emitTo(options.onEvent, { type: 'lock-acquired', waitedMs: performance.now() - waitStart });
    let state = new OnlineSchemaState(conn);
    const output: SessionOutput = { sink: new ExecutorSink(conn), online: true, comment: () => undefined };
    const session = new MigrationSession({
      dialect,
      output,
      versionSql,
      mode: options.transaction,
      state,
      onSplit: splitWarning(options.onEvent),
      ...(lock.scope === 'transaction' ? { readHeads: () => readHeads(conn, versionSql) } : {}),
    });
    await session.createVersionTables();
    const heads = await readHeads(conn, versionSql);
    const drift = await checkDrift(conn, versionSql, scripts, heads, options.onEvent);
    const run = await runPlan({ ...options, dialect }, session, heads, () => {
      state = new OnlineSchemaState(conn);
      session.resetState(state);
    });
    return { direction: options.direction, target: options.target, fromHeads: heads, heads: run.heads, steps: run.steps, drift, sql: null };
  } finally {
    await lock.release();
    await conn.release();
  }
}

async function checkDrift(
  conn: Connection,
  versionSql: VersionTableSql,
  scripts: ScriptDirectory,
  heads: readonly string[],
  onEvent: MigrationListener | undefined,
): Promise<ChecksumDrift[]> {
  const applied = scripts.graph.appliedRevisions(heads);
  if (applied.size === 0) return [];
  const drift = findChecksumDrift(scripts, applied, await readAppliedChecksums(conn, versionSql));
  for (const d of drift) emitTo(onEvent, { type: 'warning', code: 'CHECKSUM_DRIFT', revision: d.revision, message: describeDrift(d) });
  return drift;
}

/**
 * Writes the SQL script of an upgrade or downgrade without connecting: the same statements an
 * online run executes, minus the lock and the reads (see `onlineOnlyStatements`), plus comments.
 *
 * @example
 * ```ts
 * const { sql } = await runOffline({ dialect, scripts, direction: 'up', target: 'head', fromHeads: [], versionTable: 'retort_version', transaction: 'each' });
 * ```
 */
export async function runOffline(options: OfflineRunOptions): Promise<MigrateResult> {
  const { dialect, scripts } = options;
  warnTransactionMode(options, dialect);
  const heads = scripts.graph.normalizeHeads(options.fromHeads);
  const sink = new SqlTextSink();
  const output: SessionOutput = { sink, online: false, comment: (text) => sink.raw(`\n${text.split('\n').map((l) => `-- ${l}`).join('\n')}`) };
  const state = await replayState(scripts, dialect, heads);
  const session = new MigrationSession({
    dialect,
    output,
    versionSql: new VersionTableSql(dialect, options.versionTable),
    mode: options.transaction,
    state,
    onSplit: splitWarning(options.onEvent),
  });
  await session.createVersionTables();
  const run = await runPlan({ ...options, dialect }, session, heads, () => undefined);
  return { direction: options.direction, target: options.target, fromHeads: heads, heads: run.heads, steps: run.steps, drift: [], sql: sink.text() };
}

/**
 * Which statements of an online run its `--sql` script does not contain: the lock's
 * (`MigrationLock.isLockStatement`) and the reads of the version tables. Reads of the schema
 * state (catalog queries, when a SQLite rebuild or a MySQL MODIFY needs a table) are online-only
 * too. Apart from these, and the measured `execution_ms` of history rows (NULL offline), an online
 * run and the `--sql` script of the same migrations send the same statements in the same order.
 *
 * @example
 * ```ts
 * const onlineOnly = onlineOnlyStatements(engine, { versionTable: 'retort_version' });
 * const writes = captured.filter((sql) => !onlineOnly(sql));
 * ```
 */
export function onlineOnlyStatements(engine: Engine, options: { readonly versionTable: string; readonly lockTimeoutMs?: number }): (sql: string) => boolean {
  const lock = createMigrationLock(engine, options);
  const sql = new VersionTableSql(engine.dialect, options.versionTable);
  const reads = new Set([sql.selectHeads(), sql.selectApplied()]);
  return (text) => reads.has(text) || lock.isLockStatement(text);
}
