import type { ColumnSnapshot, TableSnapshot } from '../../schema/snapshot.js';
import type { ColumnComparator } from '../comparator.js';

/** Primary key columns are NOT NULL on every database, whatever the snapshot says. */
function effectiveNullable(table: TableSnapshot, column: ColumnSnapshot): boolean {
  return column.nullable && !(table.primaryKey?.columns.includes(column.name) ?? false);
}

/**
 * NULL / NOT NULL of a column. A generated column on MySQL is left alone: MariaDB refuses NULL and
 * NOT NULL on generated columns, so retort writes neither and the column is always nullable.
 */
export const nullableComparator: ColumnComparator = {
  id: 'nullable',
  scope: 'column',
  compare({ table, dialect, target, current }) {
    if (dialect.name === 'mysql' && target.computed && current.computed) return null;
    const to = effectiveNullable(table.target, target);
    const from = effectiveNullable(table.current, current);
    const differs = table.schema.differs(
      { kind: 'nullable', table: table.target.name, name: target.name, target, current },
      () => to !== from,
    );
    return differs ? { changes: { nullable: target.nullable }, previous: { nullable: current.nullable } } : null;
  },
};
