import type { TypeSpec } from '../../schema/type-spec.js';

/**
 * SQLite keeps a column's declared type as written and derives only an affinity from it
 * (https://www.sqlite.org/datatype3.html#determination_of_column_affinity). This module reads a
 * declared type into a TypeSpec and computes affinities.
 *
 * A spelling maps to a generic kind only when retort's own spelling of that kind has the same
 * affinity, so that the mapping never hides a difference in storage: `INT8`, `CLOB`, `FLOAT8`,
 * `DECIMAL(10,2)`, `CHARACTER VARYING(20)`, `TIMESTAMP` map; `UUID`, `BINARY(16)`, `INET` (NUMERIC
 * affinity, while retort writes CHAR(36), BLOB, VARCHAR(45)) stay custom.
 */

/** A column affinity of SQLite. */
export type Affinity = 'INTEGER' | 'TEXT' | 'BLOB' | 'REAL' | 'NUMERIC';

/**
 * The affinity SQLite gives a declared type (the five rules of datatype3.html, in order).
 *
 * @example
 * ```ts
 * affinityOf('VARCHAR(20)'); // 'TEXT'
 * affinityOf('JSON');        // 'NUMERIC'
 * ```
 */
export function affinityOf(declared: string): Affinity {
  const u = declared.toUpperCase();
  if (u.includes('INT')) return 'INTEGER';
  if (u.includes('CHAR') || u.includes('CLOB') || u.includes('TEXT')) return 'TEXT';
  if (u.includes('BLOB') || u.trim() === '') return 'BLOB';
  if (u.includes('REAL') || u.includes('FLOA') || u.includes('DOUB')) return 'REAL';
  return 'NUMERIC';
}

/** `NAME WORDS (n)` / `NAME (p, s)`: words, then up to two signed integers in parentheses. */
const TYPE_TEXT = /^([A-Za-z_][A-Za-z0-9_]*(?:\s+[A-Za-z_][A-Za-z0-9_]*)*)\s*(?:\(\s*([+-]?\d+)\s*(?:,\s*([+-]?\d+)\s*)?\))?$/;
const SPACES = /\s+/g;

type Maker = (a: number | null, b: number | null) => TypeSpec;

const integerKinds: Record<string, TypeSpec['kind']> = {
  INTEGER: 'integer', INT: 'integer', INT4: 'integer', MEDIUMINT: 'mediumint', TINYINT: 'tinyint',
  SMALLINT: 'smallint', INT2: 'smallint', BIGINT: 'bigint', INT8: 'bigint', 'UNSIGNED BIG INT': 'bigint',
};

const time = (kind: 'time' | 'datetime', timezone: boolean): Maker => (p) =>
  (p === null ? { kind, timezone } : { kind, timezone, precision: p });

const MAKERS: ReadonlyMap<string, Maker> = new Map<string, Maker>([
  ['BOOLEAN', () => ({ kind: 'boolean' })],
  ['BOOL', () => ({ kind: 'boolean' })],
  ...['VARCHAR', 'CHARACTER VARYING', 'VARYING CHARACTER', 'NVARCHAR', 'NATIONAL CHARACTER VARYING', 'NATIONAL VARCHAR'].map(
    (n): [string, Maker] => [n, (a) => ({ kind: 'string', length: a })],
  ),
  ...['CHAR', 'CHARACTER', 'NCHAR', 'NATIVE CHARACTER', 'NATIONAL CHARACTER', 'NATIONAL CHAR'].map(
    (n): [string, Maker] => [n, (a) => ({ kind: 'char', length: a })],
  ),
  ['TEXT', () => ({ kind: 'text' })],
  ['CLOB', () => ({ kind: 'text' })],
  ['TINYTEXT', () => ({ kind: 'tinytext' })],
  ['MEDIUMTEXT', () => ({ kind: 'mediumtext' })],
  ['LONGTEXT', () => ({ kind: 'longtext' })],
  ['NUMERIC', (p, s) => ({ kind: 'numeric', precision: p, scale: s })],
  ['DECIMAL', (p, s) => ({ kind: 'numeric', precision: p, scale: s })],
  ['REAL', () => ({ kind: 'float' })],
  ['FLOAT', () => ({ kind: 'float' })],
  ['FLOAT4', () => ({ kind: 'float' })],
  ['DOUBLE', () => ({ kind: 'double' })],
  ['DOUBLE PRECISION', () => ({ kind: 'double' })],
  ['FLOAT8', () => ({ kind: 'double' })],
  ['DATE', () => ({ kind: 'date' })],
  ['TIME', time('time', false)],
  ['TIME WITHOUT TIME ZONE', time('time', false)],
  ['TIMETZ', time('time', true)],
  ['TIME WITH TIME ZONE', time('time', true)],
  ['DATETIME', time('datetime', false)],
  ['TIMESTAMP', time('datetime', false)],
  ['TIMESTAMP WITHOUT TIME ZONE', time('datetime', false)],
  ['TIMESTAMPTZ', time('datetime', true)],
  ['TIMESTAMP WITH TIME ZONE', time('datetime', true)],
  ['JSON', () => ({ kind: 'json' })],
  ['JSONB', () => ({ kind: 'jsonb' })],
  ['BLOB', () => ({ kind: 'binary' })],
]);

function integerType(words: string): TypeSpec | null {
  const unsigned = words.endsWith(' UNSIGNED');
  const base = unsigned ? words.slice(0, -' UNSIGNED'.length) : words;
  const kind = integerKinds[base];
  if (kind === undefined) return null;
  return (unsigned ? { kind, unsigned: true } : { kind }) as TypeSpec;
}

/**
 * The TypeSpec of a declared SQLite type (`pragma_table_xinfo(...).type`). The empty type (a
 * column declared without one) and anything unknown is `custom`, verbatim.
 *
 * @example
 * ```ts
 * parseSqliteType('character varying(50)'); // { kind: 'string', length: 50 }
 * parseSqliteType('DECIMAL(10,2)');         // { kind: 'numeric', precision: 10, scale: 2 }
 * parseSqliteType('UUID');                  // { kind: 'custom', sql: 'UUID' }
 * ```
 */
export function parseSqliteType(declared: string): TypeSpec {
  const m = TYPE_TEXT.exec(declared.trim());
  if (m === null) return { kind: 'custom', sql: declared };
  const words = m[1]!.toUpperCase().replace(SPACES, ' ');
  const a = m[2] === undefined ? null : Number(m[2]);
  const b = m[3] === undefined ? null : Number(m[3]);
  const integer = integerType(words);
  if (integer !== null) return integer;
  const make = MAKERS.get(words);
  if (make === undefined) return { kind: 'custom', sql: declared };
  return make(a, b);
}
