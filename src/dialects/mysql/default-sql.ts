import type { DefaultSpec } from '../../schema/snapshot.js';
import type { TypeSpec } from '../../schema/type-spec.js';
import { isNumericColumn, NUMBER, numberKey, stripOuterParens } from './default-value.js';
import { mysqlTypeCompiler } from './type-compiler.js';

/** A default that both MySQL 8 and MariaDB take without parentheses (on non-BLOB/TEXT columns). */
const BARE_DEFAULT = new RegExp(
  [
    "^_?[a-z0-9]*'(?:[^'\\\\]|''|\\\\.)*'$", // string literal, maybe with a charset introducer
    '^[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[+-]?\\d+)?$', // number
    '^(?:null|true|false)$',
    "^[bx]'[0-9a-f]*'$|^0x[0-9a-f]+$|^0b[01]+$", // bit and hex literals
    '^(?:current_timestamp|now|localtime|localtimestamp)\\s*(?:\\(\\s*\\d*\\s*\\))?$',
  ].join('|'),
  'is',
);

const STRING_OR_NUMBER = /^(?:_?[a-z0-9]*'.*'|[+-]?[\d.].*)$/is;

/** Column types whose defaults MySQL 8 takes only as `(expression)`: BLOB, TEXT, JSON, GEOMETRY. */
const LARGE_OBJECT = /blob|text|json|geometry|point|linestring|polygon/;

/**
 * True for BLOB, TEXT, JSON and GEOMETRY types: their literal defaults must be written
 * `DEFAULT ('x')` on MySQL 8, and MariaDB enforces UNIQUE over them with a HASH index.
 */
export function isLargeObjectType(type: TypeSpec): boolean {
  return LARGE_OBJECT.test(mysqlTypeCompiler.canonical(type));
}

/**
 * The SQL of a server default in a column definition. A number on a number column is written in
 * one spelling (`numberKey`: `0.00` and `0` are `0`). Other literals go through `literal`; on
 * BLOB / TEXT / JSON columns they are wrapped in parentheses (`DEFAULT ('x')`), the one form
 * that MySQL 8 requires there and MariaDB accepts. Expressions are kept verbatim when they are a
 * literal, `NULL` or `CURRENT_TIMESTAMP[(n)]`, and otherwise wrapped in parentheses
 * (`DEFAULT (uuid())`), which MySQL 8.0.13+ requires and MariaDB 10.2+ accepts.
 *
 * @example
 * ```ts
 * renderMysqlDefault({ kind: 'expression', sql: 'uuid()' }, { kind: 'char', length: 36 }, mysqlLiteral); // '(uuid())'
 * ```
 */
export function renderMysqlDefault(value: DefaultSpec, type: TypeSpec, literal: (v: string | number | boolean) => string): string {
  const number = value.kind === 'literal' ? (typeof value.value === 'number' ? String(value.value) : null) : value.sql.trim();
  // one spelling of a number on a number column: the catalog gives DECIMAL defaults with their
  // scale (`0.00` for a declared `0`), and a MODIFY that restates the default must not depend on
  // whether the column was read from the catalog (online) or from the migrations (--sql)
  if (number !== null && NUMBER.test(number) && isNumericColumn(type)) return numberKey(number);
  const parens = isLargeObjectType(type);
  if (value.kind === 'literal') {
    const text = literal(value.value);
    return parens ? `(${text})` : text;
  }
  const text = value.sql.trim();
  if (stripOuterParens(text) !== text) return text;
  if (!BARE_DEFAULT.test(text)) return `(${text})`;
  return parens && STRING_OR_NUMBER.test(text) ? `(${text})` : text;
}
