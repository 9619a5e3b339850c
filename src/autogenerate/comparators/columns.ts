import type { ColumnAlterations } from '../../operations/operation.js';
import type { ColumnSnapshot } from '../../schema/snapshot.js';
import type { TableComparator } from '../comparator.js';
import { keyWithColumn } from './primary-key.js';

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

    // Both sides usually list the columns in the same order: look by position first, by name else.
    let currentByName: Map<string, ColumnSnapshot> | null = null;
    let pairedInPlace = 0;
    for (let i = 0; i < target.columns.length; i++) {
      const column = target.columns[i] as ColumnSnapshot;
      const atSamePlace = current.columns[i];
      let existing: ColumnSnapshot | undefined;
      if (atSamePlace !== undefined && atSamePlace.name === column.name) {
        existing = atSamePlace;
        pairedInPlace++;
      } else {
        currentByName ??= new Map(current.columns.map((c) => [c.name, c]));
        existing = currentByName.get(column.name);
      }
      if (existing === undefined) {
        if (ctx.schema.keeps({ kind: 'column', table, name: column.name, target: column, current: null })) {
          const key = keyWithColumn(ctx, 'added');
          plan.add('columns', { kind: 'addColumn', schema, table, column, ...(key !== null && key.columns[0] === column.name ? { primaryKey: key } : {}) });
        }
        continue;
      }
      let changes: ColumnAlterations | null = null;
      let previous: ColumnAlterations = {};
      const columnContext = { table: ctx, dialect: ctx.dialect, target: column, current: existing };
      for (const comparator of ctx.schema.columnComparators) {
        const change = comparator.compare(columnContext);
        if (change === null) continue;
        changes = { ...(changes ?? {}), ...change.changes };
        previous = { ...previous, ...change.previous };
      }
      if (changes !== null && Object.keys(changes).length > 0) {
        plan.add('columns', { kind: 'alterColumn', schema, table, name: column.name, changes, previous });
      }
    }

    // every current column paired with the target column at its place: none is dropped
    if (pairedInPlace === current.columns.length) return;
    const targetNames = new Set(target.columns.map((c) => c.name));
    // last to first: the downgrade (the ops reversed) adds them back in the table's column order
    const dropped = current.columns.filter((c) => !targetNames.has(c.name)).reverse();
    const droppedKey = keyWithColumn(ctx, 'dropped');
    for (const column of dropped) {
      if (ctx.schema.keeps({ kind: 'column', table, name: column.name, target: null, current: column })) {
        const key = droppedKey !== null && droppedKey.columns[0] === column.name ? { primaryKey: ctx.schema.renames.original(droppedKey) } : {};
        plan.add('dropColumns', { kind: 'dropColumn', schema, table, name: column.name, column, ...key });
      }
    }
  },
};
