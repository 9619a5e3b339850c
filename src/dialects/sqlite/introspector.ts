import type { IntrospectOptions, Introspector } from '../../engine/dialect.js';
import type { Executor, Row } from '../../engine/types.js';
import type { DatabaseUrl } from '../../engine/url.js';
import { ReflectionError } from '../../errors/index.js';
import type { SchemaSnapshot } from '../../schema/snapshot.js';
import { emptySnapshot } from '../../schema/snapshot.js';
import { resolve as resolvePath } from 'node:path';
import { readInWorker, type CatalogQuery } from './catalog-worker.js';
import { isMemoryUrl } from './driver.js';
import { buildSqliteSnapshot } from './introspector-build.js';
import {
  columnsSql,
  foreignKeysSql,
  indexesSql,
  nameFilter,
  objectsSql,
  SHADOW_TABLES_SQL,
  type ColumnRow,
  type ForeignKeyRow,
  type IndexRow,
  type ObjectRow,
} from './introspector-queries.js';

/**
 * Reads a SQLite database (its `main` schema) in five queries whatever its size: the shadow
 * tables of virtual tables (left out), objects with their SQL, columns, index keys, foreign keys. `include` / `exclude` are parameters of each
 * query. Tables that only the SQL text describes fully (constraint names, CHECK expressions,
 * DEFERRABLE, partial and expression indexes) are read with a tokenizer (ddl-text.ts).
 *
 * What it gives: `schema` null; `autoincrement` true for the rowid column (a single-column
 * INTEGER primary key of a rowid table); a rowid column is NOT NULL; defaults as SQLite keeps
 * them (`{ kind: 'expression', sql }`, DEFAULT NULL as none); unique constraints from their
 * automatic indexes (named when the text names them); comments null (SQLite has none);
 * generated columns with `computed: { sql, stored }` (the expression as the text writes it,
 * without its parentheses) and no default; `collation` only for a column whose text declares a
 * COLLATE other than BINARY, spelled by `sqliteCollation` (BINARY / NOCASE / RTRIM upper-cased,
 * other names as written); never `onUpdate` or `identityAlways` (MySQL / PostgreSQL only);
 * virtual tables and their shadow tables (FTS5's `x_data`, ...) left out (retort does not model
 * them); `_retort_tmp_*` tables of a failed
 * rebuild listed like any table. Only `main` exists: `schema: 'main'` is accepted, any other
 * name is a ReflectionError.
 *
 * @example
 * ```ts
 * const snapshot = await sqliteIntrospector.introspect(conn, { exclude: ['retort_version'] });
 * ```
 */
export const sqliteIntrospector: Introspector = Object.freeze({
  async introspect(executor: Executor, options: IntrospectOptions = {}): Promise<SchemaSnapshot> {
    const schema = options.schema ?? null;
    if (schema !== null && schema !== 'main') {
      throw new ReflectionError(`schema "${schema}" does not exist (sqlite: retort reads the main database only)`);
    }
    if (options.include !== undefined && options.include.length === 0) return emptySnapshot();
    const byTable = nameFilter('m.tbl_name', options);
    const byName = nameFilter('m.name', options);
    const [shadowRows, objects, columns, indexes, foreignKeys] = await readCatalog(executor, [
      { sql: SHADOW_TABLES_SQL, params: [] },
      { sql: objectsSql(byTable), params: byTable.params },
      { sql: columnsSql(byName), params: byName.params },
      { sql: indexesSql(byName), params: byName.params },
      { sql: foreignKeysSql(byName), params: byName.params },
    ], options.concurrentUrl);
    const shadow = new Set((shadowRows as { name: string }[]).map((r) => r.name));
    const own = <R>(rows: readonly Row[], table: (row: R) => string): readonly R[] =>
      (shadow.size === 0 ? rows as readonly R[] : (rows as readonly R[]).filter((r) => !shadow.has(table(r))));
    return buildSqliteSnapshot({
      objects: own<ObjectRow>(objects, (r) => r.tbl_name),
      columns: own<ColumnRow>(columns, (r) => r.table_name),
      indexes: own<IndexRow>(indexes, (r) => r.table_name),
      foreignKeys: own<ForeignKeyRow>(foreignKeys, (r) => r.table_name),
    });
  },
});

/**
 * Past this many objects (tables, indexes, views, triggers) a catalog read off the main thread
 * pays for the worker's start (~30 ms) and for parsing its answer: inline, such a catalog takes
 * ~0.1 ms an object.
 */
const CONCURRENT_MIN_OBJECTS = 500;

/**
 * The rows of the catalog queries: in a worker thread when the caller has other work meanwhile
 * (`concurrentUrl`), the database is a file and its catalog is large; else on `executor`, one by one.
 */
async function readCatalog<const Q extends readonly CatalogQuery[]>(executor: Executor, queries: Q, concurrentUrl: DatabaseUrl | undefined): Promise<{ [K in keyof Q]: Row[] }> {
  if (concurrentUrl !== undefined && !isMemoryUrl(concurrentUrl)) {
    const count = await executor.execute<{ n: number }>('SELECT count(*) AS n FROM sqlite_master');
    if ((count.rows[0]?.n ?? 0) >= CONCURRENT_MIN_OBJECTS) {
      const rows = await readInWorker(resolvePath(concurrentUrl.database ?? ''), queries);
      if (rows !== null) return rows as { [K in keyof Q]: Row[] };
    }
  }
  const results: Row[][] = [];
  for (const q of queries) results.push((await executor.execute(q.sql, q.params)).rows);
  return results as { [K in keyof Q]: Row[] };
}
