import { OperationError } from '../errors/index.js';
import type { ColumnChanges, Dialect } from '../engine/dialect.js';
import type { ColumnSnapshot, EnumSnapshot, IndexSnapshot, SchemaSnapshot, TableSnapshot, UniqueSnapshot } from '../schema/snapshot.js';
import { applyOperation } from './apply.js';
import { alterColumnSnapshot } from './apply-columns.js';
import { checkIdentity, findDropped, foreignKeyIdentity, uniqueIdentity } from './constraint-identity.js';
import { compileDropEnumValue } from './enum-recreate.js';
import type { Operation } from './operation.js';
import { assertNever } from './operation.js';
import { compileRebuild, effectiveAlterations, needsRebuild, rebuildRunLength } from './sqlite-rebuild.js';
import type { Statement } from './statement.js';
import { mustRunOutsideTransaction, statements } from './statement.js';
import { describeOperation, lookupTable, operationTable, qualifiedName, tableReference } from './target.js';

/** What compiling an op needs besides the op. */
export interface CompileContext {
  readonly dialect: Dialect;
  /** The op's table as it is before the op; required when {@link needsTable} says so, ignored otherwise. */
  readonly table?: TableSnapshot;
  /** The whole schema before the op; required when {@link needsSnapshot} says so. */
  readonly snapshot?: SchemaSnapshot;
}

/**
 * True when compiling the op on this dialect needs its table's current definition: to find a
 * column or constraint the op names without carrying it (alterColumn, renameColumn, a drop
 * without its "for reverse" definition, or an unnamed one it carries), or to rebuild the table (SQLite). For every other op
 * the DDL compiler gets a table that carries only its name (so the SQL never depends on whether
 * the caller happened to know more), and online migrations need not read the catalog.
 *
 * @example
 * ```ts
 * needsTable({ kind: 'addColumn', schema: null, table: 'post', column }, postgresDialect); // false
 * ```
 */
export function needsTable(op: Operation, dialect: Dialect): boolean {
  const rebuildsConstraints = !dialect.capabilities.alterConstraints;
  switch (op.kind) {
    case 'alterColumn':
    case 'renameColumn':
      return true;
    case 'addColumn':
      return needsRebuild(op, dialect);
    case 'dropColumn':
      return !op.column || rebuildsConstraints;
    case 'dropIndex':
      return !op.index;
    case 'dropPrimaryKey':
      return !op.primaryKey || rebuildsConstraints;
    case 'dropForeignKey':
      return !op.foreignKey || op.foreignKey.name === null || rebuildsConstraints;
    case 'dropUnique':
      return !op.unique || op.unique.name === null || rebuildsConstraints;
    case 'dropCheck':
      return !op.check || op.check.name === null || rebuildsConstraints;
    case 'addPrimaryKey':
    case 'addForeignKey':
    case 'addUnique':
    case 'addCheck':
      return rebuildsConstraints;
    default:
      return false;
  }
}

/** True when compiling the op needs the whole schema (dropEnumValue on a dialect with named enums). */
export function needsSnapshot(op: Operation, dialect: Dialect): boolean {
  return op.kind === 'dropEnumValue' && dialect.capabilities.namedEnums;
}

/**
 * The statements that carry out one op on a dialect, in order. Ops the dialect cannot do in
 * place are compiled to a table rebuild (see `sqlite-rebuild.ts`); `addEnumValue` on a dialect
 * with named enums is non-transactional; table comments and enum types compile to nothing on
 * dialects that have none.
 *
 * @example
 * ```ts
 * compileOperation({ kind: 'addColumn', schema: null, table: 'post', column: summary }, { dialect: postgresDialect });
 * // [{ sql: 'ALTER TABLE "post" ADD COLUMN "summary" VARCHAR(300)', transactional: true }]
 * ```
 */
export function compileOperation(op: Operation, ctx: CompileContext): Statement[] {
  const table = needsTable(op, ctx.dialect) ? requireTable(op, ctx) : undefined;
  if (table && needsRebuild(op, ctx.dialect, table)) return compileRebuild(ctx.dialect, table, [op]);
  return compileInPlace(op, ctx, table);
}

/**
 * The statements of a list of ops, starting from `snapshot` (which must hold the tables the ops
 * need). Consecutive ops on one table that the dialect carries out by a rebuild share one rebuild.
 * Throws an OperationError for an op that does not fit the schema (as `applyOperation`).
 *
 * @example
 * ```ts
 * const sqlText = compileOperations(upgradeOps, { dialect, snapshot: before }).map((s) => `${s.sql};`).join('\n');
 * ```
 */
export function compileOperations(ops: readonly Operation[], ctx: { dialect: Dialect; snapshot: SchemaSnapshot }): Statement[] {
  const { dialect } = ctx;
  let snapshot = ctx.snapshot;
  const out: Statement[] = [];
  for (let i = 0; i < ops.length;) {
    const op = ops[i]!;
    const target = operationTable(op);
    const table = target && needsTable(op, dialect) ? lookupTable(snapshot, target.schema, target.name) : undefined;
    if (target && table && needsRebuild(op, dialect, table)) {
      const n = rebuildRunLength(ops, i, target, dialect);
      const run = ops.slice(i, i + n);
      const after = run.reduce(applyOperation, snapshot);
      out.push(...compileRebuild(dialect, table, run));
      snapshot = after;
      i += n;
      continue;
    }
    const after = applyOperation(snapshot, op);
    out.push(...compileOperation(op, { dialect, snapshot, ...(table ? { table } : {}) }));
    snapshot = after;
    i++;
  }
  return out;
}

function requireTable(op: Operation, ctx: CompileContext): TableSnapshot {
  const target = operationTable(op)!;
  const table = ctx.table;
  if (!table) {
    throw new OperationError(`${describeOperation(op)}: compiling it needs the current definition of table "${qualifiedName(target.schema, target.name)}"`);
  }
  if (table.name !== target.name) {
    throw new OperationError(`${describeOperation(op)}: was given the definition of table "${table.name}" instead`);
  }
  return table;
}

function findColumn(op: Operation, table: TableSnapshot, name: string): ColumnSnapshot {
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new OperationError(`${describeOperation(op)}: table "${table.name}" has no column "${name}"`);
  return column;
}

/**
 * The index or constraint a drop op removes: the one it carries, else the table's of that name. An
 * unnamed constraint it carries is the table's of the same identity (which PostgreSQL and MySQL
 * have named) when the table has one.
 */
function findNamed<T extends { readonly name: string | null }>(
  op: Operation,
  given: T | undefined,
  items: readonly T[],
  name: string | null,
  what: string,
  identity?: (item: T) => string,
): T {
  const unnamed = given !== undefined && given.name === null && identity !== undefined ? items[findDropped(items, '', given, identity)] : undefined;
  const found = unnamed ?? given ?? items.find((i) => i.name === name);
  if (!found) throw new OperationError(`${describeOperation(op)}: the table has no ${what} named "${name}"`);
  return found;
}

/**
 * The indexes of a table, and on a dialect where a UNIQUE constraint is a unique index (MySQL,
 * whose reflection reports a plain unique index as a unique constraint) its unique constraints
 * as the indexes they are, so that `op.dropIndex` finds a unique index read from the catalog.
 */
function indexesOf(table: TableSnapshot, dialect: Dialect): readonly IndexSnapshot[] {
  if (!dialect.capabilities.uniqueConstraintIsIndex) return table.indexes;
  const asIndex = (u: UniqueSnapshot): IndexSnapshot => ({ name: u.name ?? '', columns: u.columns, expressions: null, unique: true, where: null, method: null });
  return [...table.indexes, ...table.uniques.filter((u) => u.name !== null).map(asIndex)];
}

const enumReference = (schema: string | null, name: string): EnumSnapshot => ({ schema, name, values: [] });

function compileInPlace(op: Operation, ctx: CompileContext, known: TableSnapshot | undefined): Statement[] {
  const { dialect } = ctx;
  const { ddl, capabilities } = dialect;
  const target = operationTable(op);
  const table = known ?? (target ? tableReference(target.schema, target.name) : tableReference(null, ''));
  switch (op.kind) {
    case 'createTable': {
      const omitted = op.omitForeignKeys ?? [];
      const omitForeignKeys = op.table.foreignKeys.filter((fk) => fk.name !== null && omitted.includes(fk.name));
      return statements([
        ...ddl.createTable(op.table, omitForeignKeys.length > 0 ? { omitForeignKeys } : undefined),
        ...op.table.indexes.flatMap((ix) => ddl.createIndex(op.table, ix)),
      ]);
    }
    case 'dropTable':
      return statements(ddl.dropTable(op.table ?? table));
    case 'renameTable':
      return statements(ddl.renameTable(table, op.to));
    case 'setTableComment':
      return capabilities.comments ? statements(ddl.setTableComment(table, op.comment)) : [];
    case 'addColumn':
      return statements(ddl.addColumn(table, op.column, op.primaryKey));
    case 'dropColumn':
      return statements(ddl.dropColumn(table, op.column ?? findColumn(op, table, op.name)));
    case 'renameColumn':
      return statements(ddl.renameColumn(table, findColumn(op, table, op.from), op.to));
    case 'alterColumn': {
      const keys = effectiveAlterations(op, dialect);
      if (keys.length === 0) return [];
      const from = findColumn(op, table, op.name);
      const changes = Object.fromEntries(keys.map((k) => [k, true])) as ColumnChanges;
      const alterations = capabilities.comments ? op.changes : { ...op.changes, comment: undefined };
      return statements(ddl.alterColumn(table, from, alterColumnSnapshot(from, alterations), changes));
    }
    case 'createIndex':
      return statements(ddl.createIndex(table, op.index));
    case 'dropIndex':
      return statements(ddl.dropIndex(table, findNamed(op, op.index, indexesOf(table, dialect), op.name, 'index')));
    case 'addPrimaryKey':
      return statements(ddl.addPrimaryKey(table, op.primaryKey));
    case 'dropPrimaryKey': {
      const pk = op.primaryKey ?? table.primaryKey;
      if (!pk) throw new OperationError(`${describeOperation(op)}: the table has no primary key`);
      return statements(ddl.dropPrimaryKey(table, pk));
    }
    case 'addForeignKey':
      return statements(ddl.addForeignKey(table, op.foreignKey));
    case 'dropForeignKey':
      return statements(ddl.dropForeignKey(table, findNamed(op, op.foreignKey, table.foreignKeys, op.name, 'foreign key', foreignKeyIdentity)));
    case 'addUnique':
      return statements(ddl.addUnique(table, op.unique));
    case 'dropUnique':
      return statements(ddl.dropUnique(table, findNamed(op, op.unique, table.uniques, op.name, 'unique constraint', uniqueIdentity)));
    case 'addCheck':
      return statements(ddl.addCheck(table, op.check));
    case 'dropCheck':
      return statements(ddl.dropCheck(table, findNamed(op, op.check, table.checks, op.name, 'check constraint', checkIdentity)));
    case 'createEnum':
      return capabilities.namedEnums ? statements(ddl.createEnum(op.enum)) : [];
    case 'dropEnum':
      return capabilities.namedEnums ? statements(ddl.dropEnum(op.enum ?? enumReference(op.schema, op.name))) : [];
    case 'addEnumValue': {
      if (!capabilities.namedEnums) return [];
      const position = { ...(op.before !== undefined ? { before: op.before } : {}), ...(op.after !== undefined ? { after: op.after } : {}) };
      return ddl.addEnumValue(enumReference(op.schema, op.name), op.value, position).map((sql) => Object.freeze({ sql, transactional: false }));
    }
    case 'dropEnumValue': {
      if (!capabilities.namedEnums) return [];
      if (!ctx.snapshot) throw new OperationError(`${describeOperation(op)}: compiling it needs the whole schema (the columns using the type)`);
      return compileDropEnumValue(op, dialect, ctx.snapshot);
    }
    case 'execute':
      return [Object.freeze({ sql: op.sql, transactional: !mustRunOutsideTransaction(op.sql) })];
    default:
      return assertNever(op, 'operation');
  }
}
