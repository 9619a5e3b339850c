import type { ColumnSnapshot, DefaultSpec } from '../../schema/snapshot.js';
import type { TypeSpec } from '../../schema/type-spec.js';
import { assertNever } from '../../operations/operation.js';
import { numberLiteral, quote, templateBody } from './literals.js';
import type { RenderContext } from './render-context.js';

function options(entries: readonly (readonly [string, string | undefined])[]): string {
  const present = entries.filter((e): e is readonly [string, string] => e[1] !== undefined);
  return present.length === 0 ? '' : `{ ${present.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
}

/**
 * The column builder call for a type: `column.string(300)`, `column.integer().unsigned()`,
 * `column.enum(['draft', 'published'], { name: 'post_status' })`, `column.array(column.integer())`.
 */
export function renderType(type: TypeSpec, ctx: RenderContext): string {
  ctx.use('column');
  const unsigned = (t: { unsigned?: boolean }): string => (t.unsigned === true ? '.unsigned()' : '');
  switch (type.kind) {
    case 'integer': return `column.integer()${unsigned(type)}`;
    case 'smallint': return `column.smallInteger()${unsigned(type)}`;
    case 'bigint': return `column.bigInteger()${unsigned(type)}`;
    case 'tinyint': return `column.tinyint()${unsigned(type)}`;
    case 'mediumint': return `column.mediumint()${unsigned(type)}`;
    case 'boolean': return 'column.boolean()';
    case 'string': return `column.string(${type.length ?? ''})`;
    case 'char': return `column.char(${type.length ?? ''})`;
    case 'text': return 'column.text()';
    case 'tinytext': return 'column.tinytext()';
    case 'mediumtext': return 'column.mediumtext()';
    case 'longtext': return 'column.longtext()';
    case 'numeric': {
      if (type.precision === null && type.scale === null) return 'column.numeric()';
      if (type.scale === null) return `column.numeric(${type.precision})`;
      return `column.numeric(${type.precision ?? 'undefined'}, ${type.scale})`;
    }
    case 'float': return 'column.float()';
    case 'double': return 'column.double()';
    case 'date': return 'column.date()';
    case 'time':
    case 'datetime': {
      const opts = options([
        ['timezone', type.timezone ? 'true' : undefined],
        ['precision', type.precision === undefined || type.precision === null ? undefined : String(type.precision)],
      ]);
      return `column.${type.kind === 'time' ? 'time' : 'dateTime'}(${opts})`;
    }
    case 'json': return 'column.json()';
    case 'jsonb': return 'column.jsonb()';
    case 'uuid': return 'column.uuid()';
    case 'binary':
      if (type.length === undefined || type.length === null || ctx.dialect === null) return 'column.largeBinary()';
      return `column.custom(${quote(ctx.dialect.types.compile(type))})`;
    case 'inet': return 'column.inet()';
    case 'enum': {
      const values = `[${type.values.map(quote).join(', ')}]`;
      return type.name === null ? `column.enum(${values})` : `column.enum(${values}, { name: ${quote(type.name)} })`;
    }
    case 'array': return `column.array(${renderType(type.of, ctx)})`;
    case 'custom': return `column.custom(${quote(type.sql)})`;
    default: return assertNever(type, 'type');
  }
}

/** A server default as the argument of `.serverDefault()`: a literal, or sql`...` for an expression. */
export function renderDefault(value: DefaultSpec, ctx: RenderContext): string {
  switch (value.kind) {
    case 'literal':
      if (typeof value.value === 'string') return quote(value.value);
      return typeof value.value === 'number' ? numberLiteral(value.value) : String(value.value);
    case 'expression':
      return renderSql(value.sql, ctx);
    default:
      return assertNever(value, 'default');
  }
}

/**
 * The builder chain of a column: type, then `.notNull()`, `.autoincrement()`,
 * `.serverDefault(...)`, `.comment(...)` as they apply.
 *
 * @example
 * ```ts
 * renderColumn({ name: 'status', type: { kind: 'string', length: 20 }, nullable: false,
 *   default: { kind: 'literal', value: 'draft' }, autoincrement: false, comment: null }, ctx);
 * // "column.string(20).notNull().serverDefault('draft')"
 * ```
 */
export function renderColumn(column: ColumnSnapshot, ctx: RenderContext): string {
  let text = renderType(column.type, ctx);
  if (column.collation !== undefined) text += `.collate(${quote(column.collation)})`;
  if (!column.nullable) text += '.notNull()';
  if (column.autoincrement && column.identityAlways !== undefined) text += column.identityAlways ? '.identity({ always: true })' : '.identity()';
  else if (column.autoincrement) text += '.autoincrement()';
  if (column.computed) text += `.computed(${renderSql(column.computed.sql, ctx)}${column.computed.stored ? ', { stored: true }' : ''})`;
  if (column.default !== null) text += `.serverDefault(${renderDefault(column.default, ctx)})`;
  if (column.onUpdate !== undefined) text += `.onUpdate(${renderSql(column.onUpdate, ctx)})`;
  if (column.invisible !== undefined) text += column.invisible ? '.invisible()' : '.invisible(false)';
  if (column.comment !== null) text += `.comment(${quote(column.comment)})`;
  return text;
}

/** An SQL expression as a sql`...` template. */
export function renderSql(sqlText: string, ctx: RenderContext): string {
  ctx.use('sql');
  return `sql\`${templateBody(sqlText)}\``;
}
