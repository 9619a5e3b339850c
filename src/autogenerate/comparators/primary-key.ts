import { effectiveConflict } from '../../schema/conflict-clause.js';
import type { ColumnSnapshot, PrimaryKeySnapshot } from '../../schema/snapshot.js';
import type { TableComparator } from '../comparator.js';
import type { TableCompareContext } from '../compare-context.js';
import { sameList } from '../normalize.js';

/** The primary keys dropped and added by a change of a table's key (both null: no change). */
interface KeyChange {
  readonly dropped: PrimaryKeySnapshot | null;
  readonly added: PrimaryKeySnapshot | null;
}

const NO_CHANGE: KeyChange = { dropped: null, added: null };

/**
 * The primary key's change: its columns in order, and its name where the dialect names primary
 * keys (`capabilities.namedPrimaryKeys`) and both sides have one, its ON CONFLICT clause where the
 * dialect has them (`capabilities.conflictClauses`). A change is a drop and an add.
 */
export function primaryKeyChange(ctx: TableCompareContext): KeyChange {
  const target = ctx.target.primaryKey;
  const current = ctx.current.primaryKey;
  if (target === null && current === null) return NO_CHANGE;
  const hookContext = { kind: 'primaryKey', table: ctx.target.name, name: target?.name ?? current?.name ?? null, target, current } as const;
  const differs = target !== null && current !== null
    ? ctx.schema.differs(hookContext, () => {
        if (!sameList(target.columns, current.columns)) return true;
        if (ctx.dialect.capabilities.conflictClauses && effectiveConflict(target) !== effectiveConflict(current)) return true;
        const named = ctx.dialect.capabilities.namedPrimaryKeys && target.name !== null && current.name !== null;
        return named && target.name !== current.name;
      })
    : ctx.schema.keeps(hookContext);
  return differs ? { dropped: current, added: target } : NO_CHANGE;
}

/**
 * True when a column's autoincrement change goes with the change of the primary key (the
 * primary-key comparator emits it, the autoincrement comparator leaves it): switched off on a
 * column of the dropped key, or on for a column of the added key. MySQL refuses AUTO_INCREMENT on
 * a column that is not a key (and so a DROP PRIMARY KEY that would leave one), so it is switched
 * off before the key is dropped and on after the new key is added.
 */
export function autoincrementMovesWithKey(ctx: TableCompareContext, target: ColumnSnapshot, current: ColumnSnapshot): boolean {
  if (target.autoincrement === current.autoincrement) return false;
  const change = primaryKeyChange(ctx);
  const key = target.autoincrement ? change.added : change.dropped;
  return key !== null && key.columns.includes(target.name);
}

/**
 * Where the dialect needs an autoincrement column to be a key the moment it exists
 * (`capabilities.autoincrementNeedsKey`: MySQL), the key of one column that comes or goes with
 * its column: an added key of a new autoincrement column (the addColumn adds the key in the same
 * statement, and no addPrimaryKey follows), a dropped key of a dropped autoincrement column (the
 * dropColumn takes the key with it, and no dropPrimaryKey comes first; MySQL refuses to drop the
 * key of an AUTO_INCREMENT column). Null for the other changes.
 */
export function keyWithColumn(ctx: TableCompareContext, side: 'added' | 'dropped'): PrimaryKeySnapshot | null {
  if (!ctx.dialect.capabilities.autoincrementNeedsKey) return null;
  const key = primaryKeyChange(ctx)[side];
  if (key === null || key.columns.length !== 1) return null;
  const name = key.columns[0]!;
  const [own, other] = side === 'added' ? [ctx.target, ctx.current] : [ctx.current, ctx.target];
  const column = own.columns.find((c) => c.name === name);
  return column !== undefined && column.autoincrement && !other.columns.some((c) => c.name === name) ? key : null;
}

/** The primary key; see {@link primaryKeyChange}, {@link autoincrementMovesWithKey} and {@link keyWithColumn}. */
export const primaryKeyComparator: TableComparator = {
  id: 'primary-key',
  scope: 'table',
  compare(ctx, plan) {
    const { dropped, added } = primaryKeyChange(ctx);
    const currentColumns = ctx.current.columns;
    const moving = ctx.target.columns.flatMap((target, i) => {
      // the column at the same position first: usually it is the one (names are unique in a table)
      const current = currentColumns[i]?.name === target.name ? currentColumns[i] : currentColumns.find((c) => c.name === target.name);
      if (!current || !autoincrementMovesWithKey(ctx, target, current)) return [];
      const hookContext = { kind: 'autoincrement', table: ctx.target.name, name: target.name, target, current } as const;
      return ctx.schema.differs(hookContext, () => true) ? [{ target, current }] : [];
    });
    if (dropped !== null) {
      for (const { current } of moving.filter((m) => !m.target.autoincrement)) {
        const name = ctx.schema.renames.original(current).name;
        plan.add('dropConstraints', {
          kind: 'alterColumn', schema: ctx.opSchema, table: ctx.database.name, name, changes: { autoincrement: false }, previous: { autoincrement: true },
        });
      }
      const primaryKey = ctx.schema.renames.original(dropped);
      if (keyWithColumn(ctx, 'dropped') === null) {
        plan.add('dropConstraints', { kind: 'dropPrimaryKey', schema: ctx.opSchema, table: ctx.database.name, name: primaryKey.name, primaryKey });
      }
    }
    if (added !== null) {
      if (keyWithColumn(ctx, 'added') === null) plan.add('addConstraints', { kind: 'addPrimaryKey', schema: ctx.opSchema, table: ctx.target.name, primaryKey: added });
      for (const { target } of moving.filter((m) => m.target.autoincrement)) {
        plan.add('addConstraints', {
          kind: 'alterColumn', schema: ctx.opSchema, table: ctx.target.name, name: target.name, changes: { autoincrement: true }, previous: { autoincrement: false },
        });
      }
    }
  },
};
