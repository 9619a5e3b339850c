import type { ColumnExtras } from '../../schema/column-def.js';
import { indexExtras } from '../../schema/index-extras.js';
import type {
  CheckSnapshot,
  ColumnSnapshot,
  ComputedSpec,
  ExclusionSnapshot,
  ForeignKeyAction,
  ForeignKeySnapshot,
  IndexSnapshot,
  PrimaryKeySnapshot,
  UniqueSnapshot,
} from '../../schema/snapshot.js';
import type { TypeSpec } from '../../schema/type-spec.js';
import { identifierQuoter } from '../../sql/identifiers.js';
import { collationOf } from './collation.js';
import type { ColumnRow, ConstraintRow, EnumRow, IndexRow } from './introspector-queries.js';
import { isWrapped } from './sql-segments.js';
import { parsePostgresType } from './type-parser.js';

const quote = identifierQuoter('"');
/** A name that needs no quotes (operator classes are written bare when they can be). */
const BARE_NAME = /^[a-z_][a-z0-9_$]*$/;

/** The pieces of one table while its rows are read. */
export interface TableParts {
  readonly columns: ColumnSnapshot[];
  /** Attribute number of each entry of `columns`. */
  readonly numbers: number[];
  /** Attribute number -> column name. */
  readonly names: Map<number, string>;
  primaryKey: PrimaryKeySnapshot | null;
  readonly foreignKeys: ForeignKeySnapshot[];
  readonly uniques: UniqueSnapshot[];
  readonly checks: CheckSnapshot[];
  readonly indexes: IndexSnapshot[];
  /** Exclusion constraints: name and definition (`EXCLUDE USING gist (...)`). */
  readonly exclusions: { readonly name: string; readonly definition: string }[];
}

export function emptyParts(): TableParts {
  return { columns: [], numbers: [], names: new Map(), primaryKey: null, foreignKeys: [], uniques: [], checks: [], indexes: [], exclusions: [] };
}

/** What reading columns needs to know about the schema. */
export interface ColumnContext {
  /** Name of the schema being read. */
  readonly schemaName: string;
  /** Enum types of that schema by oid, as TypeSpecs. */
  readonly enums: ReadonlyMap<number, TypeSpec>;
}

/** Enum TypeSpecs by oid (shared by every column of the type). */
export function enumTypes(rows: readonly EnumRow[]): Map<number, TypeSpec> {
  const out = new Map<number, TypeSpec>();
  for (const r of rows) out.set(r.oid, Object.freeze({ kind: 'enum', name: r.name, values: Object.freeze(r.values) }));
  return out;
}

function columnType(row: ColumnRow, ctx: ColumnContext): TypeSpec {
  if (row.enum_oid === null) return parsePostgresType(row.type);
  const isArray = row.type.endsWith(']');
  let element = row.enum_schema === ctx.schemaName ? ctx.enums.get(row.enum_oid) : undefined;
  // an enum of another schema keeps its schema: a custom type named with it
  element ??= Object.freeze({ kind: 'custom', sql: `${quote(row.enum_schema ?? '')}.${quote(row.enum_name ?? '')}` });
  return isArray ? Object.freeze({ kind: 'array', of: element }) : element;
}

/**
 * The generated-column part of a row: the expression PostgreSQL keeps in pg_attrdef, with the
 * one pair of parentheses it wraps an operator expression in taken off (the snapshot holds the
 * expression without them). PostgreSQL 15 has STORED generated columns only.
 *
 * @example
 * ```ts
 * computedOf({ generated: 's', default: '(price * qty)' } as ColumnRow); // { sql: 'price * qty', stored: true }
 * computedOf({ generated: '', default: '0' } as ColumnRow);              // undefined
 * ```
 */
export function computedOf(row: ColumnRow): ComputedSpec | undefined {
  if (row.generated === '' || row.default === null) return undefined;
  const sql = row.default.trim();
  return Object.freeze({ sql: isWrapped(sql) ? sql.slice(1, -1).trim() : sql, stored: true });
}

/**
 * The optional keys of a reflected column, only those it has (so a plain column's snapshot has
 * none): `computed`, `collation` (set by the query only when it is not the type's, spelled as
 * {@link collationOf} says), `identityAlways` for `GENERATED ALWAYS AS IDENTITY`.
 *
 * @example
 * ```ts
 * columnExtrasOf({ identity: 'a', generated: '', collation: null } as ColumnRow); // { identityAlways: true }
 * columnExtrasOf({ identity: '', generated: '', collation: 'C', collation_schema: 'pg_catalog' } as ColumnRow); // { collation: 'C' }
 * ```
 */
export function columnExtrasOf(row: ColumnRow): ColumnExtras {
  const computed = computedOf(row);
  return {
    ...(computed !== undefined ? { computed } : {}),
    ...(row.collation !== null ? { collation: collationOf(row.collation, row.collation_schema ?? 'pg_catalog') } : {}),
    ...(row.identity === 'a' ? { identityAlways: true as const } : {}),
  };
}

/**
 * The ColumnSnapshot of a column row, frozen. Identity and serial columns are autoincrement with
 * no default (the sequence's `nextval(...)` is part of the autoincrement); a generated column's
 * expression is its `computed` part, not a default. See {@link columnExtrasOf} for the optional keys.
 *
 * Every piece of a reflected snapshot is frozen as it is built (types are shared, frozen once):
 * freezing the finished tree with a generic walk costs more than all the row handling.
 */
export function columnSnapshot(row: ColumnRow, ctx: ColumnContext): ColumnSnapshot {
  const autoincrement = row.identity !== '' || row.serial;
  const hasDefault = row.default !== null && !autoincrement && row.generated === '';
  return Object.freeze({
    name: row.name,
    type: columnType(row, ctx),
    nullable: !row.notnull,
    default: hasDefault ? Object.freeze({ kind: 'expression', sql: row.default as string }) : null,
    autoincrement,
    comment: row.comment,
    ...columnExtrasOf(row),
  });
}

const ACTIONS: Readonly<Record<string, ForeignKeyAction | null>> = {
  a: null,
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

function columnNames(parts: TableParts, nums: readonly number[] | null): readonly string[] {
  return Object.freeze((nums ?? []).map((n) => parts.names.get(n) ?? `#${n}`));
}

/**
 * The exclusion constraints of a table, by name, each with the statement that adds it (the table
 * qualified with `schema` when the reflection names one).
 *
 * @example
 * ```ts
 * exclusionsOf(parts, 'booking', null);
 * // [{ name: 'no_overlap', sql: 'ALTER TABLE "booking" ADD CONSTRAINT "no_overlap" EXCLUDE USING gist (during WITH &&)' }]
 * ```
 */
export function exclusionsOf(parts: TableParts, table: string, schema: string | null): readonly ExclusionSnapshot[] {
  const target = schema === null ? quote(table) : `${quote(schema)}.${quote(table)}`;
  return Object.freeze(parts.exclusions
    .map((x) => Object.freeze({ name: x.name, sql: `ALTER TABLE ${target} ADD CONSTRAINT ${quote(x.name)} ${x.definition}` }))
    .sort(byName));
}

/**
 * Adds one constraint row to its table. `schemaName` is the schema being read; `tables` the parts
 * of every table read (for the names of referred columns).
 */
export function addConstraint(parts: TableParts, row: ConstraintRow, schemaName: string, tables: ReadonlyMap<number, TableParts>): void {
  switch (row.type) {
    case 'p':
      parts.primaryKey = Object.freeze({ name: row.name, columns: columnNames(parts, row.cols) });
      return;
    case 'u':
      parts.uniques.push(Object.freeze({ name: row.name, columns: columnNames(parts, row.cols) }));
      return;
    case 'c':
      parts.checks.push(Object.freeze({ name: row.name, expression: row.expression ?? '' }));
      return;
    case 'x':
      parts.exclusions.push({ name: row.name, definition: row.expression ?? '' });
      return;
    case 'f':
      parts.foreignKeys.push(Object.freeze({
        name: row.name,
        columns: columnNames(parts, row.cols),
        referredSchema: row.ref_schema === schemaName ? null : row.ref_schema,
        referredTable: row.ref_table ?? '',
        referredColumns: row.ref_cols ? Object.freeze(row.ref_cols) : columnNames(tables.get(row.ref_rel) ?? emptyParts(), row.ref_nums),
        onDelete: ACTIONS[row.on_delete] ?? null,
        onUpdate: ACTIONS[row.on_update] ?? null,
        deferrable: row.deferrable,
        initiallyDeferred: row.deferred,
      }));
      return;
    default:
      return;
  }
}

/** ` DESC`, ` NULLS FIRST`, ... for the sort option bits of an index element (1: DESC, 2: NULLS FIRST). */
function ordering(bits: number): string {
  switch (bits & 3) {
    case 1: return ' DESC NULLS LAST';
    case 2: return ' NULLS FIRST';
    case 3: return ' DESC';
    default: return '';
  }
}

const COLLATION_NAME = /^(?:"(?:[^"]|"")*"|[a-z_][a-z0-9_$]*)(?:\.(?:"(?:[^"]|"")*"|[a-z_][a-z0-9_$]*))?/;

/** The position after the index element that starts at `from` (at its `,` or the list's `)`). */
function elementEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return text.length;
      i = close;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    } else if (c === ',' && depth === 0) {
      return i;
    }
  }
  return text.length;
}

/**
 * The `COLLATE` clause of each key element of an index (null: none), read from its CREATE INDEX
 * text: each element there is its text as `pg_get_indexdef(oid, k)` gives it (an expression
 * possibly wrapped in parentheses), then ` COLLATE name` when its collation is not the column's or
 * the expression's. An element that cannot be found leaves it and the rest without one.
 */
function elementCollations(definition: string | null, elements: readonly string[] | null): (string | null)[] {
  const out: (string | null)[] = [];
  if (definition === null || elements === null) return out;
  const using = definition.indexOf(' USING ');
  let pos = using < 0 ? -1 : definition.indexOf('(', using);
  if (pos < 0) return out;
  pos++;
  for (const element of elements) {
    const rest = definition.slice(pos);
    const written = rest.startsWith(element) ? element : rest.startsWith(`(${element})`) ? `(${element})` : null;
    if (written === null) break;
    const after = rest.slice(written.length);
    const collation = after.startsWith(' COLLATE ') ? COLLATION_NAME.exec(after.slice(' COLLATE '.length)) : null;
    out.push(collation === null ? null : `${written} COLLATE ${collation[0]}`);
    pos = elementEnd(definition, pos + written.length) + 1;
    while (definition[pos] === ' ') pos++;
  }
  return out;
}

/**
 * The IndexSnapshot of an index row. Plain column elements are listed in `columns`; when any
 * element is an expression or carries an operator class or sort order, `expressions` lists every
 * element's SQL (columns quoted), e.g. `lower(email)`, `"name" text_pattern_ops`, `"at" DESC`.
 * The attributes after the key ones are the INCLUDE columns.
 */
export function indexSnapshot(row: IndexRow, parts: TableParts, opclasses: ReadonlyMap<string, string>): IndexSnapshot {
  const keys = row.keys.split(' ');
  const options = row.options.split(' ');
  const classes = row.opclasses.split(' ');
  const columns: string[] = [];
  const elements: string[] = [];
  let plain = true;
  let nextExpression = 0;
  const collated = elementCollations(row.definition ?? null, row.elements ?? null);
  for (let k = 0; k < row.nkeys; k++) {
    const num = Number(keys[k]);
    const opclass = opclasses.get(classes[k] ?? '');
    const suffix = `${opclass === undefined ? '' : ` ${BARE_NAME.test(opclass) ? opclass : quote(opclass)}`}${ordering(Number(options[k] ?? 0))}`;
    const withCollation = collated[k] ?? null;
    if (num === 0) {
      const expression = row.expressions?.[nextExpression++] ?? '';
      elements.push(`${withCollation ?? expression}${suffix}`);
      plain = false;
      continue;
    }
    const name = parts.names.get(num) ?? `#${num}`;
    if (suffix === '' && withCollation === null) columns.push(name);
    else plain = false;
    elements.push(withCollation === null ? `${quote(name)}${suffix}` : `${quote(name)}${withCollation.slice(withCollation.indexOf(' COLLATE '))}${suffix}`);
  }
  return Object.freeze({
    name: row.name,
    columns: Object.freeze(columns),
    expressions: plain ? null : Object.freeze(elements),
    unique: row.unique,
    where: row.predicate,
    method: row.method,
    ...indexExtras(columnNames(parts, keys.slice(row.nkeys).map(Number)), row.nulls_not_distinct),
  });
}

/** Orders by name, code point order, nulls last. */
export function byName(a: { readonly name: string | null }, b: { readonly name: string | null }): number {
  if (a.name === null) return b.name === null ? 0 : 1;
  if (b.name === null) return -1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
