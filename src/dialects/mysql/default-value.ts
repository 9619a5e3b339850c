import type { ColumnSnapshot, DefaultSpec } from '../../schema/snapshot.js';
import type { TypeSpec } from '../../schema/type-spec.js';
import { mysqlExpressionKey } from './expression-key.js';
import { stringKey, stringLiteralValue } from './string-literal.js';
import { parseColumnType } from './type-parser.js';

export const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const PLAIN_DECIMAL = /^([+-]?)0*(\d*)(?:\.(\d*?)0*)?$/;
const NOW = /^(?:current_timestamp|now|localtime|localtimestamp)\s*(?:\(\s*(\d*)\s*\))?$/i;
const NULL = /^null$/i;
const TRUE_FALSE = /^(true|false)$/i;

const NUMERIC_KINDS = new Set<TypeSpec['kind']>(['integer', 'smallint', 'bigint', 'tinyint', 'mediumint', 'boolean', 'numeric', 'float', 'double']);

/** True when the column stores numbers (so `'0'`, `0` and `0.00` are one default). */
export function isNumericColumn(type: TypeSpec): boolean {
  if (type.kind === 'custom') return NUMERIC_KINDS.has(parseColumnType(type.sql).kind);
  return NUMERIC_KINDS.has(type.kind);
}

/**
 * The canonical text of a number: no sign for zero, no leading zeros, no trailing fractional
 * zeros (`0.00` = `0`, `+1.50` = `1.5`); exponents are evaluated (`1.5e3` = `1500`).
 */
export function numberKey(text: string): string {
  const t = text.trim();
  const m = /e/i.test(t) ? null : PLAIN_DECIMAL.exec(t);
  if (!m) {
    const n = Number(t);
    return Object.is(n, -0) ? '0' : String(n);
  }
  const whole = m[2] === '' ? '0' : m[2]!;
  const fraction = m[3] ?? '';
  const body = fraction === '' ? whole : `${whole}.${fraction}`;
  return body === '0' || m[1] !== '-' ? body : `-${body}`;
}

/** Strips parentheses that wrap the whole text: `((1 + 2))` -> `1 + 2`. */
export function stripOuterParens(text: string): string {
  let s = text.trim();
  while (s.startsWith('(') && s.endsWith(')') && wrapsAll(s)) s = s.slice(1, -1).trim();
  return s;
}

function wrapsAll(s: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0 && i < s.length - 1) return false;
  }
  return depth === 0;
}

function valueKey(value: string | number | boolean, column: ColumnSnapshot): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return numberKey(String(value));
  if (isNumericColumn(column.type) && NUMBER.test(value.trim())) return numberKey(value);
  return stringKey(value);
}

/**
 * The canonical text of a column's server default on MySQL / MariaDB, so that what a model
 * declares and what the catalog gives back compare equal:
 * - no default, a `NULL` default (MariaDB spells it for nullable columns) -> null;
 * - literals: strings become `'...'` (quotes doubled, MySQL escapes undone, charset introducers
 *   dropped); numbers lose their formatting (`0` = `'0'` = `0.00` on a number column);
 *   booleans and `TRUE` / `FALSE` are `1` / `0`;
 * - `CURRENT_TIMESTAMP`, `current_timestamp()`, `now()`, `LOCALTIMESTAMP` are `CURRENT_TIMESTAMP`,
 *   with the fractional precision kept when it is not 0 (`current_timestamp(3)` = `CURRENT_TIMESTAMP(3)`);
 * - other expressions: {@link mysqlExpressionKey} of the text without wrapping parentheses.
 *
 * @example
 * ```ts
 * mysqlDefaultKey({ kind: 'expression', sql: '0.00' }, decimalColumn) === mysqlDefaultKey({ kind: 'literal', value: 0 }, decimalColumn); // true
 * ```
 */
export function mysqlDefaultKey(value: DefaultSpec | null, column: ColumnSnapshot): string | null {
  if (value === null) return null;
  if (value.kind === 'literal') return valueKey(value.value, column);
  const text = stripOuterParens(value.sql);
  if (NULL.test(text)) return null;
  const str = stringLiteralValue(text);
  if (str !== null) return valueKey(str, column);
  if (NUMBER.test(text)) return numberKey(text);
  const bool = TRUE_FALSE.exec(text);
  if (bool) return bool[1]!.toLowerCase() === 'true' ? '1' : '0';
  const now = NOW.exec(text);
  if (now) {
    const precision = Number(now[1] || '0');
    return precision === 0 ? 'CURRENT_TIMESTAMP' : `CURRENT_TIMESTAMP(${precision})`;
  }
  return mysqlExpressionKey(text);
}
