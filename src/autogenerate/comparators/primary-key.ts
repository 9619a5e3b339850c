import type { TableComparator } from '../comparator.js';
import { sameList } from '../normalize.js';

/**
 * The primary key: its columns in order, and its name where the dialect names primary keys
 * (`capabilities.namedPrimaryKeys`) and both sides have one. A change is a drop and an add.
 */
export const primaryKeyComparator: TableComparator = {
  id: 'primary-key',
  scope: 'table',
  compare(ctx, plan) {
    const target = ctx.target.primaryKey;
    const current = ctx.current.primaryKey;
    if (target === null && current === null) return;
    const hookContext = { kind: 'primaryKey', table: ctx.target.name, name: target?.name ?? current?.name ?? null, target, current } as const;
    const differs = target !== null && current !== null
      ? ctx.schema.differs(hookContext, () => {
          if (!sameList(target.columns, current.columns)) return true;
          const named = ctx.dialect.capabilities.namedPrimaryKeys && target.name !== null && current.name !== null;
          return named && target.name !== current.name;
        })
      : ctx.schema.keeps(hookContext);
    if (!differs) return;
    if (current !== null) {
      const primaryKey = ctx.schema.renames.original(current);
      plan.add('dropConstraints', { kind: 'dropPrimaryKey', schema: ctx.opSchema, table: ctx.database.name, name: primaryKey.name, primaryKey });
    }
    if (target !== null) {
      plan.add('addConstraints', { kind: 'addPrimaryKey', schema: ctx.opSchema, table: ctx.target.name, primaryKey: target });
    }
  },
};
