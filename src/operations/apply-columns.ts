import type { ColumnSnapshot, ForeignKeySnapshot, SchemaSnapshot, TableSnapshot } from '../schema/snapshot.js';
import { opError, replaceTableAt, requireTableIndex } from './apply-support.js';
import type { AddColumnOp, AlterColumnOp, DropColumnOp, RenameColumnOp } from './operation.js';
import { assertNever } from './operation.js';
import { mentionsIdentifier, renameIdentifier } from './sql-identifiers.js';
import { qualifiedName, sameSchema } from './target.js';

type ColumnOp = AddColumnOp | DropColumnOp | RenameColumnOp | AlterColumnOp;

/** applyOperation for the column ops (see `applyOperation`). */
export function applyColumnOperation(snapshot: SchemaSnapshot, op: ColumnOp): SchemaSnapshot {
  const i = requireTableIndex(snapshot, op, op.schema, op.table);
  const table = snapshot.tables[i]!;
  switch (op.kind) {
    case 'addColumn':
      if (findColumn(table, op.column.name)) throw opError(op, `column "${op.column.name}" already exists`);
      if (op.primaryKey && table.primaryKey) throw opError(op, 'the table already has a primary key');
      return replaceTableAt(snapshot, i, { ...table, columns: [...table.columns, op.column], ...(op.primaryKey ? { primaryKey: op.primaryKey } : {}) });
    case 'dropColumn':
      return dropColumn(snapshot, i, op);
    case 'renameColumn':
      return renameColumn(snapshot, i, op);
    case 'alterColumn': {
      const column = requireColumn(table, op, op.name);
      const altered = alterColumnSnapshot(column, op.changes);
      return replaceTableAt(snapshot, i, { ...table, columns: table.columns.map((c) => (c === column ? altered : c)) });
    }
    default:
      return assertNever(op, 'operation');
  }
}

/**
 * The column with an alterColumn's changes applied.
 *
 * @example
 * ```ts
 * alterColumnSnapshot(title, { nullable: false }); // title, NOT NULL
 * ```
 */
export function alterColumnSnapshot(column: ColumnSnapshot, changes: AlterColumnOp['changes']): ColumnSnapshot {
  const altered: { -readonly [K in keyof ColumnSnapshot]: ColumnSnapshot[K] } = {
    ...column,
    ...(changes.type !== undefined ? { type: changes.type } : {}),
    ...(changes.nullable !== undefined ? { nullable: changes.nullable } : {}),
    ...(changes.default !== undefined ? { default: changes.default } : {}),
    ...(changes.comment !== undefined ? { comment: changes.comment } : {}),
    ...(changes.autoincrement !== undefined ? { autoincrement: changes.autoincrement } : {}),
  };
  // optional parts: null (or false) removes the key, so an altered column looks like a reflected one
  if (changes.collation !== undefined) {
    if (changes.collation === null) delete altered.collation;
    else altered.collation = changes.collation;
  }
  if (changes.onUpdate !== undefined) {
    if (changes.onUpdate === null) delete altered.onUpdate;
    else altered.onUpdate = changes.onUpdate;
  }
  if (changes.identityAlways !== undefined) {
    if (changes.identityAlways) altered.identityAlways = true;
    else delete altered.identityAlways;
  }
  if (!altered.autoincrement) delete altered.identityAlways;
  if (changes.invisible !== undefined) {
    if (changes.invisible) altered.invisible = true;
    else delete altered.invisible;
  }
  return altered;
}

function findColumn(table: TableSnapshot, name: string): ColumnSnapshot | undefined {
  return table.columns.find((c) => c.name === name);
}

function requireColumn(table: TableSnapshot, op: ColumnOp, name: string): ColumnSnapshot {
  const column = findColumn(table, name);
  if (!column) throw opError(op, `table "${table.name}" has no column "${name}"`);
  return column;
}

/** True when `fk` (a key of `owner`) refers to the table `target` of the snapshot. */
function refersTo(snapshot: SchemaSnapshot, owner: TableSnapshot, fk: ForeignKeySnapshot, target: TableSnapshot): boolean {
  return fk.referredTable === target.name && sameSchema(fk.referredSchema ?? owner.schema, target.schema, snapshot.schema);
}

function dropColumn(snapshot: SchemaSnapshot, i: number, op: DropColumnOp): SchemaSnapshot {
  const table = snapshot.tables[i]!;
  const name = op.name;
  requireColumn(table, op, name);
  for (const other of snapshot.tables) {
    for (const fk of other.foreignKeys) {
      const ownKeyOnColumn = other === table && fk.columns.includes(name);
      if (refersTo(snapshot, other, fk, table) && fk.referredColumns.includes(name) && !ownKeyOnColumn) {
        throw opError(
          op,
          `foreign key ${fk.name ?? '(unnamed)'} of table "${qualifiedName(other.schema, other.name)}" refers to this column; drop that foreign key first`,
        );
      }
    }
  }
  const involves = (columns: readonly string[]): boolean => columns.includes(name);
  const mentions = (text: string | null): boolean => text !== null && mentionsIdentifier(text, name);
  const next: TableSnapshot = {
    ...table,
    columns: table.columns.filter((c) => c.name !== name),
    primaryKey: table.primaryKey && involves(table.primaryKey.columns) ? null : table.primaryKey,
    foreignKeys: table.foreignKeys.filter((fk) => !involves(fk.columns)),
    uniques: table.uniques.filter((u) => !involves(u.columns)),
    checks: table.checks.filter((c) => !mentions(c.expression)),
    indexes: table.indexes.filter((ix) => !involves(ix.columns) && !involves(ix.include ?? []) && !mentions(ix.where) && !(ix.expressions ?? []).some(mentions)),
  };
  return replaceTableAt(snapshot, i, next);
}

function renameColumn(snapshot: SchemaSnapshot, i: number, op: RenameColumnOp): SchemaSnapshot {
  const table = snapshot.tables[i]!;
  requireColumn(table, op, op.from);
  if (findColumn(table, op.to)) throw opError(op, `column "${op.to}" already exists`);
  const ren = (columns: readonly string[]): readonly string[] =>
    columns.includes(op.from) ? columns.map((c) => (c === op.from ? op.to : c)) : columns;
  const renSql = (text: string): string => renameIdentifier(text, op.from, op.to);
  const renamed: TableSnapshot = {
    ...table,
    columns: table.columns.map((c) => {
      const column = c.computed ? { ...c, computed: { ...c.computed, sql: renSql(c.computed.sql) } } : c;
      return c.name === op.from ? { ...column, name: op.to } : column;
    }),
    primaryKey: table.primaryKey && { ...table.primaryKey, columns: ren(table.primaryKey.columns) },
    foreignKeys: table.foreignKeys.map((fk) => ({ ...fk, columns: ren(fk.columns) })),
    uniques: table.uniques.map((u) => ({ ...u, columns: ren(u.columns) })),
    checks: table.checks.map((c) => ({ ...c, expression: renSql(c.expression) })),
    indexes: table.indexes.map((ix) => ({
      ...ix,
      columns: ren(ix.columns),
      expressions: ix.expressions && ix.expressions.map(renSql),
      where: ix.where && renSql(ix.where),
      ...(ix.include ? { include: ren(ix.include) } : {}),
    })),
  };
  const tables = snapshot.tables.map((t, j) => {
    const current = j === i ? renamed : t;
    if (!current.foreignKeys.some((fk) => refersTo(snapshot, current, fk, table) && fk.referredColumns.includes(op.from))) return current;
    return {
      ...current,
      foreignKeys: current.foreignKeys.map((fk) => (refersTo(snapshot, current, fk, table) ? { ...fk, referredColumns: ren(fk.referredColumns) } : fk)),
    };
  });
  return { ...snapshot, tables };
}
