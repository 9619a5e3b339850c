/**
 * `retort history -r lower:upper`: the revisions between two targets, newest first.
 */
import { RevisionTargetError } from '../errors/index.js';
import { compareIds } from './revision-build.js';
import type { RevisionGraph } from './revision-graph.js';
import { postOrder, reachable } from './revision-order.js';
import { resolveTarget } from './revision-resolve.js';
import type { ResolveContext, Revision } from './revision.js';

/** A history range split into its ends; defaults are `base` and `heads`. */
export interface HistoryRange {
  readonly lower: string;
  readonly upper: string;
}

/**
 * Parses `lower:upper`, `lower:`, `:upper` (or nothing: everything).
 *
 * @example
 * ```ts
 * parseHistoryRange('a81c:'); // { lower: 'a81c', upper: 'heads' }
 * ```
 */
export function parseHistoryRange(range: string | undefined): HistoryRange {
  const text = (range ?? '').trim();
  if (text === '') return { lower: 'base', upper: 'heads' };
  const parts = text.split(':');
  if (parts.length !== 2) {
    throw new RevisionTargetError(text, `history range "${text}" must be written lower:upper, lower: or :upper`);
  }
  const [lower = '', upper = ''] = parts.map((p) => p.trim());
  return { lower: lower === '' ? 'base' : lower, upper: upper === '' ? 'heads' : upper };
}

function resolveEnd(graph: RevisionGraph, end: string, context: ResolveContext): readonly string[] {
  if (end === 'current') return graph.normalizeHeads(context.current ?? []);
  return resolveTarget(graph, end, context).ids;
}

/**
 * The revisions from `lower` (included) up to `upper` (included), newest first, as
 * `alembic history` lists them: everything `upper` needs that descends from `lower`. Either end
 * may be any target, or `current` for the stored heads in `context`. Throws
 * `RevisionTargetError` when `lower` is not an ancestor of `upper`.
 *
 * @example
 * ```ts
 * history(graph, 'a1a1a1:head').map((r) => r.id); // ['c3c3c3', 'b2b2b2', 'a1a1a1']
 * history(graph, 'current:', { current: stored }); // what an upgrade to heads would add, and current
 * ```
 */
export function history(graph: RevisionGraph, range: string | undefined, context: ResolveContext = {}): readonly Revision[] {
  const { lower, upper } = parseHistoryRange(range);
  const uppers = resolveEnd(graph, upper, context);
  const lowers = resolveEnd(graph, lower, context);
  const required = reachable(uppers, (id) => graph.downRevisions(id));
  let keep: ReadonlySet<string> = required;
  if (lowers.length > 0) {
    const missing = lowers.filter((l) => !required.has(l));
    if (missing.length > 0) {
      throw new RevisionTargetError(
        `${lower}:${upper}`,
        `revision ${missing.map((m) => `"${m}"`).join(', ')} is not an ancestor of "${upper}" (${uppers.join(', ') || 'base'})`,
      );
    }
    const above = reachable(lowers, (id) => graph.children(id));
    keep = new Set([...required].filter((id) => above.has(id)));
  }
  const oldestFirst = postOrder([...uppers].sort(compareIds), (id) => graph.downRevisions(id), required);
  return oldestFirst.filter((id) => keep.has(id)).reverse().map((id) => graph.get(id));
}
