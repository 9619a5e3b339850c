import type { ColumnAlterations } from '../../operations/operation.js';
import type { TableComparator } from '../comparator.js';

/**
 * Columns of a table on both sides: renames (decided ones only), added columns in target order,
 * altered columns (the column comparators' changes merged into one alterColumn per column), and
 * dropped columns from the last to the first, each dropColumn carrying the column's definition for
 * the downgrade (which adds them back at the end of the table in their order).
 */
export const columnsComparator: TableComparator = {
  id: 'columns',
  scope: 'table',
  compare(ctx, plan) {
    const { target, current, opSchema: schema } = ctx;
    const table = target.name;
    for (const r of ctx.schema.renames.columns.get(table) ?? []) {
      plan.add('renameColumns', { kind: 'renameColumn', schema, table, from: r.from, to: r.to });
    }

    const currentByName = new Map(current.columns.map((c) => [c.name, c]));
    for (const column of target.columns) {
      const existing = currentByName.get(column.name);
      if (existing === undefined) {
        if (ctx.schema.keeps({ kind: 'column', table, name: column.name, target: column, current: null })) {
          plan.add('columns', { kind: 'addColumn', schema, table, column });
        }
        continue;
      }
      let changes: ColumnAlterations = {};
      let previous: ColumnAlterations = {};
      for (const comparator of ctx.schema.columnComparators) {
        const change = comparator.compare({ table: ctx, dialect: ctx.dialect, target: column, current: existing });
        if (change === null) continue;
        changes = { ...changes, ...change.changes };
        previous = { ...previous, ...change.previous };
      }
      if (Object.keys(changes).length > 0) {
        plan.add('columns', { kind: 'alterColumn', schema, table, name: column.name, changes, previous });
      }
    }

    const targetNames = new Set(target.columns.map((c) => c.name));
    // last to first: the downgrade (the ops reversed) adds them back in the table's column order
    const dropped = current.columns.filter((c) => !targetNames.has(c.name)).reverse();
    for (const column of dropped) {
      if (ctx.schema.keeps({ kind: 'column', table, name: column.name, target: null, current: column })) {
        plan.add('dropColumns', { kind: 'dropColumn', schema, table, name: column.name, column });
      }
    }
  },
};
