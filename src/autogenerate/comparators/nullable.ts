import type { ColumnSnapshot, TableSnapshot } from '../../schema/snapshot.js';
import { resolveTarget } from '../../schema/snapshot-target.js';
import type { ColumnComparator } from '../comparator.js';
import type { CompareDialect } from '../compare-options.js';

/**
 * Whether the column takes NULLs. A primary key column does not, except where the dialect keeps
 * key columns that take NULLs (`nullablePrimaryKeys`: SQLite's `code TEXT PRIMARY KEY` without
 * NOT NULL) and the column is not the rowid (the single autoincrement key column, never NULL;
 * `INT PRIMARY KEY` is not the rowid, and takes NULLs); a WITHOUT ROWID table's key columns are
 * NOT NULL too.
 */
function effectiveNullable(dialect: CompareDialect, table: TableSnapshot, column: ColumnSnapshot): boolean {
  if (!column.nullable) return false;
  if (!(table.primaryKey?.columns.includes(column.name) ?? false)) return true;
  if (!resolveTarget({ name: dialect.name, capabilities: dialect.capabilities }).nullablePrimaryKeys) return false;
  if (table.withoutRowid) return false;
  return !(table.primaryKey?.columns.length === 1 && column.autoincrement);
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
    const to = effectiveNullable(dialect, table.target, target);
    const from = effectiveNullable(dialect, table.current, current);
    const differs = table.schema.differs(
      { kind: 'nullable', table: table.target.name, name: target.name, target, current },
      () => to !== from,
    );
    return differs ? { changes: { nullable: target.nullable }, previous: { nullable: current.nullable } } : null;
  },
};
