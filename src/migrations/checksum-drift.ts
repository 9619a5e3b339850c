/**
 * Checksum drift: an applied migration whose file changed after it was applied.
 */
import type { ScriptDirectory } from './script-directory.js';

/** An applied revision whose file no longer has the checksum recorded when it was applied. */
export interface ChecksumDrift {
  readonly revision: string;
  /** The file now. */
  readonly path: string;
  /** sha256 recorded in the history table when the revision was applied (or stamped). */
  readonly recorded: string;
  /** sha256 of the file now. */
  readonly current: string;
}

/**
 * The applied revisions whose recorded checksum differs from their file's, in graph order.
 * Revisions applied without a history row (implied by a stamp, or recorded without a checksum)
 * are not checked; revisions without a file are the graph's concern.
 *
 * @example
 * ```ts
 * findChecksumDrift(scripts, graph.appliedRevisions(heads), await readAppliedChecksums(conn, sql));
 * ```
 */
export function findChecksumDrift(
  scripts: ScriptDirectory,
  applied: ReadonlySet<string>,
  recorded: ReadonlyMap<string, string | null>,
): ChecksumDrift[] {
  const out: ChecksumDrift[] = [];
  for (const rev of scripts.graph.all()) {
    if (!applied.has(rev.id) || !scripts.has(rev.id)) continue;
    const then = recorded.get(rev.id);
    if (then === undefined || then === null) continue;
    const script = scripts.get(rev.id);
    if (then !== script.checksum) out.push({ revision: rev.id, path: script.path, recorded: then, current: script.checksum });
  }
  return out;
}

/** A one-line description of a drift, for warnings. */
export function describeDrift(drift: ChecksumDrift): string {
  return `revision ${drift.revision} was changed after it was applied (${drift.path}: checksum ${drift.current.slice(0, 12)}, applied as ${drift.recorded.slice(0, 12)})`;
}
