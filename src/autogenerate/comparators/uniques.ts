import { effectiveConflict } from '../../schema/conflict-clause.js';
import type { UniqueSnapshot } from '../../schema/snapshot.js';
import type { TableComparator } from '../comparator.js';
import { matchConstraints } from '../match.js';
import { sameList } from '../normalize.js';

/**
 * Unique constraints, matched by name (or by columns when a side has no name). A changed column
 * list is a drop and an add; so is a changed ON CONFLICT clause where the dialect has them
 * (`capabilities.conflictClauses`, SQLite: a table rebuild), none being ABORT.
 */
export const uniquesComparator: TableComparator = {
  id: 'uniques',
  scope: 'table',
  compare(ctx, plan) {
    const { schema } = ctx;
    const m = matchConstraints(
      ctx.target.uniques.filter((u) => !schema.claimed(u)),
      ctx.current.uniques.filter((u) => !schema.claimed(u)),
      (u) => u.columns.join('\u0000'),
    );
    const table = ctx.target.name;
    const conflicts = ctx.dialect.capabilities.conflictClauses;
    const drop = (u: UniqueSnapshot): void => {
      const unique = schema.renames.original(u);
      plan.add('dropConstraints', { kind: 'dropUnique', schema: ctx.opSchema, table: ctx.database.name, name: unique.name ?? '', unique });
    };
    const add = (unique: UniqueSnapshot): void => {
      plan.add('addConstraints', { kind: 'addUnique', schema: ctx.opSchema, table, unique });
    };
    for (const [t, c] of m.pairs) {
      if (schema.differs({ kind: 'unique', table, name: t.name ?? c.name, target: t, current: c }, () => !sameList(t.columns, c.columns)
        || (conflicts && effectiveConflict(t) !== effectiveConflict(c)))) {
        drop(c);
        add(t);
      }
    }
    for (const u of m.removed) if (schema.keeps({ kind: 'unique', table, name: u.name, target: null, current: u })) drop(u);
    for (const u of m.added) if (schema.keeps({ kind: 'unique', table, name: u.name, target: u, current: null })) add(u);
  },
};
