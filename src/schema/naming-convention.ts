import { SchemaError } from '../errors/index.js';
import { shortHash } from './identifier.js';

/**
 * Templates that name constraints and indexes, with SQLAlchemy's tokens:
 *
 * - `%(table_name)s`, `%(referred_table_name)s`, `%(constraint_name)s`
 * - `%(column_0_name)s` (any index: `column_1_name`, ...), `%(column_0_label)s` (`table_column`),
 *   `%(column_0_key)s` (the TypeScript key)
 * - `%(column_0_N_name)s`: every column name joined with `_`; `%(column_0N_name)s`: joined with
 *   nothing (also `_label` / `_key` variants)
 * - `%(referred_column_0_name)s`, `%(referred_column_0_N_name)s`, `%(referred_column_0N_name)s`
 *
 * A key that is absent leaves that kind of constraint unnamed (the database chooses), except
 * `ix`: indexes always need a name, so {@link defaultNamingConvention}'s `ix` applies.
 *
 * An explicit name always wins and is used as is (unlike SQLAlchemy, it is not fed into
 * `%(constraint_name)s`), so names read back from a database stay what they are. For an unnamed
 * CHECK, `%(constraint_name)s` is derived by {@link checkConstraintName}. Generated names longer
 * than the target dialect keeps are shortened by {@link shortenIdentifier}; explicit ones that are
 * too long are refused.
 *
 * @example
 * ```ts
 * new MetaData({ namingConvention: { ...defaultNamingConvention, fk: 'fk_%(table_name)s_%(column_0_name)s' } });
 * ```
 */
export interface NamingConvention {
  readonly pk?: string;
  readonly fk?: string;
  readonly uq?: string;
  readonly ck?: string;
  readonly ix?: string;
}

/** The kinds a naming convention names. */
export type ConventionKind = keyof NamingConvention;

/** The convention retort uses unless a MetaData is given another. */
export const defaultNamingConvention: Required<NamingConvention> = Object.freeze({
  pk: 'pk_%(table_name)s',
  fk: 'fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s',
  uq: 'uq_%(table_name)s_%(column_0_N_name)s',
  ck: 'ck_%(table_name)s_%(constraint_name)s',
  ix: 'ix_%(table_name)s_%(column_0_N_name)s',
});

/** A column as naming conventions see it. */
export interface ConventionColumn {
  /** Database name. */
  readonly name: string;
  /** TypeScript key (the database name for expression elements and reflected tables). */
  readonly key: string;
}

/** What a convention template is filled from. */
export interface ConventionSubject {
  readonly kind: ConventionKind;
  readonly tableName: string;
  readonly columns: readonly ConventionColumn[];
  readonly referredTableName?: string;
  readonly referredColumns?: readonly string[];
  /** Value of `%(constraint_name)s` for an unnamed constraint (see {@link checkConstraintName}). */
  readonly constraintName?: string;
}

const TOKEN = /%\(([A-Za-z0-9_]+)\)s/g;

function columnToken(subject: ConventionSubject, index: number, field: string, token: string): string {
  const column = subject.columns[index];
  if (!column) {
    throw new SchemaError(`naming convention for "${subject.kind}" on table "${subject.tableName}": %(${token})s needs column ${index}, but the ${subject.kind} has ${subject.columns.length} column(s)`);
  }
  if (field === 'name') return column.name;
  if (field === 'key') return column.key;
  return `${subject.tableName}_${column.name}`;
}

function allColumns(subject: ConventionSubject, field: string, separator: string, token: string): string {
  if (subject.columns.length === 0) {
    throw new SchemaError(`naming convention for "${subject.kind}" on table "${subject.tableName}": %(${token})s needs columns, but there are none; give the constraint a name`);
  }
  return subject.columns.map((_, i) => columnToken(subject, i, field, token)).join(separator);
}

function referred(subject: ConventionSubject, token: string): readonly string[] {
  if (!subject.referredColumns) {
    throw new SchemaError(`naming convention for "${subject.kind}" on table "${subject.tableName}": %(${token})s applies only to foreign keys`);
  }
  return subject.referredColumns;
}

function token(subject: ConventionSubject, name: string): string {
  if (name === 'table_name') return subject.tableName;
  if (name === 'referred_table_name') {
    if (subject.referredTableName === undefined) {
      throw new SchemaError(`naming convention for "${subject.kind}" on table "${subject.tableName}": %(referred_table_name)s applies only to foreign keys`);
    }
    return subject.referredTableName;
  }
  if (name === 'constraint_name') {
    if (subject.constraintName === undefined) {
      throw new SchemaError(`naming convention for "${subject.kind}" on table "${subject.tableName}" uses %(constraint_name)s: give the ${subject.kind} a name`);
    }
    return subject.constraintName;
  }
  let m = /^column_0(_N|N)_(name|label|key)$/.exec(name);
  if (m) return allColumns(subject, m[2] as string, m[1] === '_N' ? '_' : '', name);
  m = /^column_(\d+)_(name|label|key)$/.exec(name);
  if (m) return columnToken(subject, Number(m[1]), m[2] as string, name);
  m = /^referred_column_0(_N|N)_name$/.exec(name);
  if (m) return referred(subject, name).join(m[1] === '_N' ? '_' : '');
  m = /^referred_column_(\d+)_name$/.exec(name);
  if (m) {
    const cols = referred(subject, name);
    const col = cols[Number(m[1])];
    if (col === undefined) throw new SchemaError(`naming convention for "fk" on table "${subject.tableName}": %(${name})s, but the foreign key refers to ${cols.length} column(s)`);
    return col;
  }
  throw new SchemaError(`naming convention for "${subject.kind}": unknown token %(${name})s`);
}

/**
 * Fills a convention template for one constraint or index.
 *
 * @example
 * ```ts
 * applyNamingConvention('uq_%(table_name)s_%(column_0_N_name)s',
 *   { kind: 'uq', tableName: 'post', columns: [{ name: 'author_id', key: 'authorId' }, { name: 'slug', key: 'slug' }] });
 * // 'uq_post_author_id_slug'
 * ```
 */
export function applyNamingConvention(template: string, subject: ConventionSubject): string {
  return template.replace(TOKEN, (_, name: string) => token(subject, name));
}

/** True when a template contains the given token. */
export function templateUses(template: string, tokenName: string): boolean {
  return template.includes(`%(${tokenName})s`);
}

/** Collapses whitespace so that formatting changes do not rename a check. */
function normalizeExpression(expression: string): string {
  return expression.replace(/\s+/g, ' ').trim();
}

/**
 * The identifiers an SQL expression mentions, in order of first appearance: bare words and
 * "double-quoted" or `backquoted` identifiers; text inside 'string literals' is skipped.
 */
export function expressionWords(expression: string): string[] {
  const words: string[] = [];
  const re = /'(?:[^']|'')*'|"((?:[^"]|"")*)"|`((?:[^`]|``)*)`|([\p{L}_][\p{L}\p{N}_$]*)/gu;
  for (const m of expression.matchAll(re)) {
    const word = m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2] !== undefined ? m[2].replace(/``/g, '`') : m[3];
    if (word !== undefined && !words.includes(word)) words.push(word);
  }
  return words;
}

/** The table columns an expression mentions, in order of first appearance (exact, then case-insensitive match). */
export function columnsMentioned(expression: string, columnNames: readonly string[]): string[] {
  const found: string[] = [];
  for (const word of expressionWords(expression)) {
    const hit = columnNames.find((c) => c === word) ?? columnNames.find((c) => c.toLowerCase() === word.toLowerCase());
    if (hit !== undefined && !found.includes(hit)) found.push(hit);
  }
  return found;
}

/**
 * The `%(constraint_name)s` of an unnamed CHECK: the first table column its expression mentions
 * (or `check` when it mentions none), `_`, and 8 hex digits of the SHA-256 of the expression with
 * whitespace collapsed. Deterministic, and distinct for two checks on the same column.
 *
 * @example
 * ```ts
 * checkConstraintName('price >= 0', ['id', 'price']); // 'price_5f0c6b5e' (hash digits vary with the text)
 * ```
 */
export function checkConstraintName(expression: string, columnNames: readonly string[]): string {
  const first = columnsMentioned(expression, columnNames)[0] ?? 'check';
  return `${first}_${shortHash(normalizeExpression(expression))}`;
}

/**
 * The stand-in name an expression element of an index gives to `%(column_N_name)s`: its words
 * joined with `_` (`lower(email)` gives `lower_email`), or `expr` when it has none.
 */
export function expressionLabel(expression: string): string {
  const words = expressionWords(expression);
  return words.length > 0 ? words.join('_') : 'expr';
}
