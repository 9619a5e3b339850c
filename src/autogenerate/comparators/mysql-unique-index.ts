import type { IndexSnapshot, TableSnapshot, UniqueSnapshot } from '../../schema/snapshot.js';
import type { TableComparator } from '../comparator.js';
import { matchConstraints } from '../match.js';
import { sameList } from '../normalize.js';

interface UniqueLike {
  readonly name: string | null;
  readonly columns: readonly string[];
  readonly object: UniqueSnapshot | IndexSnapshot;
}

function isPlainUniqueIndex(ix: IndexSnapshot): boolean {
  return ix.unique && ix.expressions === null && ix.where === null;
}

function pool(table: TableSnapshot, claimed: (o: object) => boolean): UniqueLike[] {
  return [
    ...table.uniques.filter((u) => !claimed(u)).map((u) => ({ name: u.name, columns: u.columns, object: u })),
    ...table.indexes.filter((ix) => isPlainUniqueIndex(ix) && !claimed(ix)).map((ix) => ({ name: ix.name, columns: ix.columns, object: ix })),
  ];
}

/**
 * MySQL / MariaDB (`capabilities.uniqueConstraintIsIndex`): a UNIQUE constraint is a unique index,
 * so a declared unique constraint and a reflected unique index (or the other way round) with the
 * same name or, when a side has no name, the same columns, are one unchanged object. Claims what
 * it matched; the generic uniques and indexes comparators handle the rest.
 */
export const mysqlUniqueIndexComparator: TableComparator = {
  id: 'mysql-unique-index',
  scope: 'table',
  when: (dialect) => dialect.capabilities.uniqueConstraintIsIndex,
  compare(ctx) {
    const { schema } = ctx;
    // reflection may list one object twice, as a unique constraint and as its index
    for (const u of ctx.current.uniques) {
      for (const ix of ctx.current.indexes) {
        if (u.name !== null && ix.name === u.name && isPlainUniqueIndex(ix) && sameList(ix.columns, u.columns)) schema.claim(ix);
      }
    }
    const claimed = (o: object): boolean => schema.claimed(o);
    const m = matchConstraints(pool(ctx.target, claimed), pool(ctx.current, claimed), (x) => x.columns.join('\u0000'));
    for (const [t, c] of m.pairs) {
      if (sameList(t.columns, c.columns)) {
        schema.claim(t.object);
        schema.claim(c.object);
      }
    }
  },
};
