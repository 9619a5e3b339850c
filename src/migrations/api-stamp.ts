/**
 * The programmatic migration API, part 3: `stamp`, which sets the version table without running
 * any migration.
 */
import { OfflineSchemaState } from '../operations/schema-state.js';
import { ExecutorSink, SqlTextSink } from '../operations/sinks.js';
import { dialectOf, resolveApiContext, withEngine, type MigrationApiOptions } from './api-context.js';
import { createMigrationLock } from './lock.js';
import { MigrationSession } from './migration-session.js';
import { VersionTableSql } from './version-table-sql.js';
import { readHeads } from './version-table.js';

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
    const dialect = await dialectOf(options, ctx.config);
    const sink = new SqlTextSink();
    const session = new MigrationSession({ dialect, output: { sink, online: false, comment: () => undefined }, versionSql: new VersionTableSql(dialect, ctx.versionTable), mode: 'each', state: new OfflineSchemaState() });
    await session.createVersionTables();
    const { heads } = await session.stamp(() => Promise.resolve([]), resolveTo, checksums);
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
      try {
        // the heads are read inside the stamp's transaction: under SQLite's lock (BEGIN IMMEDIATE) too
        const { fromHeads, heads } = await session.stamp(() => readHeads(conn, versionSql), resolveTo, checksums);
        return { fromHeads, heads, sql: null };
      } catch (e) {
        await session.abort();
        throw e;
      }
    } finally {
      await lock.release();
      await conn.release();
    }
  });
}

