import type { TypeSpec } from './type-spec.js';

/**
 * The one schema model of retort: plain, frozen, JSON-able data describing a database schema.
 * Model classes produce it (`metadata.snapshot(...)`), reflection produces it (`inspect(engine)`),
 * autogenerate compares two of them, migration ops carry pieces of it, and the DDL compilers of
 * each dialect turn it into SQL. Names here are final database names (naming conventions applied).
 *
 * @example
 * ```ts
 * const snap = metadata.snapshot({ dialect: 'postgresql' });
 * for (const t of snap.tables) console.log(t.name, t.columns.map((c) => c.name));
 * ```
 */
export interface SchemaSnapshot {
  /** PostgreSQL schema or MySQL database the tables live in; null for the connection's default. */
  readonly schema: string | null;
  readonly tables: readonly TableSnapshot[];
  /** Named enum types (PostgreSQL). Empty on dialects whose enums are inline column types. */
  readonly enums: readonly EnumSnapshot[];
  /** Views, listed apart from tables (reflection only). */
  readonly views: readonly ViewSnapshot[];
  /**
   * PostgreSQL reflection: the views (plain and materialized) of other schemas that read this
   * schema's tables, each with its own schema and its `uses`. Not this schema's objects: they are
   * only what autogenerate's warnings about changes a view blocks look at. Their `uses` name the
   * reflected schema's tables with a null schema (not the view's own). A materialized one has
   * `materialized` with no facts read (populated true, no indexes). Absent elsewhere.
   */
  readonly dependentViews?: readonly ViewSnapshot[];
  /**
   * SQLite reflection: the virtual tables (an FTS5 index, an R*Tree), `definition` their CREATE
   * VIRTUAL TABLE text. Listed, not managed (their shadow tables are not reflected at all):
   * `retort diff` warns about one only one side has. Absent elsewhere.
   */
  readonly virtualTables?: readonly ViewSnapshot[];
  /**
   * PostgreSQL reflection: the sequences no column owns (a serial's or an identity's sequence is
   * part of its column's autoincrement), as a `nextval('...')` default uses them; MariaDB
   * reflection: its sequences (`nextval(`seq`)` defaults). Absent elsewhere: retort does not
   * manage sequences, `retort diff` warns about them.
   */
  readonly sequences?: readonly SequenceSnapshot[];
  /**
   * PostgreSQL reflection: domain types (a column of one has a `custom` type). Absent elsewhere; not
   * managed either. Models from `MetaData.reflect` carry those of the database they came from.
   */
  readonly domains?: readonly DomainSnapshot[];
  /**
   * PostgreSQL reflection: the types extensions installed in the database (`citext`, `hstore`), in
   * whatever schema, without their array types. Models from `MetaData.reflect` carry those of the
   * database they came from: autogenerate names the CREATE EXTENSION a database lacking one needs.
   * Absent elsewhere; retort does not manage extensions.
   */
  readonly extensionTypes?: readonly ExtensionTypeSnapshot[];
  /**
   * PostgreSQL and MySQL reflection: the schema's functions and procedures (not an extension's),
   * by name then arguments. Listed, not managed: `retort diff` warns about them. Absent elsewhere.
   */
  readonly routines?: readonly RoutineSnapshot[];
  /**
   * MySQL reflection: the database's default collation, which tables and columns without a
   * `collation` of their own have. Absent elsewhere.
   */
  readonly collation?: string;
}

/**
 * The options of a table that depend on its dialect, each absent when not declared (models) or
 * when the database has the default (reflection; the SQLite flags are then absent, never false).
 * Models declare them in a Table's options; other dialects ignore them or refuse them.
 */
export interface TableSnapshotOptions {
  /**
   * SQLite `STRICT` table (column types limited to INT, INTEGER, REAL, TEXT, BLOB, ANY). Models:
   * as declared (absent: not declared, not compared); reflection sets only true.
   */
  readonly strict?: boolean;
  /** SQLite `WITHOUT ROWID` table; absent or false alike, as for {@link strict}. */
  readonly withoutRowid?: boolean;
  /**
   * SQLite `INTEGER PRIMARY KEY AUTOINCREMENT` on the rowid key: ids of deleted rows are never
   * reused (SQLAlchemy's `sqlite_autoincrement`). As for {@link strict}.
   */
  readonly sqliteAutoincrement?: boolean;
  /**
   * PostgreSQL partitioned table: the partition key as `pg_get_partkeydef` spells it
   * (`RANGE (created_at)`, `LIST (region)`, `HASH (id)`). Partitions themselves are not reflected.
   */
  readonly partitionBy?: string;
  /**
   * MySQL: the table's default collation (`COLLATE=latin1_swedish_ci`, its character set implied).
   * Reflection: only when it differs from the database's default; models: as declared.
   */
  readonly collation?: string;
  /** MySQL: the table's storage engine (`MyISAM`). Reflection: only when not the server's default; models: as declared. */
  readonly engine?: string;
  /**
   * MariaDB `WITH SYSTEM VERSIONING`: the server keeps every old version of a row. Reflection sets
   * only true; models: as declared (absent: not declared, not compared).
   */
  readonly systemVersioning?: boolean;
  /**
   * MySQL `ROW_FORMAT` (`COMPRESSED`, `REDUNDANT`, ...). Reflection: only when the CREATE TABLE gave
   * one that is not InnoDB's default; models: as declared (absent: not declared, not compared).
   */
  readonly rowFormat?: string;
}

/**
 * A trigger as the database keeps it: its whole CREATE TRIGGER text (PostgreSQL:
 * `pg_get_triggerdef`; MySQL: put together from information_schema.TRIGGERS; SQLite: as written).
 */
export interface TriggerSnapshot {
  readonly name: string;
  readonly sql: string;
}

/** A PostgreSQL exclusion constraint, as reflection lists it: its name and the statement that adds it. */
export interface ExclusionSnapshot {
  readonly name: string;
  /** `ALTER TABLE "booking" ADD CONSTRAINT "no_overlap" EXCLUDE USING gist (room WITH =, during WITH &&)`. */
  readonly sql: string;
}

export interface TableSnapshot extends TableSnapshotOptions {
  readonly name: string;
  readonly schema: string | null;
  readonly comment: string | null;
  readonly columns: readonly ColumnSnapshot[];
  readonly primaryKey: PrimaryKeySnapshot | null;
  readonly foreignKeys: readonly ForeignKeySnapshot[];
  readonly uniques: readonly UniqueSnapshot[];
  readonly checks: readonly CheckSnapshot[];
  readonly indexes: readonly IndexSnapshot[];
  /**
   * Reflection: the table's triggers, by name. Listed, not managed: a SQLite table rebuild creates
   * them again, `retort diff` between two databases warns about the ones that differ; nothing else
   * compares or writes them. Absent when the table has none, and in models.
   */
  readonly triggers?: readonly TriggerSnapshot[];
  /**
   * PostgreSQL reflection: the table's exclusion constraints (`EXCLUDE USING gist (...)`), by name.
   * Listed, not managed, as triggers are: `retort diff` between two databases warns about the ones
   * that differ, with the statement that adds them. Absent when the table has none, and in models.
   */
  readonly exclusions?: readonly ExclusionSnapshot[];
  /**
   * PostgreSQL reflection: the partitions of a partitioned table, by name. Listed, not managed
   * (create them with op.execute): `retort diff` between two databases warns about the ones that
   * differ, with the statement that creates them. Absent when the table has none, and in models.
   */
  readonly partitions?: readonly PartitionSnapshot[];
  /**
   * PostgreSQL reflection: the tables this one `INHERITS` from, in order, each with the columns it
   * has from that parent. Listed, not managed (models cannot declare it): PostgreSQL refuses to
   * drop, retype or rename an inherited column in the child, and a change to the parent's column
   * changes it in every child; autogenerate and `retort diff` warn about them. Absent when none, and in models.
   */
  readonly inherits?: readonly InheritanceSnapshot[];
}

/** A parent of a PostgreSQL table (`INHERITS (city)`); `schema` null: the table's own schema. */
export interface InheritanceSnapshot {
  readonly schema: string | null;
  readonly table: string;
  /** The child's columns that come from this parent (PostgreSQL keeps them in step with it). */
  readonly columns: readonly string[];
}

export interface PartitionSnapshot {
  readonly name: string;
  /** `CREATE TABLE payment_2026 PARTITION OF payment FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')`. */
  readonly sql: string;
}

export interface ColumnSnapshot {
  readonly name: string;
  readonly type: TypeSpec;
  readonly nullable: boolean;
  /** Server default; null when the column has none. */
  readonly default: DefaultSpec | null;
  /** serial / identity / AUTO_INCREMENT / SQLite INTEGER PRIMARY KEY. */
  readonly autoincrement: boolean;
  readonly comment: string | null;
  /**
   * A generated column (`GENERATED ALWAYS AS (sql) STORED | VIRTUAL`). Absent: a plain column.
   * PostgreSQL (before 18) has STORED only; a generated column has no default.
   */
  readonly computed?: ComputedSpec;
  /**
   * The column's collation. Models: as declared (absent: not declared, never compared).
   * Reflection: present only when it differs from the default of its table (MySQL), its type
   * (PostgreSQL) or BINARY (SQLite).
   */
  readonly collation?: string;
  /** MySQL `ON UPDATE` expression (`CURRENT_TIMESTAMP`). Absent: none. */
  readonly onUpdate?: string;
  /**
   * PostgreSQL: true for an autoincrement column that is `GENERATED ALWAYS AS IDENTITY` (refuses
   * explicit values), false for one declared `BY DEFAULT` with `.identity()`. Reflection sets only
   * true (BY DEFAULT and serial columns look alike); absent in a model (plain autoincrement) means
   * "not declared" and is not compared.
   */
  readonly identityAlways?: boolean;
  /**
   * MySQL / MariaDB `INVISIBLE` column: left out of `SELECT *` and of an INSERT without a column
   * list. Reflection sets only true; a model: as declared with `.invisible()` (true) or
   * `.invisible(false)`; absent means "not declared" and is not compared.
   */
  readonly invisible?: boolean;
}

/** The expression of a generated column and how it is kept. */
export interface ComputedSpec {
  /** The SQL expression, without the surrounding parentheses. */
  readonly sql: string;
  /** STORED (computed on write) rather than VIRTUAL (computed on read). */
  readonly stored: boolean;
}

/**
 * A server default: a literal value the dialect quotes, or an SQL expression kept verbatim
 * (`CURRENT_TIMESTAMP`, `gen_random_uuid()`, or whatever text a catalog returned).
 */
export type DefaultSpec =
  | { readonly kind: 'literal'; readonly value: string | number | boolean }
  | { readonly kind: 'expression'; readonly sql: string };

export interface PrimaryKeySnapshot {
  /** null when the database chose the name (or has no names for primary keys, as on MySQL). */
  readonly name: string | null;
  readonly columns: readonly string[];
  /** SQLite `ON CONFLICT` clause of the key; absent: none (ABORT, the default). See {@link ConflictResolution}. */
  readonly onConflict?: ConflictResolution;
}

/**
 * SQLite's conflict resolution of a PRIMARY KEY or UNIQUE constraint (`UNIQUE ON CONFLICT
 * REPLACE`): what an INSERT or UPDATE that breaks the constraint does when the statement does not
 * say (`INSERT OR ...`). ABORT is the default, the same as no clause. Only SQLite has them: models
 * declaring one for another dialect are refused, and compare leaves them alone elsewhere.
 */
export type ConflictResolution = 'ROLLBACK' | 'ABORT' | 'FAIL' | 'IGNORE' | 'REPLACE';

export type ForeignKeyAction = 'CASCADE' | 'SET NULL' | 'SET DEFAULT' | 'RESTRICT' | 'NO ACTION';

export interface ForeignKeySnapshot {
  readonly name: string | null;
  readonly columns: readonly string[];
  readonly referredSchema: string | null;
  readonly referredTable: string;
  readonly referredColumns: readonly string[];
  /** null means the database default (NO ACTION). */
  readonly onDelete: ForeignKeyAction | null;
  readonly onUpdate: ForeignKeyAction | null;
  /** PostgreSQL and SQLite: DEFERRABLE; `initiallyDeferred` adds INITIALLY DEFERRED. */
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
}

export interface UniqueSnapshot {
  readonly name: string | null;
  readonly columns: readonly string[];
  /** SQLite `ON CONFLICT` clause; absent: none (ABORT). See {@link ConflictResolution}. */
  readonly onConflict?: ConflictResolution;
}

export interface CheckSnapshot {
  readonly name: string | null;
  /** The boolean SQL expression, without the surrounding CHECK ( ). */
  readonly expression: string;
}

export interface IndexSnapshot {
  readonly name: string;
  /** Plain column elements in order. For an expression index, the columns it mentions are not listed here. */
  readonly columns: readonly string[];
  /**
   * null for a plain column index. For an index with expression elements (`lower(email)`), the SQL
   * of every element in order, column elements included as quoted identifiers.
   */
  readonly expressions: readonly string[] | null;
  readonly unique: boolean;
  /** Partial index predicate (PostgreSQL, SQLite), null when the index is not partial. */
  readonly where: string | null;
  /** Index method when it is not the dialect's default (PostgreSQL `gin`, `gist`, `hash`, ...). */
  readonly method: string | null;
  /** PostgreSQL 11+: non-key columns stored in the index (`INCLUDE (b, c)`); absent for none. */
  readonly include?: readonly string[];
  /** PostgreSQL 15+, unique indexes: NULLs compare equal (`NULLS NOT DISTINCT`); absent for the default. */
  readonly nullsNotDistinct?: true;
}

export interface EnumSnapshot {
  readonly name: string;
  readonly schema: string | null;
  readonly values: readonly string[];
}

export interface ViewSnapshot {
  readonly name: string;
  readonly schema: string | null;
  readonly definition: string | null;
  /**
   * PostgreSQL and MySQL reflection: the tables and columns of its own schema the view reads
   * (`column` null for the table as a whole), as PostgreSQL's catalog records them or MySQL's
   * stored definition names them. PostgreSQL refuses to drop them or change a column's type while
   * the view exists; MySQL drops or renames them and leaves the view broken. Absent on SQLite.
   */
  readonly uses?: readonly ViewUse[];
  /**
   * PostgreSQL: a materialized view (`CREATE MATERIALIZED VIEW`), with whether it holds rows and
   * its indexes. Absent: a plain view.
   */
  readonly materialized?: MaterializedViewSnapshot;
}

/** What a PostgreSQL materialized view has that a plain view lacks. */
export interface MaterializedViewSnapshot {
  /** false after `WITH NO DATA` until its first `REFRESH MATERIALIZED VIEW` (pg_class.relispopulated). */
  readonly populated: boolean;
  /** Its indexes by name (`REFRESH ... CONCURRENTLY` needs a unique one without a predicate). */
  readonly indexes: readonly IndexSnapshot[];
}

/** A table (or one of its columns) a view reads. `schema` null: the view's own schema. */
export interface ViewUse {
  readonly schema: string | null;
  readonly table: string;
  readonly column: string | null;
}

/** An object retort lists without managing it: its name and the text that defines it. */
export interface DefinedObjectSnapshot {
  readonly name: string;
  readonly schema: string | null;
  readonly definition: string;
}

/** A sequence no column owns; `definition` is what follows `CREATE SEQUENCE name` (`AS integer INCREMENT BY 1 ...`). */
export type SequenceSnapshot = DefinedObjectSnapshot;

/** A domain type; `definition` is what follows `CREATE DOMAIN name AS` (`integer CONSTRAINT c CHECK (...)`). */
export type DomainSnapshot = DefinedObjectSnapshot;

/** A type an extension installed: `{ name: 'citext', schema: 'public', extension: 'citext' }`. */
export interface ExtensionTypeSnapshot {
  readonly name: string;
  readonly schema: string;
  readonly extension: string;
}

/** A stored function or procedure. */
export interface RoutineSnapshot {
  readonly name: string;
  readonly schema: string | null;
  /** `aggregate`: PostgreSQL's CREATE AGGREGATE (its definition put together from pg_aggregate). */
  readonly kind: 'function' | 'procedure' | 'aggregate';
  /** The argument list as declared, without parentheses (`p_film_id integer, OUT p_count integer`). */
  readonly arguments: string;
  /** A function's result type (`integer`, `SETOF integer`, `trigger`); null for a procedure. */
  readonly returns: string | null;
  /** The whole CREATE statement that makes it (PostgreSQL: `pg_get_functiondef`; MySQL: put together from information_schema). */
  readonly definition: string;
}

/** An empty schema. */
export function emptySnapshot(schema: string | null = null): SchemaSnapshot {
  return deepFreeze({ schema, tables: [], enums: [], views: [] });
}

/** Freezes a value and everything reachable from it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** The table of a snapshot with the given name, if any. */
export function findTable(snapshot: SchemaSnapshot, name: string): TableSnapshot | undefined {
  return snapshot.tables.find((t) => t.name === name);
}
