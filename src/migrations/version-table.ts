/**
 * Reading the version tables on a live connection (writes go through a statement sink, see
 * `VersionTableSql`, so that `--sql` output gets them too).
 */
import type { Executor } from '../engine/types.js';
import type { HistoryDirection, VersionTableSql } from './version-table-sql.js';

/** A row of the history table. */
export interface HistoryRow {
  readonly id: number;
  readonly revision: string;
  readonly direction: HistoryDirection;
  /** When the step ran, as the database returned it (a Date or the database's text). */
  readonly appliedAt: Date | string;
  readonly checksum: string | null;
  readonly executionMs: number | null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** True when the version table exists. */
export async function versionTableExists(executor: Executor, sql: VersionTableSql): Promise<boolean> {
  const { rows } = await executor.execute(sql.exists());
  return rows.length > 0;
}

/** True when the history table exists. */
export async function historyTableExists(executor: Executor, sql: VersionTableSql): Promise<boolean> {
  const { rows } = await executor.execute(sql.historyExists());
  return rows.length > 0;
}

/** The stored heads, sorted (the table must exist). */
export async function readHeads(executor: Executor, sql: VersionTableSql): Promise<string[]> {
  const { rows } = await executor.execute(sql.selectHeads());
  return rows.map((r) => text(r.version_num)).sort();
}

/**
 * For each revision with an `up` or `stamp` history row, the checksum recorded by the latest
 * one (the table must exist).
 */
export async function readAppliedChecksums(executor: Executor, sql: VersionTableSql): Promise<Map<string, string | null>> {
  const { rows } = await executor.execute(sql.selectApplied());
  const out = new Map<string, string | null>();
  for (const row of rows) out.set(text(row.revision), row.checksum === null || row.checksum === undefined ? null : text(row.checksum));
  return out;
}

/** Every history row, oldest first (the table must exist). */
export async function readHistoryRows(executor: Executor, sql: VersionTableSql): Promise<HistoryRow[]> {
  const { rows } = await executor.execute(sql.selectHistory());
  return rows.map((r) => ({
    id: Number(r.id),
    revision: text(r.revision),
    direction: text(r.direction) as HistoryDirection,
    appliedAt: r.applied_at instanceof Date ? r.applied_at : text(r.applied_at),
    checksum: r.checksum === null || r.checksum === undefined ? null : text(r.checksum),
    executionMs: numberOrNull(r.execution_ms),
  }));
}
