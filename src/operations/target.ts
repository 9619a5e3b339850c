import type { SchemaSnapshot, TableSnapshot } from '../schema/snapshot.js';
import type { Operation } from './operation.js';
import { assertNever } from './operation.js';

/** A table named by schema and name (`schema: null` is the connection's default schema). */
export interface TableName {
  readonly schema: string | null;
  readonly name: string;
}

/**
 * The table an operation acts on (for renameTable: the table before the rename), or null for
 * the ops that act on no table (enum types, raw SQL).
 *
 * @example
 * ```ts
 * operationTable({ kind: 'addColumn', schema: null, table: 'post', column }); // { schema: null, name: 'post' }
 * ```
 */
export function operationTable(op: Operation): TableName | null {
  switch (op.kind) {
    case 'createTable':
      return { schema: op.table.schema, name: op.table.name };
    case 'dropTable':
      return { schema: op.schema, name: op.name };
    case 'renameTable':
      return { schema: op.schema, name: op.from };
    case 'setTableComment':
    case 'addColumn':
    case 'dropColumn':
    case 'renameColumn':
    case 'alterColumn':
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
      return { schema: op.schema, name: op.table };
    case 'createEnum':
    case 'dropEnum':
    case 'addEnumValue':
    case 'dropEnumValue':
    case 'execute':
      return null;
    default:
      return assertNever(op, 'operation');
  }
}

/**
 * True when two schema names denote the same schema, `null` standing for `defaultSchema`
 * (the snapshot's own schema).
 *
 * @example
 * ```ts
 * sameSchema(null, 'public', 'public'); // true
 * ```
 */
export function sameSchema(a: string | null, b: string | null, defaultSchema: string | null): boolean {
  return (a ?? defaultSchema) === (b ?? defaultSchema);
}

/**
 * Position of a table in a snapshot's table list, or -1.
 *
 * @example
 * ```ts
 * tableIndexOf(snapshot, null, 'post'); // 0
 * ```
 */
export function tableIndexOf(snapshot: SchemaSnapshot, schema: string | null, name: string): number {
  return snapshot.tables.findIndex((t) => t.name === name && sameSchema(t.schema, schema, snapshot.schema));
}

/**
 * The table of a snapshot with this schema and name, if any.
 *
 * @example
 * ```ts
 * lookupTable(snapshot, null, 'post')?.columns;
 * ```
 */
export function lookupTable(snapshot: SchemaSnapshot, schema: string | null, name: string): TableSnapshot | undefined {
  const i = tableIndexOf(snapshot, schema, name);
  return i < 0 ? undefined : snapshot.tables[i];
}

/**
 * A table that carries only its name and schema: what the DDL compilers get for ops whose SQL
 * needs no more than the table's name (see `needsTable`), so that the statements never depend
 * on whether a caller happened to know the whole table.
 *
 * @example
 * ```ts
 * dialect.ddl.renameTable(tableReference(null, 'post'), 'article');
 * ```
 */
export function tableReference(schema: string | null, name: string): TableSnapshot {
  return Object.freeze({
    name,
    schema,
    comment: null,
    columns: Object.freeze([]),
    primaryKey: null,
    foreignKeys: Object.freeze([]),
    uniques: Object.freeze([]),
    checks: Object.freeze([]),
    indexes: Object.freeze([]),
  });
}

/**
 * `schema.name` or `name`, for messages.
 *
 * @example
 * ```ts
 * qualifiedName('app', 'post'); // 'app.post'
 * ```
 */
export function qualifiedName(schema: string | null, name: string): string {
  return schema ? `${schema}.${name}` : name;
}

/**
 * A short, human description of an op for error messages.
 *
 * @example
 * ```ts
 * describeOperation({ kind: 'dropColumn', schema: null, table: 'post', name: 'summary' }); // 'dropColumn post.summary'
 * ```
 */
export function describeOperation(op: Operation): string {
  switch (op.kind) {
    case 'createTable':
      return `createTable ${qualifiedName(op.table.schema, op.table.name)}`;
    case 'dropTable':
      return `dropTable ${qualifiedName(op.schema, op.name)}`;
    case 'renameTable':
      return `renameTable ${qualifiedName(op.schema, op.from)} -> ${op.to}`;
    case 'setTableComment':
      return `setTableComment ${qualifiedName(op.schema, op.table)}`;
    case 'addColumn':
      return `addColumn ${qualifiedName(op.schema, op.table)}.${op.column.name}`;
    case 'dropColumn':
    case 'alterColumn':
      return `${op.kind} ${qualifiedName(op.schema, op.table)}.${op.name}`;
    case 'renameColumn':
      return `renameColumn ${qualifiedName(op.schema, op.table)}.${op.from} -> ${op.to}`;
    case 'createIndex':
      return `createIndex ${op.index.name} on ${qualifiedName(op.schema, op.table)}`;
    case 'addPrimaryKey':
      return `addPrimaryKey ${op.primaryKey.name ?? '(unnamed)'} on ${qualifiedName(op.schema, op.table)}`;
    case 'addForeignKey':
      return `addForeignKey ${op.foreignKey.name ?? '(unnamed)'} on ${qualifiedName(op.schema, op.table)}`;
    case 'addUnique':
      return `addUnique ${op.unique.name ?? '(unnamed)'} on ${qualifiedName(op.schema, op.table)}`;
    case 'addCheck':
      return `addCheck ${op.check.name ?? '(unnamed)'} on ${qualifiedName(op.schema, op.table)}`;
    case 'dropIndex':
    case 'dropPrimaryKey':
    case 'dropForeignKey':
    case 'dropUnique':
    case 'dropCheck':
      return `${op.kind} ${op.name === null || op.name === '' ? '(unnamed)' : op.name} on ${qualifiedName(op.schema, op.table)}`;
    case 'createEnum':
      return `createEnum ${qualifiedName(op.enum.schema, op.enum.name)}`;
    case 'dropEnum':
      return `dropEnum ${qualifiedName(op.schema, op.name)}`;
    case 'addEnumValue':
    case 'dropEnumValue':
      return `${op.kind} ${qualifiedName(op.schema, op.name)} '${op.value}'`;
    case 'execute':
      return `execute ${op.sql.length > 60 ? `${op.sql.slice(0, 57)}...` : op.sql}`;
    default:
      return assertNever(op, 'operation');
  }
}
