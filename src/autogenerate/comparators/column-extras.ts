import type { ColumnSnapshot } from '../../schema/snapshot.js';
import type { ColumnComparator } from '../comparator.js';
import type { SchemaCompareContext, TablePair } from '../compare-context.js';
import type { CompareDialect } from '../compare-options.js';
import { collationKey, expressionKey, onUpdateKey } from '../normalize.js';

/**
 * A column's collation, compared only where the model declares one (a model that says nothing
 * leaves the database's collation alone) or the target is a database. Case-insensitive; an
 * absent collation is the default one. A model's collation is compared with the one the column
 * has in effect where reflection tells it (MySQL: the column's, else its table's, else the
 * database's), so declaring the default collation is no change.
 */
export const collationComparator: ColumnComparator = {
  id: 'collation',
  scope: 'column',
  compare({ table, target, current }) {
    return collationChanges(table.schema, { target: table.target, current: table.current }, target, current)
      ? { changes: { collation: target.collation ?? null }, previous: { collation: current.collation ?? null } }
      : null;
  },
};

/** True when {@link collationComparator} finds the column's collation changed (its table's pair given). */
export function collationChanges(schema: SchemaCompareContext, pair: TablePair, target: ColumnSnapshot, current: ColumnSnapshot): boolean {
  if (target.collation === undefined && !schema.targetIsDatabase) return false;
  const inEffect = current.collation ?? (target.collation === undefined ? undefined : pair.current.collation ?? schema.database.collation);
  return schema.differs(
    { kind: 'collation', table: pair.target.name, name: target.name, target, current },
    () => collationKey(schema.dialect, target.collation) !== collationKey(schema.dialect, inEffect),
  );
}

/** MySQL's `ON UPDATE` expression (absent on either side: none), by its canonical spelling. */
export const onUpdateComparator: ColumnComparator = {
  id: 'on-update',
  scope: 'column',
  when: (dialect) => dialect.capabilities.columnOnUpdate,
  compare({ table, target, current }) {
    const differs = table.schema.differs(
      { kind: 'onUpdate', table: table.target.name, name: target.name, target, current },
      () => onUpdateKey(target.onUpdate) !== onUpdateKey(current.onUpdate),
    );
    return differs ? { changes: { onUpdate: target.onUpdate ?? null }, previous: { onUpdate: current.onUpdate ?? null } } : null;
  },
};

/**
 * MySQL / MariaDB: whether a column is INVISIBLE, where the model declares it (`.invisible()` or
 * `.invisible(false)`; a model that says nothing leaves the database's choice alone) or the
 * target is a database.
 */
export const invisibleComparator: ColumnComparator = {
  id: 'invisible',
  scope: 'column',
  when: (dialect) => dialect.capabilities.invisibleColumns,
  compare({ table, target, current }) {
    if (target.invisible === undefined && !table.schema.targetIsDatabase) return null;
    const to = target.invisible === true;
    const from = current.invisible === true;
    const differs = table.schema.differs({ kind: 'invisible', table: table.target.name, name: target.name, target, current }, () => to !== from);
    return differs ? { changes: { invisible: to }, previous: { invisible: from } } : null;
  },
};

/**
 * PostgreSQL: an identity column's kind, GENERATED ALWAYS or BY DEFAULT, where the model declares
 * it with `.identity()` (a plain autoincrement leaves the database's kind alone) or the target is
 * a database, and both sides autoincrement.
 */
export const identityKindComparator: ColumnComparator = {
  id: 'identity-kind',
  scope: 'column',
  when: (dialect) => dialect.capabilities.identityKinds,
  compare({ table, target, current }) {
    if (target.identityAlways === undefined && !table.schema.targetIsDatabase) return null;
    if (!target.autoincrement || !current.autoincrement) return null;
    const to = target.identityAlways === true;
    const from = current.identityAlways === true;
    const differs = table.schema.differs(
      { kind: 'identity', table: table.target.name, name: target.name, target, current },
      () => to !== from,
    );
    return differs ? { changes: { identityAlways: to }, previous: { identityAlways: from } } : null;
  },
};

/**
 * What differs between two generated-column definitions, or null when they agree: the
 * expression (by the dialect's canonical text), the kind (STORED / VIRTUAL, except on
 * PostgreSQL, whose generated columns are all STORED before version 18), or generated-ness.
 */
export function computedDifference(dialect: CompareDialect, target: ColumnSnapshot, current: ColumnSnapshot): string | null {
  const to = target.computed;
  const from = current.computed;
  if (!to && !from) return null;
  if (!to) return 'the database has it generated, the model declares a plain column';
  if (!from) return 'the model declares it generated, the database has a plain column';
  if (expressionKey(dialect, to.sql) !== expressionKey(dialect, from.sql)) return `its expression changes from (${from.sql}) to (${to.sql})`;
  if (to.stored !== from.stored && dialect.name !== 'postgresql') return `it changes from ${from.stored ? 'STORED' : 'VIRTUAL'} to ${to.stored ? 'STORED' : 'VIRTUAL'}`;
  return null;
}

/**
 * Generated columns: a difference is a warning, not an operation. Databases cannot alter a
 * generation expression in place, and turning a plain column into a generated one (or back)
 * loses its values; the migration's author drops and adds the column as they see fit.
 */
export const computedComparator: ColumnComparator = {
  id: 'computed',
  scope: 'column',
  compare({ table, dialect, target, current }) {
    let difference: string | null = null;
    const differs = table.schema.differs(
      { kind: 'computed', table: table.target.name, name: target.name, target, current },
      () => (difference = computedDifference(dialect, target, current)) !== null,
    );
    if (differs) {
      table.schema.warn(
        table.target.name,
        `generated column ${target.name}: ${difference ?? 'the definitions differ'}; retort does not alter generated columns: drop and add the column in this migration`,
      );
    }
    return null;
  },
};
