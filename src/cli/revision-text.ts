/**
 * How revisions read on the command line, Alembic-like: `<base> -> 3f2a9c1d7b04, create post`,
 * `3f2a9c1d7b04 -> a81c0e5f22d9 (head), add post summary`, merges as `(a, b) -> m (mergepoint)`.
 */
import type { RevisionInfo } from '../migrations/api-status.js';

/**
 * `<base>` for no revisions, the id for one, `(a, b)` for several.
 *
 * @example
 * ```ts
 * revisionList([]); // '<base>'
 * revisionList(['a1', 'b2']); // '(a1, b2)'
 * ```
 */
export function revisionList(ids: readonly string[]): string {
  if (ids.length === 0) return '<base>';
  if (ids.length === 1) return ids[0] ?? '';
  return `(${ids.join(', ')})`;
}

/** The markers after a revision id: branch labels, `(head)`, `(branchpoint)`, `(mergepoint)`. */
export function revisionMarks(info: Pick<RevisionInfo, 'branchLabels' | 'isHead' | 'isBranchPoint' | 'isMergePoint'>): string {
  const marks: string[] = [];
  if (info.branchLabels.length > 0) marks.push(`(${info.branchLabels.join(', ')})`);
  if (info.isHead) marks.push('(head)');
  if (info.isBranchPoint) marks.push('(branchpoint)');
  if (info.isMergePoint) marks.push('(mergepoint)');
  return marks.length === 0 ? '' : ` ${marks.join(' ')}`;
}

/**
 * One history line: `3f2a9c1d7b04 -> a81c0e5f22d9 (head), add post summary`.
 *
 * @example
 * ```ts
 * (await history({ config })).map(historyLine).join('\n');
 * ```
 */
export function historyLine(info: RevisionInfo): string {
  return `${revisionList(info.parents)} -> ${info.revision}${revisionMarks(info)}, ${info.message}`;
}

/** A duration for people: `14 ms`, `2.3 s`. */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
