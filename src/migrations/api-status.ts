/**
 * The programmatic migration API, part 2: read-only questions. `current` reads the database
 * (creating nothing); `history` and `heads` read only the migration files; `appliedHistory` reads
 * the history table.
 */
import { prewarm, resolveApiContext, resolveSettings, loadScripts, withEngine, type MigrationApiOptions } from './api-context.js';
import { findChecksumDrift, type ChecksumDrift } from './checksum-drift.js';
import { planSteps } from './plan-steps.js';
import type { PlannedStep } from './runner-events.js';
import type { ScriptDirectory } from './script-directory.js';
import { VersionTableSql } from './version-table-sql.js';
import { historyTableExists, readAppliedChecksums, readHeads, readHistoryRows, versionTableExists, type HistoryRow } from './version-table.js';

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
  const settings = await resolveSettings(options);
  return withEngine(options, settings.config, async (engine) => {
    const [scripts] = await Promise.all([loadScripts(options, settings), prewarm(engine, 1)]);
    const sql = new VersionTableSql(engine.dialect, settings.versionTable);
    return engine.withConnection(async (conn) => {
      const exists = await versionTableExists(conn, sql);
      const heads = exists ? await readHeads(conn, sql) : [];
      const graph = scripts.graph;
      const applied = graph.appliedRevisions(heads);
      const drift =
        exists && applied.size > 0 && (await historyTableExists(conn, sql)) ? findChecksumDrift(scripts, applied, await readAppliedChecksums(conn, sql)) : [];
      const pending = graph.size === 0 ? [] : planSteps(scripts, 'up', heads, 'heads');
      return { heads: describeHeads(scripts, heads), versionTableExists: exists, pending, upToDate: pending.length === 0, drift };
    });
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
