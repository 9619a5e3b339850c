/**
 * Turns the rows of SQLite's catalog queries (introspector-queries.ts) and the SQL texts of
 * tables and indexes (ddl-text.ts) into a schema snapshot, in time linear in the rows: rows are
 * grouped by table in Maps, each table's text is read once, and names are matched through Maps.
 */
import type {
  CheckSnapshot,
  ColumnSnapshot,
  ComputedSpec,
  ForeignKeyAction,
  ForeignKeySnapshot,
  IndexSnapshot,
  SchemaSnapshot,
  TableSnapshot,
  TriggerSnapshot,
  UniqueSnapshot,
  ViewSnapshot,
} from '../../schema/snapshot.js';
import { conflictExtras } from '../../schema/conflict-clause.js';
import { deepFreeze } from '../../schema/snapshot.js';
import { byNameNullsLast } from '../../schema/table-snapshot.js';
import type { TypeSpec } from '../../schema/type-spec.js';
import { doubleQuote as quote } from '../../sql/identifiers.js';
import { parseCreateIndex, parseCreateTable, parseCreateView, type ColumnText, type ForeignKeyText, type TableText } from './ddl-text.js';
import type { ColumnRow, ForeignKeyRow, IndexRow, ObjectRow } from './introspector-queries.js';
import { sqliteCollation } from './normalizer.js';
import { parseSqliteType } from './type-parser.js';

/** The rows of the four catalog queries. */
export interface CatalogRows {
  readonly objects: readonly ObjectRow[];
  readonly columns: readonly ColumnRow[];
  readonly indexes: readonly IndexRow[];
  readonly foreignKeys: readonly ForeignKeyRow[];
}

interface IndexAcc {
  readonly name: string;
  readonly unique: boolean;
  readonly origin: string;
  readonly partial: boolean;
  readonly keys: IndexRow[];
}

interface TableAcc {
  readonly name: string;
  readonly sql: string;
  readonly columns: ColumnRow[];
  readonly indexes: Map<string, IndexAcc>;
  readonly foreignKeys: Map<number, ForeignKeyRow[]>;
  readonly triggers: TriggerSnapshot[];
}

const UPPER = /[A-Z]/g;
const NON_ASCII = /[^\u0000-\u007f]/;
/** SQLite compares names case-insensitively in ASCII only. */
const fold = (name: string): string => (NON_ASCII.test(name) ? name.replace(UPPER, (c) => c.toLowerCase()) : name.toLowerCase());
const freeze = Object.freeze;
const foldList = (names: readonly string[]): string => names.map(fold).join('\u0000');

const NULL_DEFAULT = /^\s*NULL\s*$/i;
/** `hidden` of pragma_table_xinfo: 1 a hidden column of a virtual table, 2 / 3 a generated VIRTUAL / STORED one. */
const HIDDEN = 1;
const STORED = 3;

const ACTIONS: ReadonlyMap<string, ForeignKeyAction | null> = new Map<string, ForeignKeyAction | null>([
  ['CASCADE', 'CASCADE'], ['SET NULL', 'SET NULL'], ['SET DEFAULT', 'SET DEFAULT'], ['RESTRICT', 'RESTRICT'], ['NO ACTION', null],
]);

function byText(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Builds the frozen snapshot of the rows: tables sorted by name, columns in order, constraints
 * sorted by name (nulls last), views apart.
 *
 * @example
 * ```ts
 * const snapshot = buildSqliteSnapshot({ objects, columns, indexes, foreignKeys }); // rows of the four queries
 * ```
 */
export function buildSqliteSnapshot(rows: CatalogRows): SchemaSnapshot {
  const tables = new Map<string, TableAcc>();
  const views: ViewSnapshot[] = [];
  const virtualTables: ViewSnapshot[] = [];
  const indexSql = new Map<string, string>();
  const triggers: ObjectRow[] = [];
  for (const o of rows.objects) {
    if (o.type === 'table') tables.set(o.name, { name: o.name, sql: o.sql ?? '', columns: [], indexes: new Map(), foreignKeys: new Map(), triggers: [] });
    else if (o.type === 'view') views.push({ name: o.name, schema: null, definition: o.sql === null ? null : parseCreateView(o.sql) });
    else if (o.type === 'trigger') triggers.push(o);
    else if (o.type === 'virtual') virtualTables.push({ name: o.name, schema: null, definition: o.sql });
    else if (o.sql !== null) indexSql.set(o.name, o.sql);
  }
  for (const t of triggers) if (t.sql !== null) tables.get(t.tbl_name)?.triggers.push(freeze({ name: t.name, sql: t.sql }));
  for (const c of rows.columns) tables.get(c.table_name)?.columns.push(c);
  for (const r of rows.indexes) {
    const indexes = tables.get(r.table_name)?.indexes;
    if (!indexes) continue;
    let acc = indexes.get(r.index_name);
    if (!acc) {
      acc = { name: r.index_name, unique: r.is_unique === 1, origin: r.origin, partial: r.partial === 1, keys: [] };
      indexes.set(r.index_name, acc);
    }
    acc.keys.push(r);
  }
  for (const r of rows.foreignKeys) {
    const fks = tables.get(r.table_name)?.foreignKeys;
    if (!fks) continue;
    const list = fks.get(r.id);
    if (list) list.push(r);
    else fks.set(r.id, [r]);
  }
  let folded: Map<string, TableAcc> | null = null;
  const tableNamed = (written: string): TableAcc | undefined => {
    const exact = tables.get(written);
    if (exact !== undefined) return exact;
    if (folded === null) {
      folded = new Map<string, TableAcc>();
      for (const t of tables.values()) folded.set(fold(t.name), t);
    }
    return folded.get(fold(written));
  };
  const types = new Map<string, TypeSpec>();
  const typeOf = (declared: string): TypeSpec => {
    let spec = types.get(declared);
    if (spec === undefined) types.set(declared, (spec = deepFreeze(parseSqliteType(declared))));
    return spec;
  };
  const built = [...tables.values()].map((t) => buildTable(t, tableNamed, indexSql, typeOf)).sort(byText);
  // every table is frozen as it is built: deepFreeze stops at them
  return deepFreeze({
    schema: null,
    tables: built,
    enums: [],
    views: views.sort(byText),
    ...(virtualTables.length > 0 ? { virtualTables: virtualTables.sort(byText) } : {}),
  });
}

function buildTable(t: TableAcc, tableNamed: (written: string) => TableAcc | undefined, indexSql: ReadonlyMap<string, string>, typeOf: (d: string) => TypeSpec): TableSnapshot {
  const text = parseCreateTable(t.sql);
  const keyColumns = t.columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  let hasKeyIndex = false;
  for (const ix of t.indexes.values()) if (ix.origin === 'pk') hasKeyIndex = true;
  // A rowid table's single INTEGER key column without an index of its own is the rowid.
  const rowid = keyColumns.length === 1 && !hasKeyIndex && !text.withoutRowid && keyColumns[0]!.type.toUpperCase() === 'INTEGER' ? keyColumns[0]!.name : null;
  const declared = new Map(text.columns.map((c) => [c.name, c]));
  const columns: ColumnSnapshot[] = [];
  for (const c of t.columns) {
    if (c.hidden === HIDDEN) continue;
    const alwaysSet = c.name === rowid || (text.withoutRowid && c.pk > 0);
    const dflt = c.dflt_value;
    const own = declared.get(c.name);
    const computed = c.hidden > HIDDEN ? computedOf(c, own) : null;
    const collation = own?.collation == null ? null : sqliteCollation(own.collation);
    columns.push(freeze({
      name: c.name,
      type: typeOf(c.type),
      nullable: c.notnull === 0 && !alwaysSet,
      default: computed !== null || dflt === null || NULL_DEFAULT.test(dflt) ? null : freeze({ kind: 'expression', sql: dflt } as const),
      autoincrement: c.name === rowid,
      comment: null,
      ...(computed !== null ? { computed } : {}),
      ...(collation !== null ? { collation } : {}),
    }));
  }
  return freeze({
    name: t.name,
    schema: null,
    comment: null,
    columns: freeze(columns),
    primaryKey: keyColumns.length > 0
      ? freeze({ name: text.primaryKey?.name ?? null, columns: freeze(keyColumns.map((c) => c.name)), ...conflictExtras(text.primaryKey?.onConflict) })
      : null,
    foreignKeys: freeze(foreignKeys(t, text, tableNamed).sort(byNameNullsLast((f) => `${f.columns.join(',')}>${f.referredTable}`))),
    uniques: freeze(uniques(t, text).sort(byNameNullsLast((u) => u.columns.join(',')))),
    checks: freeze(text.checks.map((c): CheckSnapshot => freeze({ name: c.name, expression: c.expression })).sort(byNameNullsLast((c) => c.expression))),
    indexes: freeze(indexes(t, indexSql).sort(byText)),
    ...(text.strict ? { strict: true } : {}),
    ...(text.withoutRowid ? { withoutRowid: true } : {}),
    ...(text.autoincrement ? { sqliteAutoincrement: true } : {}),
    ...(t.triggers.length > 0 ? { triggers: freeze(t.triggers.sort(byText)) } : {}),
  });
}

/**
 * The generated part of a column that pragma_table_xinfo marks generated: its expression from
 * the CREATE TABLE text, STORED from the pragma.
 */
function computedOf(row: ColumnRow, declared: ColumnText | undefined): ComputedSpec {
  return freeze({ sql: declared?.generated ?? '', stored: row.hidden === STORED });
}

/** Takes the first entry of `queue[key]` (texts matched to catalog rows in order). */
function take<T>(queues: Map<string, T[]>, key: string): T | undefined {
  const list = queues.get(key);
  return list?.shift();
}

function queues<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function uniques(t: TableAcc, text: TableText): UniqueSnapshot[] {
  const named = queues(text.uniques, (u) => foldList(u.columns));
  const out: UniqueSnapshot[] = [];
  for (const ix of t.indexes.values()) {
    if (ix.origin !== 'u') continue;
    const columns = ix.keys.map((k) => k.column_name ?? '');
    const declared = take(named, foldList(columns));
    out.push(freeze({ name: declared?.name ?? null, columns: freeze(columns), ...conflictExtras(declared?.onConflict) }));
  }
  return out;
}

function foreignKeys(t: TableAcc, text: TableText, tableNamed: (written: string) => TableAcc | undefined): ForeignKeySnapshot[] {
  const declared = queues(text.foreignKeys, (f) => `${foldList(f.columns)}>${fold(f.referredTable)}`);
  const out: ForeignKeySnapshot[] = [];
  // ids run from the last declared key to the first: walk them in declaration order.
  const ids = [...t.foreignKeys.keys()].sort((a, b) => b - a);
  for (const id of ids) {
    const pairs = t.foreignKeys.get(id)!;
    const first = pairs[0]!;
    const parent = tableNamed(first.referred_table);
    const columns = pairs.map((p) => p.from_column);
    const match: ForeignKeyText | undefined = take(declared, `${foldList(columns)}>${fold(first.referred_table)}`);
    out.push(freeze({
      name: match?.name ?? null,
      columns: freeze(columns),
      referredSchema: null,
      referredTable: parent?.name ?? first.referred_table,
      referredColumns: freeze(pairs.map((p, i) => parentColumn(parent, p.to_column ?? match?.referredColumns?.[i] ?? ''))),
      onDelete: ACTIONS.get(first.on_delete.toUpperCase()) ?? null,
      onUpdate: ACTIONS.get(first.on_update.toUpperCase()) ?? null,
      deferrable: match?.deferrable ?? false,
      initiallyDeferred: match?.initiallyDeferred ?? false,
    }));
  }
  return out;
}

/** A parent column as the parent table spells it (REFERENCES may write it in another case). */
function parentColumn(parent: TableAcc | undefined, written: string): string {
  if (!parent) return written;
  for (const c of parent.columns) if (c.name === written) return written;
  const f = fold(written);
  for (const c of parent.columns) if (fold(c.name) === f) return c.name;
  return written;
}

function indexes(t: TableAcc, indexSql: ReadonlyMap<string, string>): IndexSnapshot[] {
  const out: IndexSnapshot[] = [];
  for (const ix of t.indexes.values()) {
    if (ix.origin !== 'c') continue;
    const plainKeys = ix.keys.every((k) => k.cid >= 0 && k.is_desc === 0 && (k.coll === null || k.coll.toUpperCase() === 'BINARY'));
    const sql = indexSql.get(ix.name);
    if ((plainKeys && !ix.partial) || sql === undefined) {
      out.push(freeze({ name: ix.name, columns: freeze(ix.keys.map((k) => k.column_name ?? '')), expressions: null, unique: ix.unique, where: null, method: null }));
      continue;
    }
    const text = parseCreateIndex(sql);
    const aligned = text.elements.length === ix.keys.length;
    const plain = aligned && text.elements.every((e) => e.column !== null);
    const columns: string[] = [];
    const expressions: string[] = [];
    ix.keys.forEach((k, i) => {
      const element = aligned ? text.elements[i]! : null;
      if (element === null || (element.column !== null && k.column_name !== null)) {
        columns.push(k.column_name ?? '');
        expressions.push(quote(k.column_name ?? ''));
      } else {
        expressions.push(element.text);
      }
    });
    out.push(freeze({ name: ix.name, columns: freeze(columns), expressions: plain || !aligned ? null : freeze(expressions), unique: ix.unique, where: text.where, method: null }));
  }
  return out;
}
