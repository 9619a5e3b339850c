import { SchemaError } from '../errors/index.js';
import type { ConflictResolution } from './snapshot.js';

/** A conflict resolution as users write it: the SQL spelling (`'REPLACE'`) or lower case (`'replace'`). */
export type ConflictAction = ConflictResolution | Lowercase<ConflictResolution>;

/** The conflict resolutions SQLite knows, in its spelling. */
export const RESOLUTIONS: readonly ConflictResolution[] = ['ROLLBACK', 'ABORT', 'FAIL', 'IGNORE', 'REPLACE'];

/**
 * Normalises a user-written conflict resolution to its SQL spelling (undefined stays undefined);
 * `where` names the constraint for the error raised on an unknown one.
 *
 * @example
 * ```ts
 * toConflictResolution('replace', 'UniqueConstraint (name)'); // 'REPLACE'
 * ```
 */
export function toConflictResolution(value: ConflictAction | undefined | null, where: string | (() => string)): ConflictResolution | undefined {
  if (value === undefined || value === null) return undefined;
  const upper = String(value).trim().toUpperCase();
  const found = RESOLUTIONS.find((r) => r === upper);
  if (!found) {
    throw new SchemaError(`${typeof where === 'string' ? where : where()}: unknown onConflict "${String(value)}"; use one of ${RESOLUTIONS.join(', ')} (SQLite)`);
  }
  return found;
}

/**
 * `{ onConflict }` when a constraint has a conflict clause, else `{}`: a snapshot of a constraint
 * without one stays as it was.
 *
 * @example
 * ```ts
 * conflictExtras('REPLACE'); // { onConflict: 'REPLACE' }
 * conflictExtras(undefined); // {}
 * ```
 */
export function conflictExtras(onConflict: ConflictResolution | null | undefined): { readonly onConflict?: ConflictResolution } {
  return onConflict ? { onConflict } : {};
}

/**
 * The conflict resolution a constraint has in effect: ABORT when it declares none. Compare uses
 * it, so that `ON CONFLICT ABORT` and no clause are the same.
 */
export function effectiveConflict(constraint: { readonly onConflict?: ConflictResolution }): ConflictResolution {
  return constraint.onConflict ?? 'ABORT';
}
