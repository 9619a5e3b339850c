import type { SchemaSnapshot, TableSnapshot } from '../schema/snapshot.js';
import { deepFreeze } from '../schema/snapshot.js';
import { applyColumnOperation } from './apply-columns.js';
import { applyConstraintOperation } from './apply-constraints.js';
import { applyEnumOperation } from './apply-enums.js';
import { opError, replaceTableAt, requireColumns, requireTableIndex, sortTables, updateTable } from './apply-support.js';
import type { CreateTableOp, Operation, RenameTableOp } from './operation.js';
import { assertNever } from './operation.js';
import { qualifiedName, sameSchema, tableIndexOf } from './target.js';

/**
 * The schema after an operation: a pure function returning a new frozen snapshot (unchanged
 * parts are shared). It is how retort knows the schema without a database (`--sql` mode, and
 * replaying migrations), and what online migration state stays current with.
 *
 * It follows what the databases do: renaming a column renames it in the table's key, index and
 * constraint column lists, in CHECK / index expressions, and in the foreign keys of other tables
 * that refer to it; renaming a table updates the foreign keys that refer to it; dropping a column
 * drops, as PostgreSQL does, the indexes and constraints that involve it (and refuses when a
 * foreign key of another table refers to it). Adding a primary key makes its columns NOT NULL.
 *
 * Throws an OperationError when the op refers to a table, column, constraint, index or enum that
 * does not exist, or creates one that already does. `execute` leaves the snapshot as it is (raw
 * SQL is opaque). Foreign keys are not checked against the tables they refer to, so that partial
 * snapshots (the tables a migration touched) can be kept current too.
 *
 * @example
 * ```ts
 * let snap = emptySnapshot();
 * snap = applyOperation(snap, { kind: 'createTable', table: postTable });
 * snap = applyOperation(snap, { kind: 'renameColumn', schema: null, table: 'post', from: 'body', to: 'content' });
 * ```
 */
export function applyOperation(snapshot: SchemaSnapshot, op: Operation): SchemaSnapshot {
  const next = applyOne(snapshot, op);
  return next === snapshot ? snapshot : deepFreeze(next);
}

/**
 * Applies a list of ops in order.
 *
 * @example
 * ```ts
 * const after = applyOperations(before, upgradeOps);
 * ```
 */
export function applyOperations(snapshot: SchemaSnapshot, ops: readonly Operation[]): SchemaSnapshot {
  return ops.reduce(applyOperation, snapshot);
}

function applyOne(snapshot: SchemaSnapshot, op: Operation): SchemaSnapshot {
  switch (op.kind) {
    case 'createTable':
      return createTable(snapshot, op);
    case 'dropTable': {
      const i = requireTableIndex(snapshot, op, op.schema, op.name);
      return { ...snapshot, tables: snapshot.tables.filter((_, j) => j !== i) };
    }
    case 'renameTable':
      return renameTable(snapshot, op);
    case 'setTableComment':
      return updateTable(snapshot, op, op.schema, op.table, (t) => ({ ...t, comment: op.comment }));
    case 'addColumn':
    case 'dropColumn':
    case 'renameColumn':
    case 'alterColumn':
      return applyColumnOperation(snapshot, op);
    case 'createIndex':
    case 'dropIndex':
    case 'addPrimaryKey':
    case 'dropPrimaryKey':
    case 'addForeignKey':
    case 'dropForeignKey':
    case 'addUnique':
    case 'dropUnique':
    case 'addCheck':
    case 'dropCheck':
      return applyConstraintOperation(snapshot, op);
    case 'createEnum':
    case 'dropEnum':
    case 'addEnumValue':
    case 'dropEnumValue':
      return applyEnumOperation(snapshot, op);
    case 'execute':
      return snapshot;
    default:
      return assertNever(op, 'operation');
  }
}

function createTable(snapshot: SchemaSnapshot, op: CreateTableOp): SchemaSnapshot {
  const given = op.table;
  if (tableIndexOf(snapshot, given.schema, given.name) >= 0) {
    throw opError(op, `table "${qualifiedName(given.schema, given.name)}" already exists`);
  }
  const names = new Set<string>();
  for (const c of given.columns) {
    if (names.has(c.name)) throw opError(op, `column "${c.name}" is declared twice`);
    names.add(c.name);
  }
  if (given.primaryKey) requireColumns(op, given, given.primaryKey.columns, 'the primary key');
  for (const fk of given.foreignKeys) requireColumns(op, given, fk.columns, `foreign key ${fk.name ?? '(unnamed)'}`);
  for (const u of given.uniques) requireColumns(op, given, u.columns, `unique constraint ${u.name ?? '(unnamed)'}`);
  for (const ix of given.indexes) requireColumns(op, given, ix.columns, `index ${ix.name}`);
  const omitted = op.omitForeignKeys ?? [];
  const table: TableSnapshot = omitted.length === 0
    ? given
    : { ...given, foreignKeys: given.foreignKeys.filter((fk) => fk.name === null || !omitted.includes(fk.name)) };
  return { ...snapshot, tables: sortTables([...snapshot.tables, table]) };
}

function renameTable(snapshot: SchemaSnapshot, op: RenameTableOp): SchemaSnapshot {
  const i = requireTableIndex(snapshot, op, op.schema, op.from);
  if (tableIndexOf(snapshot, op.schema, op.to) >= 0) {
    throw opError(op, `table "${qualifiedName(op.schema, op.to)}" already exists`);
  }
  const renamed = snapshot.tables[i]!;
  const refersToRenamed = (table: TableSnapshot, fk: TableSnapshot['foreignKeys'][number]): boolean =>
    fk.referredTable === op.from && sameSchema(fk.referredSchema ?? table.schema, renamed.schema, snapshot.schema);
  let next = replaceTableAt(snapshot, i, { ...renamed, name: op.to });
  next = {
    ...next,
    tables: sortTables(next.tables.map((t) => {
      if (!t.foreignKeys.some((fk) => refersToRenamed(t, fk))) return t;
      return { ...t, foreignKeys: t.foreignKeys.map((fk) => (refersToRenamed(t, fk) ? { ...fk, referredTable: op.to } : fk)) };
    })),
  };
  return next;
}
