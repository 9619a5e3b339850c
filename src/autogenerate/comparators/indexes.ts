import type { IndexSnapshot } from '../../schema/snapshot.js';
import type { TableComparator } from '../comparator.js';
import type { CompareDialect } from '../compare-options.js';
import { matchConstraints } from '../match.js';
import { expressionKey, methodKey, sameList } from '../normalize.js';

/** True when two indexes have the same definition (names aside). */
export function sameIndex(dialect: CompareDialect, a: IndexSnapshot, b: IndexSnapshot): boolean {
  const elements = (ix: IndexSnapshot): readonly string[] =>
    ix.expressions === null ? ix.columns : ix.expressions.map((e) => expressionKey(dialect, e) ?? '');
  const partial = dialect.capabilities.partialIndexes;
  return a.unique === b.unique
    && (a.expressions === null) === (b.expressions === null)
    && sameList(elements(a), elements(b))
    && (!partial || expressionKey(dialect, a.where) === expressionKey(dialect, b.where))
    && methodKey(a.method) === methodKey(b.method)
    && sameList(a.include ?? [], b.include ?? [])
    && (a.nullsNotDistinct ?? false) === (b.nullsNotDistinct ?? false);
}

/**
 * Indexes, matched by name; a changed index is a drop and a create. Both sides are compared as
 * the database keeps them (the dialect's `normalizer.index`), each with its own table's columns.
 */
export const indexesComparator: TableComparator = {
  id: 'indexes',
  scope: 'table',
  compare(ctx, plan) {
    const { schema } = ctx;
    const m = matchConstraints(
      ctx.target.indexes.filter((ix) => !schema.claimed(ix)),
      ctx.current.indexes.filter((ix) => !schema.claimed(ix)),
      (ix) => ix.name,
    );
    const table = ctx.target.name;
    const drop = (ix: IndexSnapshot): void => {
      const index = schema.renames.original(ix);
      plan.add('dropConstraints', { kind: 'dropIndex', schema: ctx.opSchema, table: ctx.database.name, name: index.name, index });
    };
    const add = (index: IndexSnapshot): void => {
      plan.add('addConstraints', { kind: 'createIndex', schema: ctx.opSchema, table, index });
    };
    const stored = ctx.dialect.normalizer.index;
    const same = (t: IndexSnapshot, c: IndexSnapshot): boolean =>
      stored === undefined ? sameIndex(ctx.dialect, t, c) : sameIndex(ctx.dialect, stored(t, ctx.target), stored(c, ctx.current));
    for (const [t, c] of m.pairs) {
      if (schema.differs({ kind: 'index', table, name: t.name, target: t, current: c }, () => !same(t, c))) {
        drop(c);
        add(t);
      }
    }
    for (const ix of m.removed) if (schema.keeps({ kind: 'index', table, name: ix.name, target: null, current: ix })) drop(ix);
    for (const ix of m.added) if (schema.keeps({ kind: 'index', table, name: ix.name, target: ix, current: null })) add(ix);
  },
};
