import type { ColumnSnapshot, TableSnapshot } from '../../schema/snapshot.js';
import type { ColumnComparator } from '../comparator.js';

/** Primary key columns are NOT NULL on every database, whatever the snapshot says. */
function effectiveNullable(table: TableSnapshot, column: ColumnSnapshot): boolean {
  return column.nullable && !(table.primaryKey?.columns.includes(column.name) ?? false);
}

/** NULL / NOT NULL of a column. */
export const nullableComparator: ColumnComparator = {
  id: 'nullable',
  scope: 'column',
  compare({ table, target, current }) {
    const to = effectiveNullable(table.target, target);
    const from = effectiveNullable(table.current, current);
    const differs = table.schema.differs(
      { kind: 'nullable', table: table.target.name, name: target.name, target, current },
      () => to !== from,
    );
    return differs ? { changes: { nullable: target.nullable }, previous: { nullable: current.nullable } } : null;
  },
};
