import type { ColumnSnapshot, ForeignKeyAction } from '../schema/snapshot.js';
import type { TypeSpec } from '../schema/type-spec.js';
import type { CompareDialect } from './compare-options.js';

/**
 * Comparison keys built from the dialect's normaliser, so that spellings a catalog gives back
 * (casts, synonyms, `now()`) never show as changes. Every comparator goes through these.
 */

/** The dialect's canonical key of a type. */
export function typeKey(dialect: Pick<CompareDialect, 'types'>, type: TypeSpec): string {
  return dialect.types.canonical(type);
}

/** The canonical text of a column's server default, or null. */
export function defaultKey(dialect: CompareDialect, column: ColumnSnapshot): string | null {
  return dialect.normalizer.defaultValue(column.default, column);
}

/** The canonical text of an SQL expression (CHECK, index WHERE, index element), or null. */
export function expressionKey(dialect: CompareDialect, sqlText: string | null): string | null {
  return sqlText === null ? null : dialect.normalizer.expression(sqlText);
}

/** The canonical FK action. */
export function actionKey(dialect: CompareDialect, action: ForeignKeyAction | null): ForeignKeyAction {
  return dialect.normalizer.foreignKeyAction(action);
}

/** A comment, with the empty string (MySQL's "no comment") read as none. */
export function commentKey(comment: string | null): string | null {
  return comment === null || comment === '' ? null : comment;
}

/** The name that means "the default collation" where a dialect has one (PostgreSQL, SQLite). */
const DEFAULT_COLLATION: Readonly<Record<string, string>> = { postgresql: 'default', sqlite: 'binary' };

/**
 * A collation name compared case-insensitively (quotes dropped); null for the default one: no
 * collation, PostgreSQL's `default`, SQLite's `BINARY`.
 *
 * @example
 * ```ts
 * collationKey(sqlite, 'nocase'); // 'nocase'
 * collationKey(sqlite, 'BINARY'); // null
 * ```
 */
export function collationKey(dialect: Pick<CompareDialect, 'name'>, collation: string | undefined): string | null {
  if (collation === undefined) return null;
  const key = collation.trim().replace(/^"(.*)"$/, '$1').toLowerCase();
  return key === DEFAULT_COLLATION[dialect.name] ? null : key;
}

/**
 * The canonical text of an `ON UPDATE` expression, or null for none: upper case, no spaces, the
 * synonyms of `CURRENT_TIMESTAMP` (`now()`, `current_timestamp()`, `localtimestamp`) folded,
 * a fractional-seconds precision above 0 kept (`CURRENT_TIMESTAMP(6)`).
 *
 * @example
 * ```ts
 * onUpdateKey('current_timestamp()'); // 'CURRENT_TIMESTAMP'
 * onUpdateKey('now(3)'); // 'CURRENT_TIMESTAMP(3)'
 * ```
 */
export function onUpdateKey(expression: string | undefined): string | null {
  if (expression === undefined) return null;
  const text = expression.replace(/\s+/g, '').toUpperCase();
  const m = /^(?:CURRENT_TIMESTAMP|NOW|LOCALTIMESTAMP|LOCALTIME)(?:\((\d*)\))?$/.exec(text);
  if (!m) return text;
  return m[1] && Number(m[1]) > 0 ? `CURRENT_TIMESTAMP(${Number(m[1])})` : 'CURRENT_TIMESTAMP';
}

/** An index method, with the common default (`btree`) read as none. Case-insensitive. */
export function methodKey(method: string | null): string | null {
  const m = method?.trim().toLowerCase() ?? '';
  return m === '' || m === 'btree' ? null : m;
}

/** True when two lists hold the same strings in the same order. */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Orders strings by code point, the order every list of ops and names is sorted in. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders names with nulls last. */
export function byName(a: { readonly name: string | null }, b: { readonly name: string | null }): number {
  if (a.name === null) return b.name === null ? 0 : 1;
  if (b.name === null) return -1;
  return byText(a.name, b.name);
}
