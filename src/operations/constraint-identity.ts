import type { CheckSnapshot, ForeignKeySnapshot, UniqueSnapshot } from '../schema/snapshot.js';

/**
 * What tells a constraint from the others of its table when it has no name (SQLite keeps
 * `FOREIGN KEY (...) REFERENCES ...`, `UNIQUE (...)` and `CHECK (...)` without one): a drop op of
 * an unnamed constraint carries the constraint, and finds it by this.
 *
 * @example
 * ```ts
 * foreignKeyIdentity({ ...fk, columns: ['author_id'], referredTable: 'user', referredColumns: ['id'] }); // '(author_id) -> user (id)'
 * ```
 */
export const foreignKeyIdentity = (fk: ForeignKeySnapshot): string => `(${fk.columns.join(', ')}) -> ${fk.referredTable} (${fk.referredColumns.join(', ')})`;
export const uniqueIdentity = (u: UniqueSnapshot): string => `(${u.columns.join(', ')})`;
export const checkIdentity = (c: CheckSnapshot): string => `(${c.expression})`;

/**
 * The item of `items` a drop op names: by name, or for an unnamed constraint the one of the same
 * identity (an unnamed one first; on PostgreSQL and MySQL the catalog has named it).
 *
 * @example
 * ```ts
 * findDropped(table.checks, '', { name: null, expression: 'qty > 0' }, checkIdentity); // the table's CHECK (qty > 0)
 * ```
 */
export function findDropped<T extends { readonly name: string | null }>(
  items: readonly T[],
  name: string,
  given: T | undefined,
  identity: (item: T) => string,
): number {
  if (given === undefined || given.name !== null) return items.findIndex((item) => item.name === name);
  const key = identity(given);
  const unnamed = items.findIndex((item) => item.name === null && identity(item) === key);
  return unnamed >= 0 ? unnamed : items.findIndex((item) => identity(item) === key);
}
