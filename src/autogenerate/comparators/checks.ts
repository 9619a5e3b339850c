import type { CheckSnapshot } from '../../schema/snapshot.js';
import type { TableComparator } from '../comparator.js';
import { matchConstraints } from '../match.js';
import { expressionKey } from '../normalize.js';

/**
 * CHECK constraints, matched by name (or by normalised expression when a side has no name) and
 * compared by the dialect's normalised expression text.
 */
export const checksComparator: TableComparator = {
  id: 'checks',
  scope: 'table',
  compare(ctx, plan) {
    const { schema, dialect } = ctx;
    const key = (c: CheckSnapshot): string => expressionKey(dialect, c.expression) ?? '';
    const m = matchConstraints(
      ctx.target.checks.filter((c) => !schema.claimed(c)),
      ctx.current.checks.filter((c) => !schema.claimed(c)),
      key,
    );
    const table = ctx.target.name;
    const drop = (c: CheckSnapshot): void => {
      const check = schema.renames.original(c);
      plan.add('dropConstraints', { kind: 'dropCheck', schema: ctx.opSchema, table: ctx.database.name, name: check.name ?? '', check });
    };
    const add = (check: CheckSnapshot): void => {
      plan.add('addConstraints', { kind: 'addCheck', schema: ctx.opSchema, table, check });
    };
    for (const [t, c] of m.pairs) {
      if (schema.differs({ kind: 'check', table, name: t.name ?? c.name, target: t, current: c }, () => key(t) !== key(c))) {
        drop(c);
        add(t);
      }
    }
    for (const c of m.removed) if (schema.keeps({ kind: 'check', table, name: c.name, target: null, current: c })) drop(c);
    for (const c of m.added) if (schema.keeps({ kind: 'check', table, name: c.name, target: c, current: null })) add(c);
  },
};
