import { assertNever, type ColumnAlterations, type Operation } from '../operations/operation.js';
import type { ColumnSnapshot, DefaultSpec, ForeignKeySnapshot, IndexSnapshot } from '../schema/snapshot.js';
import type { CompareDialect } from './compare-options.js';

type Dialect = Pick<CompareDialect, 'types'>;

function q(schema: string | null, name: string): string {
  return schema === null ? name : `${schema}.${name}`;
}

function list(names: readonly string[]): string {
  return `(${names.join(', ')})`;
}

/** A default as SQL-ish text for people: `'draft'`, `42`, `CURRENT_TIMESTAMP`. */
export function describeDefault(value: DefaultSpec | null): string {
  if (value === null) return 'none';
  if (value.kind === 'expression') return value.sql;
  return typeof value.value === 'string' ? `'${value.value.replace(/'/g, "''")}'` : String(value.value);
}

/** `VARCHAR(300) NOT NULL DEFAULT 'x'`: a column's definition for people. */
export function describeColumn(column: ColumnSnapshot, dialect: Dialect): string {
  const parts = [dialect.types.compile(column.type)];
  if (column.collation !== undefined) parts.push(`COLLATE ${column.collation}`);
  if (column.computed) parts.push(`GENERATED (${column.computed.sql}) ${column.computed.stored ? 'STORED' : 'VIRTUAL'}`);
  if (!column.nullable) parts.push('NOT NULL');
  if (column.autoincrement) parts.push(column.identityAlways ? 'IDENTITY ALWAYS' : 'AUTOINCREMENT');
  if (column.default !== null) parts.push(`DEFAULT ${describeDefault(column.default)}`);
  if (column.onUpdate !== undefined) parts.push(`ON UPDATE ${column.onUpdate}`);
  if (column.invisible === true) parts.push('INVISIBLE');
  if (column.comment !== null) parts.push(`COMMENT '${column.comment.replace(/'/g, "''")}'`);
  return parts.join(' ');
}

/**
 * ` include (b, c) nulls not distinct`: the INCLUDE columns and NULLS NOT DISTINCT of an index, as
 * they apply (empty for neither).
 *
 * @example
 * ```ts
 * describeIndexExtras({ ...ix, include: ['b'] }) // ' include (b)'
 * ```
 */
export function describeIndexExtras(index: IndexSnapshot): string {
  return `${index.include ? ` include ${list(index.include)}` : ''}${index.nullsNotDistinct ? ' nulls not distinct' : ''}`;
}

/** `ix_x on post (a)` with UNIQUE / USING / INCLUDE / NULLS NOT DISTINCT / WHERE as they apply. */
export function describeIndex(index: IndexSnapshot, table: string): string {
  const elements = index.expressions ?? index.columns;
  return `${index.unique ? 'unique ' : ''}index ${index.name} on ${table} ${list(elements)}`
    + `${index.method === null ? '' : ` using ${index.method}`}${describeIndexExtras(index)}${index.where === null ? '' : ` where ${index.where}`}`;
}

/** `fk_x on post (author_id) -> user (id) ON DELETE CASCADE`. */
export function describeForeignKey(fk: ForeignKeySnapshot, table: string): string {
  const actions = [fk.onDelete === null ? '' : ` ON DELETE ${fk.onDelete}`, fk.onUpdate === null ? '' : ` ON UPDATE ${fk.onUpdate}`,
    fk.deferrable ? ' DEFERRABLE' : '', fk.initiallyDeferred ? ' INITIALLY DEFERRED' : ''].join('');
  return `${fk.name ?? '(unnamed)'} on ${table} ${list(fk.columns)} -> ${q(fk.referredSchema, fk.referredTable)} ${list(fk.referredColumns)}${actions}`;
}

function describeAlterations(changes: ColumnAlterations, previous: ColumnAlterations | undefined, dialect: Dialect): string {
  const parts: string[] = [];
  const was = <T>(v: T | undefined, f: (x: T) => string): string => (v === undefined ? '?' : f(v));
  if (changes.type !== undefined) parts.push(`${was(previous?.type, (t) => dialect.types.compile(t))} -> ${dialect.types.compile(changes.type)}`);
  if (changes.nullable !== undefined) {
    const n = (x: boolean): string => (x ? 'NULL' : 'NOT NULL');
    parts.push(`${was(previous?.nullable, n)} -> ${n(changes.nullable)}`);
  }
  if (changes.default !== undefined) parts.push(`default ${was(previous?.default, describeDefault)} -> ${describeDefault(changes.default)}`);
  if (changes.autoincrement !== undefined) {
    const a = (x: boolean): string => (x ? 'on' : 'off');
    parts.push(`autoincrement ${was(previous?.autoincrement, a)} -> ${a(changes.autoincrement)}`);
  }
  if (changes.comment !== undefined) {
    const c = (x: string | null): string => (x === null ? 'none' : `'${x}'`);
    parts.push(`comment ${was(previous?.comment, c)} -> ${c(changes.comment)}`);
  }
  const orDefault = (x: string | null): string => x ?? 'default';
  if (changes.collation !== undefined) parts.push(`collation ${was(previous?.collation, orDefault)} -> ${orDefault(changes.collation)}`);
  const orNone = (x: string | null): string => x ?? 'none';
  if (changes.onUpdate !== undefined) parts.push(`on update ${was(previous?.onUpdate, orNone)} -> ${orNone(changes.onUpdate)}`);
  if (changes.identityAlways !== undefined) {
    const k = (x: boolean): string => (x ? 'ALWAYS' : 'BY DEFAULT');
    parts.push(`identity ${was(previous?.identityAlways, k)} -> ${k(changes.identityAlways)}`);
  }
  if (changes.invisible !== undefined) {
    const v = (x: boolean): string => (x ? 'invisible' : 'visible');
    parts.push(`${was(previous?.invisible, v)} -> ${v(changes.invisible)}`);
  }
  return parts.join(', ');
}

/**
 * One line per operation, for `retort diff` and the autogenerate summary: `+` added, `-` dropped,
 * `~` changed or renamed, `!` raw SQL.
 *
 * @example
 * ```ts
 * describeOperations(ops, dialect);
 * // ['+ table post', '+ column blog_post.summary VARCHAR(300)', '~ column post.title: VARCHAR(200) -> VARCHAR(300)',
 * //  '- index ix_x on post (a)']
 * ```
 */
export function describeOperations(ops: readonly Operation[], dialect: Dialect): string[] {
  return ops.map((op) => describeOperation(op, dialect));
}

/** ` on conflict replace` for a key or unique constraint with an ON CONFLICT clause (SQLite). */
const onConflict = (c: { readonly onConflict?: string }): string => (c.onConflict === undefined ? '' : ` on conflict ${c.onConflict.toLowerCase()}`);

/** The line of one operation (see {@link describeOperations}). */
export function describeOperation(op: Operation, dialect: Dialect): string {
  switch (op.kind) {
    case 'createTable': return `+ table ${q(op.table.schema, op.table.name)}`;
    case 'dropTable': return `- table ${q(op.schema, op.name)}`;
    case 'renameTable': return `~ table ${q(op.schema, op.from)} -> ${op.to} (renamed)`;
    case 'setTableComment': return `~ table ${q(op.schema, op.table)} comment: ${op.comment === null ? 'none' : `'${op.comment}'`}`;
    case 'addColumn': return `+ column ${q(op.schema, op.table)}.${op.column.name} ${describeColumn(op.column, dialect)}${op.primaryKey ? ' PRIMARY KEY' : ''}`;
    case 'dropColumn': return `- column ${q(op.schema, op.table)}.${op.name}`;
    case 'renameColumn': return `~ column ${q(op.schema, op.table)}.${op.from} -> ${op.to} (renamed)`;
    case 'alterColumn': return `~ column ${q(op.schema, op.table)}.${op.name}: ${describeAlterations(op.changes, op.previous, dialect)}`;
    case 'createIndex': return `+ ${describeIndex(op.index, q(op.schema, op.table))}`;
    case 'dropIndex': return op.index === undefined ? `- index ${op.name} on ${q(op.schema, op.table)}` : `- ${describeIndex(op.index, q(op.schema, op.table))}`;
    case 'addPrimaryKey': return `+ primary key ${op.primaryKey.name ?? '(unnamed)'} on ${q(op.schema, op.table)} ${list(op.primaryKey.columns)}${onConflict(op.primaryKey)}`;
    case 'dropPrimaryKey': return `- primary key ${op.name ?? '(unnamed)'} on ${q(op.schema, op.table)}${op.primaryKey ? ` ${list(op.primaryKey.columns)}` : ''}`;
    case 'addForeignKey': return `+ foreign key ${describeForeignKey(op.foreignKey, q(op.schema, op.table))}`;
    case 'dropForeignKey':
      return op.foreignKey === undefined ? `- foreign key ${op.name} on ${q(op.schema, op.table)}` : `- foreign key ${describeForeignKey(op.foreignKey, q(op.schema, op.table))}`;
    case 'addUnique': return `+ unique ${op.unique.name ?? '(unnamed)'} on ${q(op.schema, op.table)} ${list(op.unique.columns)}${onConflict(op.unique)}`;
    case 'dropUnique': return `- unique ${op.name || '(unnamed)'} on ${q(op.schema, op.table)}${op.unique ? ` ${list(op.unique.columns)}` : ''}`;
    case 'addCheck': return `+ check ${op.check.name ?? '(unnamed)'} on ${q(op.schema, op.table)} (${op.check.expression})`;
    case 'dropCheck': return `- check ${op.name || '(unnamed)'} on ${q(op.schema, op.table)}${op.check ? ` (${op.check.expression})` : ''}`;
    case 'createEnum': return `+ enum ${q(op.enum.schema, op.enum.name)} (${op.enum.values.map((v) => `'${v}'`).join(', ')})`;
    case 'dropEnum': return `- enum ${q(op.schema, op.name)}`;
    case 'addEnumValue': {
      const where = op.before !== undefined ? ` before '${op.before}'` : op.after !== undefined ? ` after '${op.after}'` : '';
      return `+ enum value ${q(op.schema, op.name)} '${op.value}'${where}`;
    }
    case 'dropEnumValue': return `- enum value ${q(op.schema, op.name)} '${op.value}'`;
    case 'execute': return `! execute ${op.sql.replace(/\s+/g, ' ').trim()}`;
    default: return assertNever(op, 'operation');
  }
}
