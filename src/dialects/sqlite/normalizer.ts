import type { DialectNormalizer } from '../../engine/dialect.js';
import type { ColumnSnapshot, DefaultSpec, ForeignKeyAction } from '../../schema/snapshot.js';
import { canonicalExpression } from '../base/canonical-expression.js';
import { canonicalNumber, defaultForm, looksNumeric, type DefaultForm } from './default-text.js';
import { compileSqliteType } from './type-compiler.js';
import { affinityOf } from './type-parser.js';

const quote = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** SQLite's date functions of 'now' give what the CURRENT_* keywords give. */
const NOW_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  ["datetime'now'", 'CURRENT_TIMESTAMP'],
  ["date'now'", 'CURRENT_DATE'],
  ["time'now'", 'CURRENT_TIME'],
]);

function literalForm(value: string | number | boolean): DefaultForm {
  if (typeof value === 'boolean') return { kind: 'number', text: value ? '1' : '0' };
  if (typeof value === 'number') return { kind: 'number', text: String(value) };
  return { kind: 'string', value };
}

/**
 * The canonical text of a column default on SQLite. SQLite keeps the DEFAULT text as written, so
 * what differs between a model and the catalog is spelling: parentheses (`DEFAULT (0)`), TRUE /
 * FALSE (which are 1 / 0), numbers (`0`, `0.00`, `+0`), and values the column's affinity turns
 * into the same stored value (`'5'` and `5` in an INTEGER, NUMERIC or REAL column; `5` and `'5'`
 * in a TEXT column). `datetime('now')`, `date('now')`, `time('now')` are CURRENT_TIMESTAMP,
 * CURRENT_DATE, CURRENT_TIME. NULL is no default. Other expressions go through
 * `canonicalExpression`. `now()` is not SQLite: write CURRENT_TIMESTAMP in portable models.
 *
 * @example
 * ```ts
 * sqliteDefaultValue({ kind: 'literal', value: true }, boolColumn);         // '1'
 * sqliteDefaultValue({ kind: 'expression', sql: "'1'" }, integerColumn);    // '1'
 * sqliteDefaultValue({ kind: 'expression', sql: "datetime('now')" }, col);  // 'CURRENT_TIMESTAMP'
 * ```
 */
export function sqliteDefaultValue(value: DefaultSpec | null, column: ColumnSnapshot): string | null {
  if (value === null) return null;
  const form = value.kind === 'literal' ? literalForm(value.value) : defaultForm(value.sql);
  switch (form.kind) {
    case 'null':
      return null;
    case 'number': {
      const n = canonicalNumber(form.text);
      return affinityOf(compileSqliteType(column.type)) === 'TEXT' ? quote(n) : n;
    }
    case 'string': {
      const affinity = affinityOf(compileSqliteType(column.type));
      const numeric = affinity === 'INTEGER' || affinity === 'REAL' || affinity === 'NUMERIC';
      return numeric && looksNumeric(form.value) ? canonicalNumber(form.value) : quote(form.value);
    }
    case 'keyword':
      return form.text;
    case 'blob':
      return form.text.toLowerCase();
    case 'expression': {
      const key = canonicalExpression(form.text);
      return NOW_FUNCTIONS.get(key) ?? key;
    }
  }
}

const BUILT_IN_COLLATIONS = new Set(['BINARY', 'NOCASE', 'RTRIM']);

/**
 * The canonical spelling of a SQLite collation name, or null for BINARY (the default). SQLite
 * finds collations by name case-insensitively: the built-in BINARY, NOCASE and RTRIM are
 * upper-cased, other names (collations the application registers) are kept as written.
 *
 * @example
 * ```ts
 * sqliteCollation('nocase');     // 'NOCASE'
 * sqliteCollation('Binary');     // null
 * sqliteCollation('unicode_ci'); // 'unicode_ci'
 * ```
 */
export function sqliteCollation(name: string): string | null {
  const upper = name.toUpperCase();
  if (!BUILT_IN_COLLATIONS.has(upper)) return name;
  return upper === 'BINARY' ? null : upper;
}

/**
 * The SQLite normaliser: defaults by {@link sqliteDefaultValue}, expressions by
 * `canonicalExpression`, and no FK action is `NO ACTION` (RESTRICT stays apart: on SQLite it
 * acts at once, even when the key is deferred).
 *
 * @example
 * ```ts
 * sqliteNormalizer.foreignKeyAction(null); // 'NO ACTION'
 * ```
 */
export const sqliteNormalizer: DialectNormalizer = Object.freeze({
  defaultValue: sqliteDefaultValue,
  expression: (sqlText: string): string => canonicalExpression(sqlText),
  foreignKeyAction: (action: ForeignKeyAction | null): ForeignKeyAction => action ?? 'NO ACTION',
});
