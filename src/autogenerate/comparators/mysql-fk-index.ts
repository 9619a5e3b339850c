import type { TableComparator } from '../comparator.js';
import { sameList } from '../normalize.js';

/**
 * MySQL InnoDB (`capabilities.foreignKeysNeedIndex`) creates an index for every FK that no index
 * covers, named after the constraint (or after its first column when the FK has no name of its
 * own). Such a reflected index is not a change when the models do not declare an index of that
 * name and still have an FK over exactly those columns. When the FK goes, the index is an ordinary
 * index again and is dropped after the FK.
 */
export const mysqlForeignKeyIndexComparator: TableComparator = {
  id: 'mysql-fk-index',
  scope: 'table',
  when: (dialect) => dialect.capabilities.foreignKeysNeedIndex,
  compare(ctx) {
    const { schema, target, current } = ctx;
    for (const ix of current.indexes) {
      if (ix.unique || ix.expressions !== null || ix.where !== null || schema.claimed(ix)) continue;
      if (target.indexes.some((t) => t.name === ix.name)) continue;
      const implicit = current.foreignKeys.some(
        (fk) => (fk.name === ix.name || fk.columns[0] === ix.name) && sameList(fk.columns, ix.columns),
      );
      if (implicit && target.foreignKeys.some((fk) => sameList(fk.columns, ix.columns))) schema.claim(ix);
    }
  },
};
