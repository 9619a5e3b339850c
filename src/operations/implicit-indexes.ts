/**
 * The indexes MySQL InnoDB (`capabilities.foreignKeysNeedIndex`) creates by itself: one for each
 * foreign key whose columns no index, unique constraint or primary key starts with, named after
 * the constraint (or after its first column when the FK has no name). The schema state learns
 * them as the catalog shows them, so that an offline (`--sql`) run knows them as an online one does.
 */
import type { ForeignKeySnapshot, IndexSnapshot, TableSnapshot } from '../schema/snapshot.js';

/** The index InnoDB creates for `fk`. */
export function foreignKeyIndex(fk: ForeignKeySnapshot): IndexSnapshot {
  return { name: fk.name ?? fk.columns[0] ?? '', columns: fk.columns, expressions: null, unique: false, where: null, method: null };
}

/** True when an index, unique constraint or primary key of `table` (or one of `extra`) starts with the FK's columns. */
export function foreignKeyCovered(table: TableSnapshot, fk: ForeignKeySnapshot, extra: readonly IndexSnapshot[] = []): boolean {
  const leads = (columns: readonly string[]): boolean =>
    fk.columns.length <= columns.length && fk.columns.every((c, i) => columns[i] === c);
  return (table.primaryKey !== null && leads(table.primaryKey.columns))
    || table.uniques.some((u) => leads(u.columns))
    || [...table.indexes, ...extra].some((ix) => ix.expressions === null && leads(ix.columns));
}

/**
 * The indexes InnoDB adds to `table` for its foreign keys, in FK order (an FK covered by the
 * index of an earlier one gets none).
 *
 * @example
 * ```ts
 * implicitForeignKeyIndexes(post); // [{ name: 'fk_post_author_id_user', columns: ['author_id'], ... }]
 * ```
 */
export function implicitForeignKeyIndexes(table: TableSnapshot): IndexSnapshot[] {
  const out: IndexSnapshot[] = [];
  for (const fk of table.foreignKeys) {
    if (!foreignKeyCovered(table, fk, out)) out.push(foreignKeyIndex(fk));
  }
  return out;
}
