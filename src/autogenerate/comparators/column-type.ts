import type { ColumnComparator } from '../comparator.js';
import { typeKey } from '../normalize.js';

/**
 * A column's type, compared by the dialect's canonical key (so `int4` and `integer`, or an enum
 * stored as VARCHAR on SQLite, are one type).
 */
export const columnTypeComparator: ColumnComparator = {
  id: 'column-type',
  scope: 'column',
  compare({ table, dialect, target, current }) {
    const differs = table.schema.differs(
      { kind: 'type', table: table.target.name, name: target.name, target, current },
      () => typeKey(dialect, target.type) !== typeKey(dialect, current.type),
    );
    return differs ? { changes: { type: target.type }, previous: { type: current.type } } : null;
  },
};
