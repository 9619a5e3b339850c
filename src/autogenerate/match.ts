import { byName } from './normalize.js';

/** Target and current objects paired up, and what is left on each side. */
export interface Matching<T> {
  readonly pairs: readonly (readonly [target: T, current: T])[];
  /** Target objects with no current counterpart, sorted by name (unnamed last). */
  readonly added: readonly T[];
  /** Current objects with no target counterpart, sorted by name (unnamed last). */
  readonly removed: readonly T[];
}

/**
 * Pairs constraints: by name when both sides have one, else by definition (`key`). An unnamed
 * target constraint thus matches a named current one with the same definition (the database
 * named it), and a named target one matches an unnamed current one (SQLite keeps no name).
 *
 * @example
 * ```ts
 * const m = matchConstraints(target.uniques, current.uniques, (u) => u.columns.join(','));
 * ```
 */
export function matchConstraints<T extends { readonly name: string | null }>(
  target: readonly T[],
  current: readonly T[],
  key: (item: T) => string,
): Matching<T> {
  if (target.length === 0 && current.length === 0) return { pairs: [], added: [], removed: [] };
  const pairs: (readonly [T, T])[] = [];
  const freeCurrent = new Set(current);
  const unmatched: T[] = [];
  for (const t of target) {
    const c = t.name === null ? undefined : current.find((x) => x.name === t.name && freeCurrent.has(x));
    if (c === undefined) unmatched.push(t);
    else {
      pairs.push([t, c]);
      freeCurrent.delete(c);
    }
  }
  const added: T[] = [];
  const targetNames = unmatched.length === 0 ? null : new Set(target.map((t) => t.name).filter((n) => n !== null));
  for (const t of unmatched) {
    const k = key(t);
    // a named current object whose name the target uses elsewhere is not free for a definition match
    const c = [...freeCurrent].find((x) => (t.name === null || x.name === null) && !(x.name !== null && targetNames?.has(x.name)) && key(x) === k);
    if (c === undefined) added.push(t);
    else {
      pairs.push([t, c]);
      freeCurrent.delete(c);
    }
  }
  return { pairs, added: added.sort(byName), removed: [...freeCurrent].sort(byName) };
}
