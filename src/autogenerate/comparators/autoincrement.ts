import type { ColumnComparator } from '../comparator.js';

/** serial / identity / AUTO_INCREMENT on or off. */
export const autoincrementComparator: ColumnComparator = {
  id: 'autoincrement',
  scope: 'column',
  compare({ table, target, current }) {
    const differs = table.schema.differs(
      { kind: 'autoincrement', table: table.target.name, name: target.name, target, current },
      () => target.autoincrement !== current.autoincrement,
    );
    return differs ? { changes: { autoincrement: target.autoincrement }, previous: { autoincrement: current.autoincrement } } : null;
  },
};
