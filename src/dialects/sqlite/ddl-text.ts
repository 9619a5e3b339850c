/**
 * What only the SQL text of a SQLite table, index or view holds: constraint names, CHECK
 * expressions, the ON CONFLICT clauses of keys and UNIQUE constraints, DEFERRABLE, column
 * collations, generated-column expressions, partial-index predicates, index expressions, WITHOUT ROWID. The pragmas give the rest (columns, key
 * columns, actions), and the introspector joins the two.
 *
 * SQLite keeps `CREATE TABLE` text as written (it rewrites names on RENAME and appends ADD
 * COLUMN definitions), so this reads SQLite's grammar, not retort's output only: quoted names in
 * any of SQLite's four styles, comments, column-level and table-level constraints, constraints
 * without separating commas, `CONSTRAINT name` before any constraint.
 *
 * @example
 * ```ts
 * parseCreateTable('CREATE TABLE t (a INT CONSTRAINT pos CHECK (a > 0), UNIQUE (a))').checks;
 * // [{ name: 'pos', expression: 'a > 0' }]
 * ```
 */
import { conflictExtras, RESOLUTIONS } from '../../schema/conflict-clause.js';
import type { ConflictResolution } from '../../schema/snapshot.js';
import { closingParen, isKeyword, isPunct, nameOf, splitBody, splitTopLevel, tokenize, type Token } from './ddl-tokens.js';

/** A foreign key as its text declares it. */
export interface ForeignKeyText {
  readonly name: string | null;
  readonly columns: readonly string[];
  readonly referredTable: string;
  /** null when the clause names no columns (the parent's primary key). */
  readonly referredColumns: readonly string[] | null;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
}

/** What a column definition declares besides its type and constraints: COLLATE and GENERATED. */
export interface ColumnText {
  readonly name: string;
  /** The name of the last `COLLATE name` of the definition, unquoted, as written; null for none. */
  readonly collation: string | null;
  /**
   * The expression of `[GENERATED ALWAYS] AS (expr) [VIRTUAL | STORED]` as written, without the
   * parentheses; null for a plain column.
   */
  readonly generated: string | null;
}

/** A PRIMARY KEY or UNIQUE constraint as its text declares it. */
export interface KeyText {
  readonly name: string | null;
  readonly columns: readonly string[];
  /** Its `ON CONFLICT` clause; absent for none. */
  readonly onConflict?: ConflictResolution;
}

/** The clauses of a CREATE TABLE that the pragmas do not give. Column names as written in the text. */
export interface TableText {
  readonly primaryKey: KeyText | null;
  readonly uniques: readonly KeyText[];
  readonly checks: readonly { readonly name: string | null; readonly expression: string }[];
  readonly foreignKeys: readonly ForeignKeyText[];
  /** The columns that declare a COLLATE or a generated expression (the others are left out). */
  readonly columns: readonly ColumnText[];
  readonly withoutRowid: boolean;
  readonly strict: boolean;
  /** A column declares `PRIMARY KEY AUTOINCREMENT`. */
  readonly autoincrement: boolean;
}

/** One element of an index: a plain column (`"a"`, `a ASC`), or anything else, as written. */
export interface IndexElementText {
  readonly text: string;
  /** The column of a plain column element; null for an expression, or a column with COLLATE / DESC. */
  readonly column: string | null;
}

export interface IndexText {
  readonly unique: boolean;
  readonly elements: readonly IndexElementText[];
  /** The partial-index predicate as written, without WHERE; null when there is none. */
  readonly where: string | null;
}

const COLUMN_CONSTRAINT_START = new Set(['CONSTRAINT', 'PRIMARY', 'NOT', 'NULL', 'UNIQUE', 'CHECK', 'DEFAULT', 'COLLATE', 'REFERENCES', 'GENERATED', 'AS', 'DEFERRABLE']);
const TABLE_CONSTRAINT_START = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN']);
const CREATE = /^\s*CREATE\s/i;
/** Words without which a table item holds nothing this module reads (false positives only cost time). */
const MAY_HOLD_CONSTRAINT = /constraint|primary|unique|check|foreign|references|deferrable|collate|\bas\b/i;

const RESOLUTION_WORDS: ReadonlySet<string> = new Set<string>(RESOLUTIONS);

interface Collected {
  primaryKey: KeyText | null;
  uniques: KeyText[];
  checks: { name: string | null; expression: string }[];
  foreignKeys: ForeignKeyText[];
  columns: ColumnText[];
  autoincrement: boolean;
}

/** Index of the first token after `CREATE [TEMP] <kind> [IF NOT EXISTS] [schema.]name`, or -1. */
function afterObjectName(tokens: readonly Token[], kind: string): number {
  let i = 0;
  if (!isKeyword(tokens[i], 'CREATE')) return -1;
  i++;
  while (i < tokens.length && !isKeyword(tokens[i], kind)) i++;
  i++;
  if (isKeyword(tokens[i], 'IF') && isKeyword(tokens[i + 1], 'NOT') && isKeyword(tokens[i + 2], 'EXISTS')) i += 3;
  i++;
  if (isPunct(tokens[i], '.')) i += 2;
  return i <= tokens.length ? i : -1;
}

/**
 * The constraint names, CHECK expressions, foreign keys (with DEFERRABLE), column collations and
 * generated expressions, and table options of a `CREATE TABLE` text. Column-level constraints
 * are listed with their one column.
 *
 * @example
 * ```ts
 * parseCreateTable('CREATE TABLE c (p INT REFERENCES p DEFERRABLE INITIALLY DEFERRED) WITHOUT ROWID');
 * // foreignKeys: [{ name: null, columns: ['p'], referredTable: 'p', referredColumns: null, deferrable: true, initiallyDeferred: true }], withoutRowid: true
 * parseCreateTable('CREATE TABLE t (a INT, b TEXT COLLATE "nocase" AS (a + 1) STORED)').columns;
 * // [{ name: 'b', collation: 'nocase', generated: 'a + 1' }]
 * ```
 */
export function parseCreateTable(sql: string): TableText {
  const out: Collected = { primaryKey: null, uniques: [], checks: [], foreignKeys: [], columns: [], autoincrement: false };
  const body = CREATE.test(sql) ? splitBody(sql) : null;
  if (body === null) return { ...out, withoutRowid: false, strict: false };
  for (const [start, end] of body.items) {
    const item = sql.slice(start, end);
    // most column definitions hold no constraint: only the others are tokenized
    if (!MAY_HOLD_CONSTRAINT.test(item)) continue;
    const tokens = tokenize(item);
    const first = tokens[0];
    if (first === undefined) continue;
    if (first.kind === 'word' && TABLE_CONSTRAINT_START.has(first.upper)) tableConstraints(item, tokens, 0, tokens.length, out);
    else columnConstraints(item, tokens, 0, tokens.length, out);
  }
  const options = tokenize(sql.slice(body.close + 1));
  let withoutRowid = false;
  let strict = false;
  for (let i = 0; i < options.length; i++) {
    if (isKeyword(options[i], 'WITHOUT') && isKeyword(options[i + 1], 'ROWID')) withoutRowid = true;
    if (isKeyword(options[i], 'STRICT')) strict = true;
  }
  return { ...out, withoutRowid, strict };
}

/** The column names of a `(a, "b" COLLATE nocase DESC, ...)` list whose `(` is at `open`. */
function columnList(tokens: readonly Token[], open: number): { columns: string[]; next: number } {
  const close = closingParen(tokens, open);
  const columns: string[] = [];
  for (const [a] of splitTopLevel(tokens, open + 1, close)) {
    const name = nameOf(tokens[a]);
    if (name !== null) columns.push(name);
  }
  return { columns, next: close + 1 };
}

/** `ON CONFLICT <resolution>` at `i`: the resolution and the index after it (null and `i` when there is none). */
function conflictClause(tokens: readonly Token[], i: number): { onConflict?: ConflictResolution; next: number } {
  const t = tokens[i + 2];
  if (isKeyword(tokens[i], 'ON') && isKeyword(tokens[i + 1], 'CONFLICT') && t?.kind === 'word' && RESOLUTION_WORDS.has(t.upper)) {
    return { onConflict: t.upper as ConflictResolution, next: i + 3 };
  }
  return { next: i };
}

/** The expression inside the parentheses that open at `open`, verbatim, and the index after them. */
function parenthesized(sql: string, tokens: readonly Token[], open: number): { text: string; next: number } {
  const close = closingParen(tokens, open);
  const end = close < tokens.length ? tokens[close]!.start : sql.length;
  return { text: sql.slice(tokens[open]!.end, end).trim(), next: close + 1 };
}

function columnConstraints(sql: string, tokens: readonly Token[], a: number, b: number, out: Collected): void {
  const column = nameOf(tokens[a]);
  if (column === null) return;
  let i = a + 1;
  while (i < b && !(tokens[i]!.kind === 'word' && COLUMN_CONSTRAINT_START.has(tokens[i]!.upper))) {
    i = isPunct(tokens[i], '(') ? closingParen(tokens, i) + 1 : i + 1;
  }
  let name: string | null = null;
  let collation: string | null = null;
  let generated: string | null = null;
  while (i < b) {
    const t = tokens[i]!;
    const kw = t.kind === 'word' ? t.upper : '';
    if (kw === 'CONSTRAINT') {
      name = nameOf(tokens[i + 1]);
      i += 2;
      continue;
    }
    if (kw === 'PRIMARY') {
      i += 2;
      if (isKeyword(tokens[i], 'ASC') || isKeyword(tokens[i], 'DESC')) i++;
      const { onConflict, next } = conflictClause(tokens, i);
      out.primaryKey = { name, columns: [column], ...conflictExtras(onConflict) };
      i = next;
    } else if (kw === 'UNIQUE') {
      const { onConflict, next } = conflictClause(tokens, i + 1);
      out.uniques.push({ name, columns: [column], ...conflictExtras(onConflict) });
      i = next;
    } else if (kw === 'CHECK' && isPunct(tokens[i + 1], '(')) {
      const { text, next } = parenthesized(sql, tokens, i + 1);
      out.checks.push({ name, expression: text });
      i = next;
    } else if (kw === 'DEFAULT') {
      i = skipDefault(tokens, i + 1);
    } else if (kw === 'AUTOINCREMENT') {
      out.autoincrement = true;
      i++;
      continue;
    } else if (kw === 'COLLATE') {
      collation = nameOf(tokens[i + 1]);
      i += 2;
    } else if (kw === 'AS' && isPunct(tokens[i + 1], '(')) {
      const { text, next } = parenthesized(sql, tokens, i + 1);
      generated = text;
      i = next;
    } else if (kw === 'REFERENCES') {
      const { fk, next } = references(tokens, i + 1, name, [column]);
      out.foreignKeys.push(fk);
      i = next;
    } else if (kw === 'DEFERRABLE' || (kw === 'NOT' && isKeyword(tokens[i + 1], 'DEFERRABLE'))) {
      // SQLite gives a DEFERRABLE column constraint to the table's last foreign key so far
      const { deferral, next } = deferSubclause(tokens, i);
      const last = out.foreignKeys.pop();
      if (last) out.foreignKeys.push({ ...last, ...deferral });
      i = next;
    } else if (isPunct(t, '(')) {
      i = closingParen(tokens, i) + 1;
      continue;
    } else {
      i++;
      // NOT NULL, NULL, GENERATED ALWAYS take the pending name; NOT NULL's ON CONFLICT ..., STORED follow a constraint
      if (!COLUMN_CONSTRAINT_START.has(kw)) continue;
    }
    name = null;
  }
  if (collation !== null || generated !== null) out.columns.push({ name: column, collation, generated });
}

/** Index after a DEFAULT value starting at `i`: `(expr)`, a signed number, or one literal / word. */
function skipDefault(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (isPunct(t, '(')) return closingParen(tokens, i) + 1;
  if (t?.kind === 'op' && (t.value === '+' || t.value === '-')) return i + 2;
  return i + 1;
}

function tableConstraints(sql: string, tokens: readonly Token[], a: number, b: number, out: Collected): void {
  let name: string | null = null;
  let i = a;
  while (i < b) {
    const t = tokens[i]!;
    const kw = t.kind === 'word' ? t.upper : '';
    if (kw === 'CONSTRAINT') {
      name = nameOf(tokens[i + 1]);
      i += 2;
      continue;
    }
    if (kw === 'PRIMARY' && isPunct(tokens[i + 2], '(')) {
      const list = columnList(tokens, i + 2);
      const { onConflict, next } = conflictClause(tokens, list.next);
      out.primaryKey = { name, columns: list.columns, ...conflictExtras(onConflict) };
      i = next;
    } else if (kw === 'UNIQUE' && isPunct(tokens[i + 1], '(')) {
      const list = columnList(tokens, i + 1);
      const { onConflict, next } = conflictClause(tokens, list.next);
      out.uniques.push({ name, columns: list.columns, ...conflictExtras(onConflict) });
      i = next;
    } else if (kw === 'CHECK' && isPunct(tokens[i + 1], '(')) {
      const { text, next } = parenthesized(sql, tokens, i + 1);
      out.checks.push({ name, expression: text });
      i = next;
    } else if (kw === 'FOREIGN' && isPunct(tokens[i + 2], '(')) {
      const { columns, next } = columnList(tokens, i + 2);
      if (!isKeyword(tokens[next], 'REFERENCES')) {
        i = next;
        continue;
      }
      const { fk, next: after } = references(tokens, next + 1, name, columns);
      out.foreignKeys.push(fk);
      i = after;
    } else {
      i = isPunct(t, '(') ? closingParen(tokens, i) + 1 : i + 1;
      continue; // CHECK's ON CONFLICT (SQLite ignores it)
    }
    name = null;
  }
}

/** Reads a foreign-key clause after REFERENCES (at `i`: the parent table's name). */
function references(tokens: readonly Token[], i: number, name: string | null, columns: string[]): { fk: ForeignKeyText; next: number } {
  const referredTable = nameOf(tokens[i]) ?? '';
  i++;
  let referredColumns: string[] | null = null;
  if (isPunct(tokens[i], '(')) {
    const list = columnList(tokens, i);
    referredColumns = list.columns;
    i = list.next;
  }
  let deferral = { deferrable: false, initiallyDeferred: false };
  for (;;) {
    const t = tokens[i];
    if (isKeyword(t, 'ON') && (isKeyword(tokens[i + 1], 'DELETE') || isKeyword(tokens[i + 1], 'UPDATE'))) {
      i += 2;
      i += isKeyword(tokens[i], 'SET') || isKeyword(tokens[i], 'NO') ? 2 : 1;
    } else if (isKeyword(t, 'MATCH')) {
      i += 2;
    } else if (isKeyword(t, 'DEFERRABLE') || (isKeyword(t, 'NOT') && isKeyword(tokens[i + 1], 'DEFERRABLE'))) {
      ({ deferral, next: i } = deferSubclause(tokens, i));
    } else {
      break;
    }
  }
  return { fk: { name, columns, referredTable, referredColumns, ...deferral }, next: i };
}

/** `[NOT] DEFERRABLE [INITIALLY DEFERRED | INITIALLY IMMEDIATE]` at `i`. */
function deferSubclause(tokens: readonly Token[], i: number): { deferral: { deferrable: boolean; initiallyDeferred: boolean }; next: number } {
  const not = isKeyword(tokens[i], 'NOT');
  i += not ? 2 : 1;
  let initiallyDeferred = false;
  if (isKeyword(tokens[i], 'INITIALLY')) {
    initiallyDeferred = isKeyword(tokens[i + 1], 'DEFERRED');
    i += 2;
  }
  return { deferral: { deferrable: !not, initiallyDeferred: !not && initiallyDeferred }, next: i };
}

/**
 * The elements and WHERE predicate of a `CREATE [UNIQUE] INDEX` text.
 *
 * @example
 * ```ts
 * parseCreateIndex('CREATE INDEX ix ON t (lower(email), "a" DESC) WHERE a > 0');
 * // { unique: false, elements: [{ text: 'lower(email)', column: null }, { text: '"a" DESC', column: null }], where: 'a > 0' }
 * ```
 */
export function parseCreateIndex(sql: string): IndexText {
  const tokens = tokenize(sql);
  const unique = isKeyword(tokens[1], 'UNIQUE');
  const on = afterObjectName(tokens, 'INDEX');
  if (on < 0 || !isKeyword(tokens[on], 'ON') || !isPunct(tokens[on + 2], '(')) return { unique, elements: [], where: null };
  const open = on + 2;
  const close = closingParen(tokens, open);
  const elements = splitTopLevel(tokens, open + 1, close).map(([a, b]): IndexElementText => {
    const text = sql.slice(tokens[a]!.start, tokens[b - 1]!.end);
    const first = tokens[a]!;
    const plain = (first.kind === 'word' || first.kind === 'quoted') && (b - a === 1 || (b - a === 2 && isKeyword(tokens[a + 1], 'ASC')));
    return { text, column: plain ? first.value : null };
  });
  const where = isKeyword(tokens[close + 1], 'WHERE') ? trimStatement(sql.slice(tokens[close + 1]!.end)) : null;
  return { unique, elements, where };
}

/**
 * The SELECT of a `CREATE VIEW` text (after its top-level AS).
 *
 * @example
 * ```ts
 * parseCreateView('CREATE VIEW v (a) AS SELECT 1'); // 'SELECT 1'
 * ```
 */
export function parseCreateView(sql: string): string | null {
  const tokens = tokenize(sql);
  let i = afterObjectName(tokens, 'VIEW');
  if (i < 0) return null;
  if (isPunct(tokens[i], '(')) i = closingParen(tokens, i) + 1;
  return isKeyword(tokens[i], 'AS') ? trimStatement(sql.slice(tokens[i]!.end)) : null;
}

function trimStatement(text: string): string {
  const t = text.trim();
  return t.endsWith(';') ? t.slice(0, -1).trimEnd() : t;
}
