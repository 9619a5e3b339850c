import type { ColumnComparator } from '../comparator.js';
import { autoincrementMovesWithKey } from './primary-key.js';

/**
 * serial / identity / AUTO_INCREMENT on or off; left to the primary-key comparator when it goes
 * with a change of the key (see `autoincrementMovesWithKey`).
 */
export const autoincrementComparator: ColumnComparator = {
  id: 'autoincrement',
  scope: 'column',
  compare({ table, target, current }) {
    const differs = table.schema.differs(
      { kind: 'autoincrement', table: table.target.name, name: target.name, target, current },
      () => target.autoincrement !== current.autoincrement,
    );
    if (!differs || autoincrementMovesWithKey(table, target, current)) return null;
    return { changes: { autoincrement: target.autoincrement }, previous: { autoincrement: current.autoincrement } };
  },
};
