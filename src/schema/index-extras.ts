import type { IndexSnapshot } from './snapshot.js';

/** The optional IndexSnapshot fields: INCLUDE columns and NULLS NOT DISTINCT. */
export type IndexExtras = Pick<IndexSnapshot, 'include' | 'nullsNotDistinct'>;

/**
 * The optional IndexSnapshot fields, each present only when set, so that a snapshot of an index
 * without them stays as it was.
 *
 * @example
 * ```ts
 * indexExtras(['name'], false)  // { include: ['name'] }
 * indexExtras([], true)         // { nullsNotDistinct: true }
 * indexExtras(undefined, false) // {}
 * ```
 */
export function indexExtras(include: readonly string[] | undefined, nullsNotDistinct: boolean | undefined): IndexExtras {
  return {
    ...(include?.length ? { include: Object.freeze([...include]) } : {}),
    ...(nullsNotDistinct ? { nullsNotDistinct: true as const } : {}),
  };
}
