import { foreignKeyCovered, foreignKeyIndex } from '../../operations/implicit-indexes.js';
import type { IndexSnapshot } from '../../schema/snapshot.js';
import type { TableComparator } from '../comparator.js';
import { matchConstraints } from '../match.js';
import { sameList } from '../normalize.js';
import { foreignKeyIdentity } from './foreign-keys.js';

/**
 * MySQL InnoDB (`capabilities.foreignKeysNeedIndex`) creates an index for every FK that no index
 * covers, named after the constraint (or after its first column when the FK has no name of its
 * own). Such a reflected index is not a change when the models do not declare an index of that
 * name and still have an FK over exactly those columns. When the FK goes, the index is an ordinary
 * index again and is dropped after the FK.
 *
 * For the same reason, an FK added to an existing table that no index will cover gets that index
 * as an explicit createIndex before it: the downgrade then drops it after the FK, so that it gives
 * back the table as it was (DROP FOREIGN KEY leaves InnoDB's index behind).
 */
export const mysqlForeignKeyIndexComparator: TableComparator = {
  id: 'mysql-fk-index',
  scope: 'table',
  when: (dialect) => dialect.capabilities.foreignKeysNeedIndex,
  compare(ctx, plan) {
    const { schema, target, current } = ctx;
    const kept: IndexSnapshot[] = [];
    for (const ix of current.indexes) {
      if (ix.unique || ix.expressions !== null || ix.where !== null || schema.claimed(ix)) continue;
      if (target.indexes.some((t) => t.name === ix.name)) continue;
      const implicit = current.foreignKeys.some(
        (fk) => (fk.name === ix.name || fk.columns[0] === ix.name) && sameList(fk.columns, ix.columns),
      );
      if (implicit && target.foreignKeys.some((fk) => sameList(fk.columns, ix.columns))) {
        schema.claim(ix);
        kept.push(ix);
      }
    }
    const added = matchConstraints(target.foreignKeys, current.foreignKeys, foreignKeyIdentity).added;
    for (const fk of added) {
      if (foreignKeyCovered(target, fk, kept)) continue;
      const index = foreignKeyIndex(fk);
      if (!schema.keeps({ kind: 'index', table: target.name, name: index.name, target: index, current: null })) continue;
      plan.add('addConstraints', { kind: 'createIndex', schema: ctx.opSchema, table: target.name, index });
      kept.push(index);
    }
  },
};
