// Raw information_schema reads for the MySQL tests: what the server holds, read without the
// introspector under test, in shapes easy to compare.
import type { Engine } from '../../../src/index.js';

export type CatalogRow = Record<string, unknown>;

/** Runs a query on the engine and returns its rows (labels as aliased). */
export async function catalogRows(engine: Engine, sql: string, params: readonly unknown[] = []): Promise<CatalogRow[]> {
  return (await engine.execute(sql, params)).rows;
}

/** `int(11)` -> `int`, `year(4)` -> `year`: MariaDB shows display widths, MySQL 8 does not (except `tinyint(1)`). */
export function withoutWidth(columnType: string): string {
  return columnType === 'tinyint(1)' ? columnType : columnType.replace(/^(tinyint|smallint|mediumint|int|bigint|year)\(\d+\)/, '$1');
}

/** True when the engine's server is MariaDB. */
export async function isMariadb(engine: Engine): Promise<boolean> {
  const [row] = await catalogRows(engine, 'SELECT VERSION() AS v');
  return /mariadb/i.test(String(row?.v));
}

/**
 * A MariaDB COLUMN_DEFAULT spelling as MySQL 8 shows it (unquoted literals, `CURRENT_TIMESTAMP`,
 * SQL NULL for none), so expectations are written once.
 */
export function defaultAsServer(mariadbDefault: string | null, mariadb: boolean): string | null {
  if (mariadb || mariadbDefault === null) return mariadbDefault;
  if (mariadbDefault === 'NULL') return null;
  const quoted = /^'(.*)'$/s.exec(mariadbDefault);
  if (quoted) return quoted[1]!.replace(/''/g, "'");
  return mariadbDefault.replace(/^current_timestamp\(\)$/, 'CURRENT_TIMESTAMP').replace(/^current_timestamp\((\d+)\)$/, 'CURRENT_TIMESTAMP($1)');
}

/** Column facts of a schema: `table.column` -> [type without width, nullable, default, extra]. */
export async function columnFacts(engine: Engine): Promise<Map<string, [string, boolean, string | null, string]>> {
  const rows = await catalogRows(engine, 'SELECT TABLE_NAME AS t, COLUMN_NAME AS c, COLUMN_TYPE AS type, IS_NULLABLE AS n,'
    + ' COLUMN_DEFAULT AS d, EXTRA AS e FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION');
  return new Map(rows.map((r) => [
    `${String(r.t)}.${String(r.c)}`,
    [withoutWidth(String(r.type)), r.n === 'YES', r.d === null ? null : String(r.d), String(r.e).toLowerCase()],
  ]));
}

/** Index facts: `table.index` -> `unique? (col,col)`, key parts in order. */
export async function indexFacts(engine: Engine): Promise<Map<string, string>> {
  const rows = await catalogRows(engine, 'SELECT TABLE_NAME AS t, INDEX_NAME AS i, NON_UNIQUE AS nu, COLUMN_NAME AS c, SEQ_IN_INDEX AS s, SUB_PART AS sp,'
    + ' INDEX_TYPE AS it FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX');
  const out = new Map<string, { unique: boolean; type: string; parts: string[] }>();
  for (const r of rows) {
    const key = `${String(r.t)}.${String(r.i)}`;
    const entry = out.get(key) ?? { unique: Number(r.nu) === 0, type: String(r.it), parts: [] };
    entry.parts.push(`${String(r.c)}${r.sp === null ? '' : `(${String(r.sp)})`}`);
    out.set(key, entry);
  }
  return new Map([...out].map(([k, v]) => [k, `${v.unique ? 'unique ' : ''}${v.type === 'BTREE' ? '' : `${v.type} `}(${v.parts.join(',')})`]));
}

/** Foreign key facts: `table.name` -> `(cols) -> referred(cols) delete/update`. */
export async function foreignKeyFacts(engine: Engine): Promise<Map<string, string>> {
  const cols = await catalogRows(engine, 'SELECT TABLE_NAME AS t, CONSTRAINT_NAME AS n, COLUMN_NAME AS c, REFERENCED_TABLE_NAME AS rt,'
    + ' REFERENCED_COLUMN_NAME AS rc FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE()'
    + ' AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION');
  const rules = await catalogRows(engine, 'SELECT TABLE_NAME AS t, CONSTRAINT_NAME AS n, DELETE_RULE AS d, UPDATE_RULE AS u'
    + ' FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()');
  const byKey = new Map<string, { cols: string[]; rt: string; rcs: string[] }>();
  for (const r of cols) {
    const key = `${String(r.t)}.${String(r.n)}`;
    const e = byKey.get(key) ?? { cols: [], rt: String(r.rt), rcs: [] };
    e.cols.push(String(r.c));
    e.rcs.push(String(r.rc));
    byKey.set(key, e);
  }
  const out = new Map<string, string>();
  for (const r of rules) {
    const key = `${String(r.t)}.${String(r.n)}`;
    const e = byKey.get(key);
    if (e) out.set(key, `(${e.cols.join(',')}) -> ${e.rt}(${e.rcs.join(',')}) ${String(r.d)}/${String(r.u)}`);
  }
  return out;
}

/** CHECK facts: `table.name` -> clause (MariaDB's CHECK_CONSTRAINTS has TABLE_NAME; MySQL 8 goes through TABLE_CONSTRAINTS). */
export async function checkFacts(engine: Engine, mariadb: boolean): Promise<Map<string, string>> {
  const sql = mariadb
    ? 'SELECT TABLE_NAME AS t, CONSTRAINT_NAME AS n, CHECK_CLAUSE AS c FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()'
    : 'SELECT tc.TABLE_NAME AS t, cc.CONSTRAINT_NAME AS n, cc.CHECK_CLAUSE AS c FROM information_schema.CHECK_CONSTRAINTS cc'
      + ' JOIN information_schema.TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME'
      + ' WHERE cc.CONSTRAINT_SCHEMA = DATABASE()';
  const rows = await catalogRows(engine, sql);
  return new Map(rows.map((r) => [`${String(r.t)}.${String(r.n)}`, String(r.c)]));
}

/** Table comments and column comments that are not empty: `table` / `table.column` -> comment. */
export async function commentFacts(engine: Engine): Promise<Map<string, string>> {
  const tables = await catalogRows(engine, "SELECT TABLE_NAME AS t, TABLE_COMMENT AS c FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_COMMENT <> ''");
  const columns = await catalogRows(engine, "SELECT TABLE_NAME AS t, COLUMN_NAME AS n, COLUMN_COMMENT AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_COMMENT <> ''");
  return new Map([
    ...tables.map((r): [string, string] => [String(r.t), String(r.c)]),
    ...columns.map((r): [string, string] => [`${String(r.t)}.${String(r.n)}`, String(r.c)]),
  ]);
}

/** Base tables of the current database, sorted. */
export async function tableNames(engine: Engine): Promise<string[]> {
  const rows = await catalogRows(engine, "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'");
  return rows.map((r) => String(r.t)).sort();
}
