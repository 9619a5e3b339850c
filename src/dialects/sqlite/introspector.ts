import type { IntrospectOptions, Introspector } from '../../engine/dialect.js';
import type { Executor } from '../../engine/types.js';
import { ReflectionError } from '../../errors/index.js';
import type { SchemaSnapshot } from '../../schema/snapshot.js';
import { emptySnapshot } from '../../schema/snapshot.js';
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
    const shadow = new Set((await executor.execute<{ name: string }>(SHADOW_TABLES_SQL)).rows.map((r) => r.name));
    const own = <R>(rows: readonly R[], table: (row: R) => string): readonly R[] => (shadow.size === 0 ? rows : rows.filter((r) => !shadow.has(table(r))));
    const objects = await executor.execute<ObjectRow>(objectsSql(byTable), byTable.params);
    const columns = await executor.execute<ColumnRow>(columnsSql(byName), byName.params);
    const indexes = await executor.execute<IndexRow>(indexesSql(byName), byName.params);
    const foreignKeys = await executor.execute<ForeignKeyRow>(foreignKeysSql(byName), byName.params);
    return buildSqliteSnapshot({
      objects: own(objects.rows, (r) => r.tbl_name),
      columns: own(columns.rows, (r) => r.table_name),
      indexes: own(indexes.rows, (r) => r.table_name),
      foreignKeys: own(foreignKeys.rows, (r) => r.table_name),
    });
  },
});
