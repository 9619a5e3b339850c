/**
 * Graph walks shared by the revision graph: reachability and depth-first post-order, both
 * iterative so that long chains of revisions cannot overflow the stack.
 */

/** Neighbours of a node, in the order they should be visited. */
export type Neighbours = (id: string) => readonly string[];

/**
 * Every node reachable from `starts` through `next`, the starts included.
 *
 * @example
 * ```ts
 * reachable(['c'], (id) => parentsOf(id)); // Set { 'c', 'b', 'a' }
 * ```
 */
export function reachable(starts: Iterable<string>, next: Neighbours): Set<string> {
  const seen = new Set<string>();
  const pending = [...starts];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    for (const n of next(id)) if (!seen.has(n)) pending.push(n);
  }
  return seen;
}

/**
 * Depth-first post-order over the nodes of `within`: a node comes after every node reachable
 * from it through `next`. Walking parents gives oldest-first (upgrade) order; walking children
 * gives newest-first (downgrade) order. Starts are visited in the order given, then neighbours
 * in the order `next` returns them, so the result is deterministic and keeps each chain together.
 *
 * @example
 * ```ts
 * postOrder(['c'], parentsOf, new Set(['a', 'b', 'c'])); // ['a', 'b', 'c']
 * ```
 */
export function postOrder(starts: readonly string[], next: Neighbours, within: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const start of starts) {
    if (seen.has(start) || !within.has(start)) continue;
    seen.add(start);
    const stack: { id: string; rest: string[] }[] = [{ id: start, rest: [...next(start)] }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (!frame) break;
      const n = frame.rest.shift();
      if (n === undefined) {
        out.push(frame.id);
        stack.pop();
      } else if (within.has(n) && !seen.has(n)) {
        seen.add(n);
        stack.push({ id: n, rest: [...next(n)] });
      }
    }
  }
  return out;
}
