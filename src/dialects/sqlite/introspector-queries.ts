/**
 * The catalog queries of SQLite reflection: five statements for the whole database, whatever
 * its number of tables. `sqlite_master` is joined with the pragma table-valued functions
 * (`pragma_table_xinfo`, `pragma_index_list`, `pragma_index_xinfo`, `pragma_foreign_key_list`),
 * and the include / exclude lists are `IN (?, ...)` parameters of each statement.
 * SQLite's own tables (`sqlite_%`), virtual tables and their shadow tables are left out.
 */

/** A table, view, index or trigger of `sqlite_master` with its SQL text. */
export interface ObjectRow {
  /** `virtual`: a virtual table (its CREATE VIRTUAL TABLE text in `sql`). */
  readonly type: 'table' | 'view' | 'index' | 'trigger' | 'virtual';
  readonly name: string;
  readonly tbl_name: string;
  readonly sql: string | null;
}

/** A column of `pragma_table_xinfo`. */
export interface ColumnRow {
  readonly table_name: string;
  readonly cid: number;
  readonly name: string;
  /** The declared type as written; '' for none. */
  readonly type: string;
  readonly notnull: number;
  /** The DEFAULT text as written (without the parentheses of `DEFAULT (expr)`); null for none. */
  readonly dflt_value: string | null;
  /** Position in the primary key, from 1; 0 for a column outside it. */
  readonly pk: number;
  /** 0 normal, 1 hidden (virtual tables), 2 / 3 generated VIRTUAL / STORED. */
  readonly hidden: number;
}

/** A key column of an index (`pragma_index_list` joined with `pragma_index_xinfo`). */
export interface IndexRow {
  readonly table_name: string;
  readonly index_name: string;
  readonly is_unique: number;
  /** `c` CREATE INDEX, `u` UNIQUE constraint, `pk` PRIMARY KEY. */
  readonly origin: string;
  readonly partial: number;
  readonly seqno: number;
  /** Column number; -2 an expression, -1 the rowid. */
  readonly cid: number;
  readonly column_name: string | null;
  readonly is_desc: number;
  readonly coll: string | null;
}

/** One column pair of a foreign key (`pragma_foreign_key_list`). */
export interface ForeignKeyRow {
  readonly table_name: string;
  /** SQLite numbers a table's foreign keys from the last declared one (id 0) back to the first. */
  readonly id: number;
  readonly seq: number;
  /** The parent table as the REFERENCES clause writes it. */
  readonly referred_table: string;
  readonly from_column: string;
  /** The parent column; the parent's primary key column when the clause names none; null when unknown. */
  readonly to_column: string | null;
  readonly on_update: string;
  readonly on_delete: string;
}

/** A table-name filter: SQL text to append to a WHERE clause, and its parameters. */
export interface NameFilter {
  readonly sql: string;
  readonly params: readonly string[];
}

const OWN_TABLES = "NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
/** Past this many names a filter binds one JSON array instead of one parameter per name. */
const MAX_LISTED = 500;

function nameIn(column: string, names: readonly string[], negate: boolean): NameFilter {
  const not = negate ? 'NOT ' : '';
  if (names.length > MAX_LISTED) return { sql: ` AND ${column} ${not}IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(names)] };
  return { sql: ` AND ${column} ${not}IN (${names.map(() => '?').join(', ')})`, params: [...names] };
}

/**
 * The filter of include / exclude on a column holding table names. `include: []` selects nothing.
 *
 * @example
 * ```ts
 * nameFilter('m.name', { include: ['a', 'b'] }); // { sql: ' AND m.name IN (?, ?)', params: ['a', 'b'] }
 * ```
 */
export function nameFilter(column: string, options: { readonly include?: readonly string[]; readonly exclude?: readonly string[] }): NameFilter {
  let sql = '';
  const params: string[] = [];
  if (options.include !== undefined) {
    const f = options.include.length === 0 ? { sql: ' AND 0', params: [] } : nameIn(column, options.include, false);
    sql += f.sql;
    params.push(...f.params);
  }
  if (options.exclude !== undefined && options.exclude.length > 0) {
    const f = nameIn(column, options.exclude, true);
    sql += f.sql;
    params.push(...f.params);
  }
  return { sql, params };
}

/**
 * The shadow tables of virtual tables (an FTS5 index's `x_data`, `x_idx`, ...; an R*Tree's
 * `x_node`, ...): SQLite's to manage, never the user's (`pragma_table_list`, SQLite 3.37+). The
 * list is read only when the database has a virtual table (a cheap check first).
 */
export const SHADOW_TABLES_SQL = "SELECT name FROM pragma_table_list WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table'"
  + " AND sql LIKE 'CREATE VIRTUAL %') AND type = 'shadow'";

const TABLES = `m.type = 'table' AND m.name ${OWN_TABLES} AND m.sql NOT LIKE 'CREATE VIRTUAL %'`;

/**
 * Tables, views, (non-automatic) indexes and triggers with their SQL; the filter applies to `m.tbl_name`.
 *
 * @example
 * ```ts
 * const filter = nameFilter('m.tbl_name', { exclude: ['retort_version'] });
 * await executor.execute<ObjectRow>(objectsSql(filter), filter.params);
 * ```
 */
export function objectsSql(filter: NameFilter): string {
  return "SELECT CASE WHEN m.type = 'table' AND m.sql LIKE 'CREATE VIRTUAL %' THEN 'virtual' ELSE m.type END AS type,"
    + ' m.name AS name, m.tbl_name AS tbl_name, m.sql AS sql FROM sqlite_master m'
    + ` WHERE m.type IN ('table', 'view', 'index', 'trigger') AND m.tbl_name ${OWN_TABLES} AND m.sql IS NOT NULL${filter.sql}`;
}

/** Every column of every table, in column order. The filter applies to `m.name`. */
export function columnsSql(filter: NameFilter): string {
  return 'SELECT m.name AS table_name, p.cid AS cid, p.name AS name, p.type AS type, p."notnull" AS "notnull",'
    + ' p.dflt_value AS dflt_value, p.pk AS pk, p.hidden AS hidden'
    + ` FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p WHERE ${TABLES}${filter.sql}`
    + ' ORDER BY m.name, p.cid';
}

/** The key columns of every index (automatic ones of PRIMARY KEY / UNIQUE included), in key order. */
export function indexesSql(filter: NameFilter): string {
  return 'SELECT m.name AS table_name, il.name AS index_name, il."unique" AS is_unique, il.origin AS origin,'
    + ' il.partial AS partial, ix.seqno AS seqno, ix.cid AS cid, ix.name AS column_name, ix."desc" AS is_desc, ix.coll AS coll'
    + ` FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_xinfo(il.name) ix WHERE ${TABLES}${filter.sql}`
    + ' AND ix.key = 1 ORDER BY m.name, il.name, ix.seqno';
}

/** Every foreign key column pair, by table, key and position. */
export function foreignKeysSql(filter: NameFilter): string {
  return 'SELECT m.name AS table_name, f.id AS id, f.seq AS seq, f."table" AS referred_table, f."from" AS from_column,'
    + ' coalesce(f."to", (SELECT t.name FROM pragma_table_info(f."table") t WHERE t.pk = f.seq + 1)) AS to_column,'
    + ' f.on_update AS on_update, f.on_delete AS on_delete'
    + ` FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE ${TABLES}${filter.sql}`
    + ' ORDER BY m.name, f.id, f.seq';
}
