import type {
  CheckSnapshot,
  ColumnSnapshot,
  DefaultSpec,
  EnumSnapshot,
  ForeignKeyAction,
  ForeignKeySnapshot,
  IndexSnapshot,
  PrimaryKeySnapshot,
  SchemaSnapshot,
  TableSnapshot,
  UniqueSnapshot,
} from '../schema/snapshot.js';
import type { TypeSpec } from '../schema/type-spec.js';
import type { Executor, Params, QueryResult } from './types.js';
import type { DatabaseUrl } from './url.js';

/**
 * What a dialect can do. Code asks these flags instead of testing the dialect's name.
 */
export interface DialectCapabilities {
  /** DDL runs inside a transaction and rolls back with it (PostgreSQL, SQLite; not MySQL). */
  readonly transactionalDdl: boolean;
  /** Tables live in named schemas that a URL or option can choose (PostgreSQL). */
  readonly schemas: boolean;
  /** Table and column comments are stored (PostgreSQL, MySQL; not SQLite). */
  readonly comments: boolean;
  /** Primary key constraints carry a name the user chooses (PostgreSQL; MySQL always says PRIMARY). */
  readonly namedPrimaryKeys: boolean;
  /** Partial indexes (`WHERE`) exist (PostgreSQL, SQLite). */
  readonly partialIndexes: boolean;
  /** DEFERRABLE foreign keys exist (PostgreSQL, SQLite). */
  readonly deferrableForeignKeys: boolean;
  /** Enums are named types created apart from tables (PostgreSQL `CREATE TYPE ... AS ENUM`). */
  readonly namedEnums: boolean;
  /** Enums are inline column types (`ENUM('a','b')`, MySQL). */
  readonly inlineEnums: boolean;
  /** Columns can be altered in place; false means a table rebuild (SQLite). */
  readonly alterColumn: boolean;
  /** Constraints can be added to / dropped from an existing table; false means a rebuild (SQLite). */
  readonly alterConstraints: boolean;
  /** A UNIQUE constraint is the same object as a unique index (MySQL). */
  readonly uniqueConstraintIsIndex: boolean;
  /** Foreign keys get an index of their own when none covers them (MySQL InnoDB). */
  readonly foreignKeysNeedIndex: boolean;
  /**
   * A column a foreign key uses (on either side) can change type while the key exists
   * (PostgreSQL; SQLite rebuilds). false on MySQL, which refuses (errors 1832, 1833): compare
   * drops such a key before the change and adds it back after.
   */
  readonly alterForeignKeyColumns: boolean;
  /** Columns can carry an `ON UPDATE` expression (MySQL). */
  readonly columnOnUpdate: boolean;
  /** Identity columns are GENERATED ALWAYS or BY DEFAULT (PostgreSQL). */
  readonly identityKinds: boolean;
  /** Columns can be INVISIBLE, left out of `SELECT *` (MySQL 8.0.23+, MariaDB 10.3+). */
  readonly invisibleColumns: boolean;
  /**
   * An autoincrement column must be a key the moment it exists (MySQL: error 1075), so a new
   * autoincrement column that is the new primary key is added with the key in one statement, and
   * one that goes with its key is dropped with it.
   */
  readonly autoincrementNeedsKey: boolean;
  /**
   * A view holds on to the tables and columns it reads (PostgreSQL): the database refuses to drop
   * them or change a column's type while the view exists, and renames carry over. false: a view is
   * kept as its text (MySQL, whose views break when what they read is dropped or renamed; SQLite,
   * whose ALTER TABLE refuses a change that would break a view).
   */
  readonly viewsBindColumns: boolean;
  /** PRIMARY KEY and UNIQUE constraints carry an `ON CONFLICT` clause (SQLite). */
  readonly conflictClauses: boolean;
  /** Longest identifier the database keeps; longer names are shortened with a hash. null: no limit. */
  readonly maxIdentifierLength: number | null;
}

/** A live connection of a driver, in the driver's own placeholder style. */
export interface DriverConnection {
  /** Runs one statement whose placeholders are already in the driver's style. */
  query(sql: string, params: Params): Promise<QueryResult>;
  /**
   * The same, at once, for a synchronous driver (SQLite); throws what `query` rejects with. The
   * engine runs a statement on an idle connection through it without checking the connection out.
   */
  querySync?(sql: string, params: Params): QueryResult;
  /**
   * Runs statements without parameters in order, in one round trip (PostgreSQL, MySQL: several
   * statements in one query string), stopping at the first that fails; returns the last one's
   * result. Without it the engine runs them one by one.
   */
  queryScript?(statements: readonly string[]): Promise<QueryResult>;
  /** A cheap round trip that fails when the connection is dead. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** True once the driver has reported the connection lost or unusable. */
  readonly broken: boolean;
  /** Server session id (PostgreSQL backend pid, MySQL connection id), or a counter. */
  readonly backendId: number | string;
  /**
   * True while the server session has a transaction open, as far as the driver can tell
   * (PostgreSQL ReadyForQuery status, MySQL OK-packet status, SQLite `inTransaction`). The pool
   * rolls such a connection back before it is handed out again.
   */
  readonly inTransaction: boolean;
}

/** A connection of a synchronous driver. */
export type SyncDriverConnection = DriverConnection & Required<Pick<DriverConnection, 'querySync'>>;

export interface DriverOptions {
  /** Timeout for opening one connection, in ms. */
  readonly connectTimeoutMs: number;
}

/** Opens connections for one URL. */
export interface Driver {
  connect(): Promise<DriverConnection>;
  /** Releases what the driver holds besides connections (nothing for most drivers). */
  close?(): Promise<void>;
}

/** TypeSpec <-> SQL for one dialect. */
export interface TypeCompiler {
  /** The DDL type of a column, e.g. `VARCHAR(50)`, `"post_status"`, `INTEGER[]`. */
  compile(type: TypeSpec): string;
  /**
   * A canonical key of the type as the database stores it, used by compare: two types with the
   * same key are the same (`int4` and `integer`; `uuid` and `char(36)` on MySQL).
   */
  canonical(type: TypeSpec): string;
}

/** Options of a CREATE TABLE. */
export interface CreateTableOptions {
  /**
   * Foreign keys to leave out of the CREATE TABLE because they are added afterwards with
   * ALTER TABLE (FK cycles). Matched by identity or by name.
   */
  readonly omitForeignKeys?: readonly ForeignKeySnapshot[];
}

/** The changes of an ALTER COLUMN; only the present keys change. */
export interface ColumnChanges {
  readonly type?: boolean;
  readonly nullable?: boolean;
  readonly default?: boolean;
  readonly comment?: boolean;
  readonly autoincrement?: boolean;
  readonly collation?: boolean;
  readonly onUpdate?: boolean;
  readonly identityAlways?: boolean;
  readonly invisible?: boolean;
}

/**
 * DDL statements from schema snapshot pieces. Every method returns the statements in order
 * (several for one change where the dialect needs them, e.g. PostgreSQL COMMENT ON after
 * CREATE TABLE). `table` arguments give the table as it is before the change.
 */
export interface DdlCompiler {
  createTable(table: TableSnapshot, options?: CreateTableOptions): string[];
  dropTable(table: TableSnapshot): string[];
  renameTable(table: TableSnapshot, newName: string): string[];
  setTableComment(table: TableSnapshot, comment: string | null): string[];

  /** With `primaryKey`: the table's new primary key, added in the same statement. */
  addColumn(table: TableSnapshot, column: ColumnSnapshot, primaryKey?: PrimaryKeySnapshot): string[];
  dropColumn(table: TableSnapshot, column: ColumnSnapshot): string[];
  renameColumn(table: TableSnapshot, column: ColumnSnapshot, newName: string): string[];
  /** Changes `from` into `to` for the keys in `changes`. Throws OperationError where the dialect cannot. */
  alterColumn(table: TableSnapshot, from: ColumnSnapshot, to: ColumnSnapshot, changes: ColumnChanges): string[];

  createIndex(table: TableSnapshot, index: IndexSnapshot): string[];
  dropIndex(table: TableSnapshot, index: IndexSnapshot): string[];

  addPrimaryKey(table: TableSnapshot, pk: PrimaryKeySnapshot): string[];
  dropPrimaryKey(table: TableSnapshot, pk: PrimaryKeySnapshot): string[];
  addForeignKey(table: TableSnapshot, fk: ForeignKeySnapshot): string[];
  dropForeignKey(table: TableSnapshot, fk: ForeignKeySnapshot): string[];
  addUnique(table: TableSnapshot, unique: UniqueSnapshot): string[];
  dropUnique(table: TableSnapshot, unique: UniqueSnapshot): string[];
  addCheck(table: TableSnapshot, check: CheckSnapshot): string[];
  dropCheck(table: TableSnapshot, check: CheckSnapshot): string[];

  createEnum(enumType: EnumSnapshot): string[];
  dropEnum(enumType: EnumSnapshot): string[];
  /** Adds `value` to an enum, placed before or after an existing value when given. */
  addEnumValue(enumType: EnumSnapshot, value: string, position?: { before?: string; after?: string }): string[];

  /** The column definition used by CREATE TABLE and ADD COLUMN: `"name" TYPE NOT NULL DEFAULT ...`. */
  columnDefinition(table: TableSnapshot, column: ColumnSnapshot): string;
  /** A table's qualified, quoted name. */
  tableName(table: { name: string; schema: string | null }): string;
}

export interface IntrospectOptions {
  /** PostgreSQL schema or MySQL database; default: the connection's current one. */
  readonly schema?: string | null;
  /** Only these tables (names). Applied in the catalog queries, before reading. */
  readonly include?: readonly string[];
  /** Leave out these tables (names). Applied in the catalog queries, before reading. */
  readonly exclude?: readonly string[];
}

/** Reads a database's catalog into a snapshot in a constant number of queries. */
export interface Introspector {
  introspect(executor: Executor, options?: IntrospectOptions): Promise<SchemaSnapshot>;
  /**
   * The schemas that hold tables, with how many (PostgreSQL), for the hint `retort reflect` gives
   * when the one it read has none. Absent where a connection sees one schema only.
   */
  schemasWithTables?(executor: Executor): Promise<readonly { readonly schema: string; readonly tables: number }[]>;
}

/**
 * Canonical forms that compare uses, so that spellings a catalog gives back do not show as
 * changes (casts on defaults, `now()` vs `CURRENT_TIMESTAMP`, type synonyms, FK action defaults).
 */
export interface DialectNormalizer {
  /** Canonical text of a server default, or null for none. */
  defaultValue(value: DefaultSpec | null, column: ColumnSnapshot): string | null;
  /** Canonical text of a CHECK / partial-index / index expression. */
  expression(sqlText: string): string;
  /** Canonical FK action (null and NO ACTION are one; RESTRICT too where the dialect treats them alike). */
  foreignKeyAction(action: ForeignKeyAction | null): ForeignKeyAction;
  /**
   * The index of `table` as the database keeps it, where that can differ from how it was declared
   * (MySQL: a key prefix as long as its column is the whole column). Absent: as declared.
   */
  index?(index: IndexSnapshot, table: TableSnapshot): IndexSnapshot;
}

/**
 * A database dialect: everything retort knows about one kind of database. Each lives in its own
 * folder under `src/dialects/` and is registered by name.
 */
export interface Dialect {
  /** `postgresql`, `mysql` or `sqlite`. */
  readonly name: string;
  /** URL schemes that select this dialect (`postgres`, `mariadb`, ...), besides `name`. */
  readonly aliases: readonly string[];
  readonly capabilities: DialectCapabilities;
  /** How URLs of this dialect are written: `server` (user@host:port/db) or `file` (SQLite paths). */
  readonly urlKind: 'server' | 'file';
  /** Default pool size for this dialect. */
  readonly defaultPoolSize: (url: DatabaseUrl) => number;
  /**
   * Limits the dialect puts on the pool for a URL, whatever the options say: SQLite `:memory:`
   * allows one connection, kept open for the engine's life (closing it would lose the database).
   */
  readonly poolLimits?: (url: DatabaseUrl) => { readonly max?: number; readonly keepOpen?: boolean };
  /** A query whose first column of the first row is the server's version text. */
  readonly serverVersionSql: string;
  /** Creates the driver for a URL, importing the npm driver package only now. */
  createDriver(url: DatabaseUrl, options: DriverOptions): Promise<Driver>;
  /** Rewrites retort's `?` placeholders into the driver's style (identity for MySQL and SQLite). */
  prepareSql(sql: string, paramCount: number): string;
  readonly transactions: {
    begin(options?: { immediate?: boolean }): string;
    readonly commit: string;
    readonly rollback: string;
    savepoint(name: string): string;
    releaseSavepoint(name: string): string;
    rollbackToSavepoint(name: string): string;
  };
  quoteIdentifier(name: string): string;
  /** An SQL literal for a value: strings quoted and escaped, booleans in the dialect's spelling. */
  literal(value: string | number | boolean | bigint | null): string;
  readonly types: TypeCompiler;
  readonly ddl: DdlCompiler;
  readonly introspector: Introspector;
  readonly normalizer: DialectNormalizer;
}
