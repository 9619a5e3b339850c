import type { ColumnComparator } from '../comparator.js';
import { defaultKey } from '../normalize.js';

/**
 * A column's server default, compared by the dialect's normalised text (casts stripped,
 * `now()` = `CURRENT_TIMESTAMP`, quoting unified). An autoincrement column whose target declares
 * no default is left alone: the database's sequence default is part of the autoincrement.
 */
export const serverDefaultComparator: ColumnComparator = {
  id: 'server-default',
  scope: 'column',
  compare({ table, dialect, target, current }) {
    const differs = table.schema.differs(
      { kind: 'default', table: table.target.name, name: target.name, target, current },
      () => {
        if (target.autoincrement && current.autoincrement && target.default === null) return false;
        return defaultKey(dialect, target) !== defaultKey(dialect, current);
      },
    );
    return differs ? { changes: { default: target.default }, previous: { default: current.default } } : null;
  },
};
