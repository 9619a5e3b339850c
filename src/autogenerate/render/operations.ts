import type { Operation, OperationKind } from '../../operations/operation.js';
import type { CheckSnapshot, ForeignKeySnapshot, IndexSnapshot, PrimaryKeySnapshot, UniqueSnapshot } from '../../schema/snapshot.js';
import { array, call, object, raw, type Code } from './code.js';
import { renderColumn, renderDefault, renderSql, renderType } from './column.js';
import { propertyKey, quote } from './literals.js';
import type { RenderContext } from './render-context.js';

/** Turns one kind of op into the `op.xxx(...)` call expression. */
export type OperationRenderer<K extends OperationKind> = (op: Extract<Operation, { kind: K }>, ctx: RenderContext) => Code;

/** One renderer per op kind; a new op kind does not compile until it has one. */
export type OperationRenderers = { readonly [K in OperationKind]: OperationRenderer<K> };

const str = (text: string): Code => raw(quote(text));
const strOrNull = (text: string | null): Code => raw(text === null ? 'null' : quote(text));
const strings = (list: readonly string[]): Code => array(list.map(str));
const flag = (on: boolean): Code | undefined => (on ? raw('true') : undefined);
const opt = <T>(value: T | null | undefined, f: (v: T) => Code): Code | undefined => (value === null || value === undefined ? undefined : f(value));

/** `{ schema: '...' }` as a trailing argument, when the op names a schema. */
function schemaArg(schema: string | null): Code[] {
  return schema === null ? [] : [object([['schema', str(schema)]])];
}

/**
 * An options object as the last argument, left out when empty; on several lines from
 * `multilineFrom` entries on.
 */
function optionsArg(entries: readonly (readonly [string, Code | undefined])[], options: { readonly multilineFrom?: number } = {}): Code[] {
  const count = entries.filter((e) => e[1] !== undefined).length;
  if (count === 0) return [];
  return [object(entries, { multiline: count >= (options.multilineFrom ?? Number.POSITIVE_INFINITY) })];
}

function foreignKeyOptions(fk: ForeignKeySnapshot): (readonly [string, Code | undefined])[] {
  return [
    ['referredSchema', opt(fk.referredSchema, str)],
    ['onDelete', opt(fk.onDelete, str)],
    ['onUpdate', opt(fk.onUpdate, str)],
    ['deferrable', flag(fk.deferrable)],
    ['initiallyDeferred', flag(fk.initiallyDeferred)],
  ];
}

function indexOptions(ix: IndexSnapshot): (readonly [string, Code | undefined])[] {
  return [
    ['unique', flag(ix.unique)],
    ['where', opt(ix.where, str)],
    ['expressions', opt(ix.expressions, strings)],
    ['method', opt(ix.method, str)],
    ['include', opt(ix.include, strings)],
    ['nullsNotDistinct', flag(ix.nullsNotDistinct === true)],
  ];
}

function foreignKeyObject(fk: ForeignKeySnapshot): Code {
  return object([
    ['name', strOrNull(fk.name)],
    ['columns', strings(fk.columns)],
    ['referredTable', str(fk.referredTable)],
    ['referredColumns', strings(fk.referredColumns)],
    ...foreignKeyOptions(fk),
  ]);
}

/** `onConflict: 'REPLACE'` of a key or unique constraint with an ON CONFLICT clause (SQLite). */
const conflictOption = (c: PrimaryKeySnapshot | UniqueSnapshot): readonly [string, Code | undefined] => ['onConflict', opt(c.onConflict, str)];
const keyObject = (c: PrimaryKeySnapshot | UniqueSnapshot): Code => object([['name', strOrNull(c.name)], ['columns', strings(c.columns)], conflictOption(c)]);
const checkObject = (c: CheckSnapshot): Code => object([['name', strOrNull(c.name)], ['expression', str(c.expression)]]);
const indexObject = (ix: IndexSnapshot): Code => object([['name', str(ix.name)], ['columns', strings(ix.columns)], ...indexOptions(ix)]);
const listOf = <T>(items: readonly T[], f: (x: T) => Code): Code | undefined => (items.length === 0 ? undefined : array(items.map(f)));

/** True when a drop op removes a constraint that has no name (it is then named by what it is). */
function unnamedDrop<T extends { readonly name: string | null }>(given: T | undefined, name: string): given is T {
  return given !== undefined && given.name === null && name === '';
}

/** retort's renderers, keyed by op kind (see the `op` facade in CONTRACTS.md). */
export const operationRenderers: OperationRenderers = {
  createTable: (op, ctx) => {
    const t = op.table;
    const omitted = new Set(op.omitForeignKeys ?? []);
    const columns = object(t.columns.map((c) => [propertyKey(c.name), raw(renderColumn(c, ctx))] as const), { multiline: true });
    const options = optionsArg([
      ['primaryKey', opt(t.primaryKey, keyObject)],
      ['foreignKeys', listOf(t.foreignKeys.filter((fk) => fk.name === null || !omitted.has(fk.name)), foreignKeyObject)],
      ['uniques', listOf(t.uniques, keyObject)],
      ['checks', listOf(t.checks, checkObject)],
      ['indexes', listOf(t.indexes, indexObject)],
      ['comment', opt(t.comment, str)],
      ['schema', opt(t.schema, str)],
      ['strict', opt(t.strict, (x) => raw(String(x)))],
      ['withoutRowid', opt(t.withoutRowid, (x) => raw(String(x)))],
      ['sqliteAutoincrement', opt(t.sqliteAutoincrement, (x) => raw(String(x)))],
      ['partitionBy', opt(t.partitionBy, str)],
      ['collation', opt(t.collation, str)],
      ['engine', opt(t.engine, str)],
      ['systemVersioning', opt(t.systemVersioning, (x) => raw(String(x)))],
      ['rowFormat', opt(t.rowFormat, str)],
    ], { multilineFrom: 2 });
    return call('op.createTable', str(t.name), columns, ...options);
  },
  dropTable: (op) => call('op.dropTable', str(op.name), ...schemaArg(op.schema)),
  renameTable: (op) => call('op.renameTable', str(op.from), str(op.to), ...schemaArg(op.schema)),
  setTableComment: (op) => call('op.setTableComment', str(op.table), strOrNull(op.comment), ...schemaArg(op.schema)),
  addColumn: (op, ctx) => call('op.addColumn', str(op.table), str(op.column.name), raw(renderColumn(op.column, ctx)), ...optionsArg([
    ['primaryKey', op.primaryKey === undefined ? undefined : op.primaryKey.name === null ? raw('true') : str(op.primaryKey.name)],
    ['schema', opt(op.schema, str)],
  ])),
  dropColumn: (op) => call('op.dropColumn', str(op.table), str(op.name), ...schemaArg(op.schema)),
  renameColumn: (op) => call('op.renameColumn', str(op.table), str(op.from), str(op.to), ...schemaArg(op.schema)),
  alterColumn: (op, ctx) => {
    const c = op.changes;
    return call('op.alterColumn', str(op.table), str(op.name), object([
      ['type', opt(c.type, (t) => raw(renderType(t, ctx)))],
      ['nullable', opt(c.nullable, (n) => raw(String(n)))],
      ['serverDefault', c.default === undefined ? undefined : c.default === null ? raw('null') : raw(renderDefault(c.default, ctx))],
      ['comment', c.comment === undefined ? undefined : strOrNull(c.comment)],
      ['autoincrement', opt(c.autoincrement, (a) => raw(String(a)))],
      ['collation', c.collation === undefined ? undefined : strOrNull(c.collation)],
      ['onUpdate', c.onUpdate === undefined ? undefined : c.onUpdate === null ? raw('null') : raw(renderSql(c.onUpdate, ctx))],
      ['identityAlways', opt(c.identityAlways, (a) => raw(String(a)))],
      ['invisible', opt(c.invisible, (a) => raw(String(a)))],
    ]), ...schemaArg(op.schema));
  },
  createIndex: (op) => call('op.createIndex', str(op.index.name), str(op.table), strings(op.index.columns), ...optionsArg([
    ...indexOptions(op.index),
    ['schema', opt(op.schema, str)],
  ])),
  dropIndex: (op) => call('op.dropIndex', str(op.name), str(op.table), ...schemaArg(op.schema)),
  addPrimaryKey: (op) => call('op.createPrimaryKey', strOrNull(op.primaryKey.name), str(op.table), strings(op.primaryKey.columns),
    ...optionsArg([conflictOption(op.primaryKey), ['schema', opt(op.schema, str)]])),
  dropPrimaryKey: (op) => call('op.dropPrimaryKey', strOrNull(op.name), str(op.table), ...schemaArg(op.schema)),
  addForeignKey: (op) => {
    const fk = op.foreignKey;
    return call('op.createForeignKey', strOrNull(fk.name), str(op.table), strings(fk.columns), str(fk.referredTable), strings(fk.referredColumns),
      ...optionsArg([...foreignKeyOptions(fk), ['schema', opt(op.schema, str)]]));
  },
  dropForeignKey: (op) => {
    const fk = op.foreignKey;
    if (!unnamedDrop(fk, op.name)) return call('op.dropForeignKey', str(op.name), str(op.table), ...schemaArg(op.schema));
    return call('op.dropForeignKey', raw('null'), str(op.table), ...optionsArg([
      ['columns', strings(fk.columns)],
      ['referredTable', str(fk.referredTable)],
      ['referredColumns', strings(fk.referredColumns)],
      ['schema', opt(op.schema, str)],
    ]));
  },
  addUnique: (op) => call('op.createUnique', strOrNull(op.unique.name), str(op.table), strings(op.unique.columns),
    ...optionsArg([conflictOption(op.unique), ['schema', opt(op.schema, str)]])),
  dropUnique: (op) => (!unnamedDrop(op.unique, op.name)
    ? call('op.dropUnique', str(op.name), str(op.table), ...schemaArg(op.schema))
    : call('op.dropUnique', raw('null'), str(op.table), ...optionsArg([['columns', strings(op.unique.columns)], ['schema', opt(op.schema, str)]]))),
  addCheck: (op) => call('op.createCheck', strOrNull(op.check.name), str(op.table), str(op.check.expression), ...schemaArg(op.schema)),
  dropCheck: (op) => (!unnamedDrop(op.check, op.name)
    ? call('op.dropCheck', str(op.name), str(op.table), ...schemaArg(op.schema))
    : call('op.dropCheck', raw('null'), str(op.table), ...optionsArg([['expression', str(op.check.expression)], ['schema', opt(op.schema, str)]]))),
  createEnum: (op) => call('op.createEnum', str(op.enum.name), strings(op.enum.values), ...schemaArg(op.enum.schema)),
  dropEnum: (op) => call('op.dropEnum', str(op.name), ...schemaArg(op.schema)),
  addEnumValue: (op) => call('op.addEnumValue', str(op.name), str(op.value), ...optionsArg([
    ['before', opt(op.before, str)],
    ['after', opt(op.after, str)],
    ['schema', opt(op.schema, str)],
  ])),
  dropEnumValue: (op) => call('op.dropEnumValue', str(op.name), str(op.value), ...schemaArg(op.schema)),
  execute: (op) => call('op.execute', str(op.sql), ...optionsArg([['reverseSql', opt(op.reverseSql, str)]])),
};

/**
 * The `op.xxx(...)` call of one operation, as a {@link Code} tree.
 *
 * @example
 * ```ts
 * flat(renderOperationCall({ kind: 'dropColumn', schema: null, table: 'post', name: 'summary' }, ctx));
 * // "op.dropColumn('post', 'summary')"
 * ```
 */
export function renderOperationCall(op: Operation, ctx: RenderContext, renderers: OperationRenderers = operationRenderers): Code {
  const renderer = renderers[op.kind] as (op: Operation, ctx: RenderContext) => Code;
  return renderer(op, ctx);
}
