/**
 * The programmatic migration API: what the CLI commands call, and what applications and tests
 * call directly. Every call resolves its configuration (see `MigrationApiOptions`), throws typed
 * errors, and reports progress through `onEvent`; none prints.
 */
import { ConfigError } from '../errors/index.js';
import { resolveApiContext, dialectOf, withEngine, type MigrationApiOptions } from './api-context.js';
import { findChecksumDrift, type ChecksumDrift } from './checksum-drift.js';
import type { TransactionMode } from './config.js';
import { createMigrationLock } from './lock.js';
import { planSteps } from './plan-steps.js';
import type { Direction } from './revision.js';
import { runOffline, runOnline } from './runner.js';
import type { MigrateResult, PlannedStep } from './runner-events.js';
import type { ScriptDirectory } from './script-directory.js';
import { ExecutorSink, SqlTextSink } from '../operations/sinks.js';
import { MigrationSession } from './migration-session.js';
import { OfflineSchemaState } from '../operations/schema-state.js';
import { VersionTableSql } from './version-table-sql.js';
import { historyTableExists, readAppliedChecksums, readHeads, readHistoryRows, versionTableExists, type HistoryRow } from './version-table.js';

/** Options of {@link upgrade} and {@link downgrade}. */
export interface MigrateOptions extends MigrationApiOptions {
  /**
   * Where to go. Upgrade default `head`; downgrade requires one (`-1`, `base`, a revision, ...).
   * With `sql: true`, `from:to` starts the script at `from` instead of base (upgrade) or the heads
   * (downgrade), as Alembic's `upgrade a:b --sql`.
   */
  readonly target?: string;
  /** Write the SQL script instead of running it (`--sql`); no connection is made. */
  readonly sql?: boolean;
  /** Override the config's transaction mode. */
  readonly transaction?: TransactionMode;
}

function splitRange(target: string, sql: boolean): { from: string | null; to: string } {
  const i = target.indexOf(':');
  if (i < 0) return { from: null, to: target };
  if (!sql) throw new ConfigError(`"${target}": a from:to range is only for --sql output; online runs start from the database's heads`);
  return { from: target.slice(0, i), to: target.slice(i + 1) };
}

async function migrate(direction: Direction, options: MigrateOptions, target: string): Promise<MigrateResult> {
  const ctx = await resolveApiContext(options);
  const sql = options.sql === true;
  const range = splitRange(target, sql);
  const common = {
    scripts: ctx.scripts,
    direction,
    target: range.to,
    versionTable: ctx.versionTable,
    transaction: ctx.transaction,
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  };
  if (sql) {
    const graph = ctx.scripts.graph;
    const from = range.from ?? (direction === 'up' ? 'base' : 'heads');
    const fromHeads = graph.resolve(from);
    return runOffline({ ...common, dialect: dialectOf(options, ctx.config), fromHeads });
  }
  return withEngine(options, ctx.config, (engine) =>
    runOnline({ ...common, engine, ...(options.lockTimeoutMs !== undefined ? { lockTimeoutMs: options.lockTimeoutMs } : {}) }),
  );
}

/**
 * Upgrades the database to `target` (default `head`), or with `sql: true` returns the script.
 *
 * @example
 * ```ts
 * const result = await upgrade({ url: 'sqlite:///app.db', onEvent: (e) => log(e) });
 * const { sql } = await upgrade({ url: 'postgresql://localhost/app', target: 'base:head', sql: true });
 * ```
 */
export function upgrade(options: MigrateOptions = {}): Promise<MigrateResult> {
  return migrate('up', options, options.target ?? 'head');
}

/**
 * Downgrades the database to `target` (`-1`, `base`, a revision, `feature@-1`, ...).
 *
 * @example
 * ```ts
 * await downgrade({ engine, target: '-1' });
 * ```
 */
export function downgrade(options: MigrateOptions & { readonly target: string }): Promise<MigrateResult> {
  if (typeof options.target !== 'string' || options.target === '') {
    return Promise.reject(new ConfigError('downgrade needs a target: -1, base, or a revision'));
  }
  return migrate('down', options, options.target);
}

/** A stored head, described. */
export interface HeadInfo {
  readonly revision: string;
  readonly message: string | null;
  /** The migration file, or null when no file declares the revision. */
  readonly path: string | null;
  /** True when the revision is a head of the graph (nothing builds on it). */
  readonly isHead: boolean;
}

/** What {@link current} returns. */
export interface CurrentResult {
  /** The stored heads (empty: base, or no version table yet). */
  readonly heads: readonly HeadInfo[];
  /** False when the database has no version table yet. */
  readonly versionTableExists: boolean;
  /** The steps `upgrade heads` would run. */
  readonly pending: readonly PlannedStep[];
  /** True when every head of the graph is applied and nothing is pending. */
  readonly upToDate: boolean;
  /** Applied migrations changed after they were applied. */
  readonly drift: readonly ChecksumDrift[];
}

function describeHeads(scripts: ScriptDirectory, heads: readonly string[]): HeadInfo[] {
  return heads.map((revision) => {
    const known = scripts.has(revision);
    const script = known ? scripts.get(revision) : null;
    return { revision, message: script?.message ?? null, path: script?.path ?? null, isHead: known && scripts.graph.isHead(revision) };
  });
}

/**
 * The database's current heads, what is pending and any checksum drift. Creates nothing.
 * Throws RevisionNotFoundError when the database records a revision no file declares.
 *
 * @example
 * ```ts
 * const { heads, pending, drift } = await current({ url });
 * ```
 */
export async function current(options: MigrationApiOptions = {}): Promise<CurrentResult> {
  const ctx = await resolveApiContext(options);
  return withEngine(options, ctx.config, async (engine) => {
    const sql = new VersionTableSql(engine.dialect, ctx.versionTable);
    return engine.withConnection(async (conn) => {
      const exists = await versionTableExists(conn, sql);
      const heads = exists ? await readHeads(conn, sql) : [];
      const graph = ctx.scripts.graph;
      const applied = graph.appliedRevisions(heads);
      const drift =
        exists && applied.size > 0 && (await historyTableExists(conn, sql))
          ? findChecksumDrift(ctx.scripts, applied, await readAppliedChecksums(conn, sql))
          : [];
      const pending = graph.size === 0 ? [] : planSteps(ctx.scripts, 'up', heads, 'heads');
      return {
        heads: describeHeads(ctx.scripts, heads),
        versionTableExists: exists,
        pending,
        upToDate: pending.length === 0,
        drift,
      };
    });
  });
}

/** Options of {@link stamp}. */
export interface StampOptions extends MigrationApiOptions {
  /** The heads to record: `head`, `heads`, `base`, revisions (several separated by spaces or commas). */
  readonly target: string;
  /** Write the statements instead of running them. */
  readonly sql?: boolean;
}

/** What {@link stamp} returns. */
export interface StampResult {
  readonly fromHeads: readonly string[];
  readonly heads: readonly string[];
  /** The script when `sql: true`; else null. */
  readonly sql: string | null;
}

/**
 * Sets the version table to `target` without running any migration (e.g. for a database
 * created with `createAll`). Takes the migration lock; writes one `stamp` history row per head
 * it adds.
 *
 * @example
 * ```ts
 * await stamp({ url, target: 'head' });
 * ```
 */
export async function stamp(options: StampOptions): Promise<StampResult> {
  const ctx = await resolveApiContext(options);
  const graph = ctx.scripts.graph;
  const resolveTo = (current: readonly string[]): readonly string[] =>
    graph.normalizeHeads(options.target.split(/[\s,]+/).filter(Boolean).flatMap((t) => [...graph.resolve(t, { current })]));
  const checksums = new Map(ctx.scripts.scripts.map((s) => [s.revision, s.checksum]));
  if (options.sql === true) {
    const dialect = dialectOf(options, ctx.config);
    const sink = new SqlTextSink();
    const session = new MigrationSession({ dialect, output: { sink, online: false, comment: () => undefined }, versionSql: new VersionTableSql(dialect, ctx.versionTable), mode: 'each', state: new OfflineSchemaState() });
    await session.createVersionTables();
    const heads = resolveTo([]);
    await session.stamp([], heads, checksums);
    return { fromHeads: [], heads, sql: sink.text() };
  }
  return withEngine(options, ctx.config, async (engine) => {
    const versionSql = new VersionTableSql(engine.dialect, ctx.versionTable);
    const conn = await engine.connect();
    const lock = createMigrationLock(engine, { versionTable: ctx.versionTable, ...(options.lockTimeoutMs !== undefined ? { timeoutMs: options.lockTimeoutMs } : {}) });
    try {
      await lock.acquire(conn);
      const session = new MigrationSession({
        dialect: engine.dialect,
        output: { sink: new ExecutorSink(conn), online: true, comment: () => undefined },
        versionSql,
        mode: 'each',
        state: new OfflineSchemaState(),
      });
      await session.createVersionTables();
      const fromHeads = await readHeads(conn, versionSql);
      const heads = resolveTo(fromHeads);
      try {
        await session.stamp(fromHeads, heads, checksums);
      } catch (e) {
        await session.abort();
        throw e;
      }
      return { fromHeads, heads, sql: null };
    } finally {
      await lock.release();
      await conn.release();
    }
  });
}

/** A revision of the graph, as `retort history` lists it. */
export interface RevisionInfo {
  readonly revision: string;
  readonly parents: readonly string[];
  readonly message: string;
  readonly path: string;
  readonly branchLabels: readonly string[];
  readonly isHead: boolean;
  readonly isBranchPoint: boolean;
  readonly isMergePoint: boolean;
}

function info(scripts: ScriptDirectory, revision: string): RevisionInfo {
  const s = scripts.get(revision);
  const g = scripts.graph;
  return {
    revision,
    parents: s.parents,
    message: s.message,
    path: s.path,
    branchLabels: g.labelsOf(revision),
    isHead: g.isHead(revision),
    isBranchPoint: g.isBranchPoint(revision),
    isMergePoint: g.isMergePoint(revision),
  };
}

/**
 * The revisions of the migration files, newest first, optionally within `range`
 * (`lower:upper`, as `retort history -r`). Reads no database.
 *
 * @example
 * ```ts
 * (await history({ range: 'base:head' })).map((r) => `${r.revision} ${r.message}`);
 * ```
 */
export async function history(options: MigrationApiOptions & { readonly range?: string } = {}): Promise<RevisionInfo[]> {
  const ctx = await resolveApiContext(options);
  return ctx.scripts.graph.history(options.range).map((r) => info(ctx.scripts, r.id));
}

/**
 * The heads of the migration files (not of the database: see {@link current}).
 *
 * @example
 * ```ts
 * (await heads()).map((h) => h.revision);
 * ```
 */
export async function heads(options: MigrationApiOptions = {}): Promise<RevisionInfo[]> {
  const ctx = await resolveApiContext(options);
  return ctx.scripts.graph.heads.map((h) => info(ctx.scripts, h));
}

/**
 * What ran on the database, oldest first: the history table's rows (empty without one).
 *
 * @example
 * ```ts
 * for (const row of await appliedHistory({ url })) console.log(row.revision, row.direction, row.executionMs);
 * ```
 */
export async function appliedHistory(options: MigrationApiOptions = {}): Promise<HistoryRow[]> {
  const ctx = await resolveApiContext(options);
  return withEngine(options, ctx.config, (engine) =>
    engine.withConnection(async (conn) => {
      const sql = new VersionTableSql(engine.dialect, ctx.versionTable);
      return (await historyTableExists(conn, sql)) ? readHistoryRows(conn, sql) : [];
    }),
  );
}
