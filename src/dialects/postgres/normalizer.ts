import type { DialectNormalizer } from '../../engine/dialect.js';
import type { ColumnSnapshot, DefaultSpec, ForeignKeyAction } from '../../schema/snapshot.js';
import type { TypeSpec } from '../../schema/type-spec.js';
import { defaultExpressionKey, expressionKey } from './expression-key.js';
import { canonicalNumber } from './numeric-literal.js';
import { isWrapped, quoteString, stringValue } from './sql-segments.js';
import { parsePostgresType } from './type-parser.js';

/** What a column's type says about how to read a default's literal. */
type ValueClass = 'number' | 'boolean' | 'jsonb' | 'other';

function valueClass(type: TypeSpec): ValueClass {
  switch (type.kind) {
    case 'integer': case 'smallint': case 'bigint': case 'tinyint': case 'mediumint':
    case 'numeric': case 'float': case 'double':
      return 'number';
    case 'boolean': return 'boolean';
    case 'jsonb': return 'jsonb';
    case 'custom': {
      const parsed = parsePostgresType(type.sql);
      return parsed.kind === 'custom' ? 'other' : valueClass(parsed);
    }
    default: return 'other';
  }
}

const BOOLEAN_TEXT: Readonly<Record<string, string>> = {
  true: 'true', t: 'true', yes: 'true', y: 'true', on: 'true', 1: 'true',
  false: 'false', f: 'false', no: 'false', n: 'false', off: 'false', 0: 'false',
};

/** JSON with object keys sorted, the way JSONB stores a document (one spelling per value). */
function jsonbText(text: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(entries.map(([k, x]) => [k, sorted(x)]));
    }
    return v;
  };
  return JSON.stringify(sorted(value));
}

/** The key of a default given as a value (a model literal, or a string literal the catalog gave back). */
function valueKey(value: string | number | boolean, kind: ValueClass): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return canonicalNumber(String(value)) ?? String(value);
  if (kind === 'number') {
    const n = canonicalNumber(value);
    if (n !== null) return n;
  } else if (kind === 'boolean') {
    const b = BOOLEAN_TEXT[value.trim().toLowerCase()];
    if (b !== undefined) return b;
  } else if (kind === 'jsonb') {
    const j = jsonbText(value);
    if (j !== null) return quoteString(j);
  }
  return quoteString(value);
}

/** A cast at the end of an expression: `::character varying`, `::timestamp(3) without time zone`, `::"Mood"[]`. */
const TRAILING_CAST = /::\s*(?:"(?:[^"]|"")+"|[a-z_][\w$]*)(?:\s*\.\s*(?:"(?:[^"]|"")+"|[a-z_][\w$]*))?(?:\s+(?:varying|precision|with(?:out)?\s+time\s+zone))*(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?:\s+with(?:out)?\s+time\s+zone)?(?:\s*\[\s*\d*\s*\])*\s*$/i;

/** Outer parentheses and trailing casts taken off, as often as they wrap the whole text. */
function bare(text: string): string {
  let s = text.trim();
  for (;;) {
    if (isWrapped(s)) s = s.slice(1, -1).trim();
    else if (TRAILING_CAST.test(s)) s = s.replace(TRAILING_CAST, '').trim();
    else return s;
  }
}

const STRING_LITERAL = /^'(?:[^']|'')*'$/;
const NUMBER_LITERAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** Keywords kept apart from each other (LOCALTIMESTAMP is not CURRENT_TIMESTAMP on a timestamptz column). */
const KEYWORD = /^(current_timestamp|current_date|current_time|localtimestamp|localtime|current_user|session_user|current_role|current_catalog|current_schema|user)(\s*\(\s*\d+\s*\))?$/i;
const NOW = /^(now|transaction_timestamp)\s*\(\s*\)$/i;

/** The key of a default given as SQL (a model's sql`...` or any catalog text). */
function expressionDefaultKey(sqlText: string, column: ColumnSnapshot): string | null {
  const text = bare(sqlText);
  if (/^null$/i.test(text)) return null;
  if (column.autoincrement && /^nextval\s*\(/i.test(text)) return null;
  const kind = valueClass(column.type);
  if (STRING_LITERAL.test(text)) return valueKey(stringValue(text), kind);
  if (NUMBER_LITERAL.test(text)) return canonicalNumber(text) ?? text;
  if (/^(true|false)$/i.test(text)) return text.toLowerCase();
  if (NOW.test(text)) return 'CURRENT_TIMESTAMP';
  const keyword = KEYWORD.exec(text);
  if (keyword) return `${keyword[1]!.toUpperCase()}${keyword[2] ? keyword[2].replace(/\s+/g, '') : ''}`;
  return defaultExpressionKey(text);
}

/**
 * PostgreSQL's canonical forms. Defaults: casts and outer parentheses dropped (`'x'::character
 * varying` = `'x'`, `(0)::numeric` = `'0'::numeric` = `0`), numbers in one spelling (`0.00` = `0`,
 * `1e3` = `1000`) on numeric columns, booleans `true` / `false` (also `'t'`, `'yes'` on boolean
 * columns), `now()` = `CURRENT_TIMESTAMP` = `transaction_timestamp()` (LOCALTIMESTAMP,
 * CURRENT_DATE, CURRENT_TIMESTAMP(3) kept apart), JSONB documents with sorted keys, `NULL` = no
 * default, and an autoincrement column's `nextval(...)` = no default. Other expressions go through
 * the expression key. FK actions: null = NO ACTION; RESTRICT stays apart (PostgreSQL stores and
 * checks it differently).
 *
 * @example
 * ```ts
 * postgresNormalizer.defaultValue({ kind: 'expression', sql: "'draft'::product_status" }, col); // "'draft'"
 * postgresNormalizer.defaultValue({ kind: 'literal', value: 'draft' }, col);                   // "'draft'"
 * ```
 */
export const postgresNormalizer: DialectNormalizer = Object.freeze({
  defaultValue(value: DefaultSpec | null, column: ColumnSnapshot): string | null {
    if (value === null) return null;
    if (value.kind === 'literal') return valueKey(value.value, valueClass(column.type));
    return expressionDefaultKey(value.sql, column);
  },
  expression: expressionKey,
  foreignKeyAction(action: ForeignKeyAction | null): ForeignKeyAction {
    return action ?? 'NO ACTION';
  },
});
