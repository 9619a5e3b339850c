import type { Dialect } from '../engine/dialect.js';
import type { ColumnSnapshot, DefaultSpec, DefinedObjectSnapshot, ExclusionSnapshot, IndexSnapshot, InheritanceSnapshot, PartitionSnapshot, RoutineSnapshot, SchemaSnapshot, TableSnapshot, TriggerSnapshot, ViewSnapshot } from '../schema/snapshot.js';
import type { TypeSpec } from '../schema/type-spec.js';

/**
 * The stable JSON document of `retort reflect --json` (format `retort.schema/1`, documented in
 * docs/reflect-json.md). Additive changes keep the format name; anything else bumps it.
 */
export interface SchemaDocument {
  readonly format: 'retort.schema/1';
  readonly dialect: string;
  readonly schema: string | null;
  readonly tables: readonly TableDocument[];
  readonly views: readonly ViewDocument[];
  /** SQLite virtual tables (empty on other dialects): `definition` is the CREATE VIRTUAL TABLE text. */
  readonly virtualTables: readonly { readonly name: string; readonly schema: string | null; readonly definition: string | null }[];
  readonly enums: readonly { readonly name: string; readonly schema: string | null; readonly values: readonly string[] }[];
  /** PostgreSQL sequences no column owns, MariaDB's sequences (empty on other dialects): the text after `CREATE SEQUENCE name`. */
  readonly sequences: readonly DefinedObjectSnapshot[];
  /** PostgreSQL domain types (empty on other dialects): the text after `CREATE DOMAIN name AS`. */
  readonly domains: readonly DefinedObjectSnapshot[];
  /** PostgreSQL and MySQL functions and procedures (empty on SQLite), by name. */
  readonly routines: readonly RoutineSnapshot[];
}

export interface ViewDocument {
  readonly name: string;
  readonly schema: string | null;
  readonly definition: string | null;
  /** PostgreSQL and MySQL: the tables and columns the view reads. */
  readonly uses?: ViewSnapshot['uses'];
  /** PostgreSQL: a materialized view (false: a plain view, and on other dialects). */
  readonly materialized: boolean;
  /** A materialized view: false after WITH NO DATA until refreshed; null for a plain view. */
  readonly populated: boolean | null;
  /** A materialized view's indexes, by name (as a table's); [] for a plain view. */
  readonly indexes: readonly IndexSnapshot[];
}

export interface TableDocument {
  readonly name: string;
  readonly schema: string | null;
  readonly comment: string | null;
  readonly columns: readonly ColumnDocument[];
  /** Its name, columns and, SQLite, its `onConflict` clause when it has one. */
  readonly primaryKey: TableSnapshot['primaryKey'];
  readonly foreignKeys: TableSnapshot['foreignKeys'];
  readonly indexes: TableSnapshot['indexes'];
  /** Each with its name, columns and, SQLite, its `onConflict` clause when it has one. */
  readonly uniqueConstraints: TableSnapshot['uniques'];
  readonly checkConstraints: TableSnapshot['checks'];
  /** SQLite `STRICT` table. */
  readonly strict: boolean;
  /** SQLite `WITHOUT ROWID` table. */
  readonly withoutRowid: boolean;
  /** SQLite `INTEGER PRIMARY KEY AUTOINCREMENT` key. */
  readonly sqliteAutoincrement: boolean;
  /** PostgreSQL partitioned table: its partition key (`RANGE (created_at)`), else null. */
  readonly partitionBy: string | null;
  /** MySQL: the table's collation when it is not the database's default, else null. */
  readonly collation: string | null;
  /** MySQL: the table's storage engine when it is not the server's default, else null. */
  readonly engine: string | null;
  /** MariaDB: true for a table WITH SYSTEM VERSIONING. */
  readonly systemVersioning: boolean;
  /** MySQL: the ROW_FORMAT the table was created with when not InnoDB's default, else null. */
  readonly rowFormat: string | null;
  /** The table's triggers, by name, each with its whole CREATE TRIGGER text. */
  readonly triggers: readonly TriggerSnapshot[];
  /** PostgreSQL: the table's exclusion constraints, by name, each with the ALTER TABLE ... ADD CONSTRAINT text that adds it. */
  readonly exclusions: readonly ExclusionSnapshot[];
  /** PostgreSQL: a partitioned table's partitions, by name, each with the CREATE TABLE ... PARTITION OF text that makes it. */
  readonly partitions: readonly PartitionSnapshot[];
  /** PostgreSQL: the tables this one INHERITS from, in order, each with the columns it has from it; [] when none. */
  readonly inherits: readonly InheritanceSnapshot[];
}

export interface ColumnDocument {
  readonly name: string;
  /** The column's type as the dialect spells it in DDL (`VARCHAR(50)`). */
  readonly type: string;
  /** The same type as retort's TypeSpec data. */
  readonly typeSpec: TypeSpec;
  readonly nullable: boolean;
  /** The DEFAULT clause's SQL, or null. */
  readonly default: string | null;
  readonly autoincrement: boolean;
  readonly comment: string | null;
  /** A generated column's expression and kind, or null for a plain column. */
  readonly generated: { readonly expression: string; readonly stored: boolean } | null;
  /** The column's collation when it is not the default one, else null. */
  readonly collation: string | null;
  /** MySQL: the ON UPDATE expression, or null. */
  readonly onUpdate: string | null;
  /** PostgreSQL: true for an identity column GENERATED ALWAYS. */
  readonly identityAlways: boolean;
  /** MySQL / MariaDB: true for an INVISIBLE column (left out of `SELECT *`). */
  readonly invisible: boolean;
}

/**
 * Turns a snapshot into the documented JSON document.
 *
 * @example
 * ```ts
 * const doc = toSchemaDocument(await inspect(engine), engine.dialect);
 * process.stdout.write(JSON.stringify(doc, null, 2));
 * ```
 */
export function toSchemaDocument(snapshot: SchemaSnapshot, dialect: Dialect): SchemaDocument {
  return {
    format: 'retort.schema/1',
    dialect: dialect.name,
    schema: snapshot.schema,
    tables: snapshot.tables.map((t) => ({
      name: t.name,
      schema: t.schema,
      comment: t.comment,
      columns: t.columns.map((c) => columnDocument(c, dialect)),
      primaryKey: t.primaryKey,
      foreignKeys: t.foreignKeys,
      indexes: t.indexes,
      uniqueConstraints: t.uniques,
      checkConstraints: t.checks,
      strict: t.strict === true,
      withoutRowid: t.withoutRowid === true,
      sqliteAutoincrement: t.sqliteAutoincrement === true,
      partitionBy: t.partitionBy ?? null,
      collation: t.collation ?? null,
      engine: t.engine ?? null,
      systemVersioning: t.systemVersioning === true,
      rowFormat: t.rowFormat ?? null,
      triggers: t.triggers ?? [],
      exclusions: t.exclusions ?? [],
      partitions: t.partitions ?? [],
      inherits: t.inherits ?? [],
    })),
    views: snapshot.views.map(({ materialized, ...v }) => ({
      ...v,
      materialized: materialized !== undefined,
      populated: materialized?.populated ?? null,
      indexes: materialized?.indexes ?? [],
    })),
    virtualTables: snapshot.virtualTables ?? [],
    enums: snapshot.enums,
    sequences: snapshot.sequences ?? [],
    domains: snapshot.domains ?? [],
    routines: snapshot.routines ?? [],
  };
}

function columnDocument(c: ColumnSnapshot, dialect: Dialect): ColumnDocument {
  return {
    name: c.name,
    type: typeText(c.type, dialect),
    typeSpec: c.type,
    nullable: c.nullable,
    default: defaultText(c.default, dialect),
    autoincrement: c.autoincrement,
    comment: c.comment,
    generated: c.computed ? { expression: c.computed.sql, stored: c.computed.stored } : null,
    collation: c.collation ?? null,
    onUpdate: c.onUpdate ?? null,
    identityAlways: c.identityAlways === true,
    invisible: c.invisible === true,
  };
}

/** The DDL spelling of a type, or a readable fallback when the dialect can't store it. */
export function typeText(type: TypeSpec, dialect: Dialect): string {
  try {
    return dialect.types.compile(type);
  } catch {
    return type.kind === 'custom' ? type.sql : type.kind.toUpperCase();
  }
}

/** The SQL of a default. */
export function defaultText(value: DefaultSpec | null, dialect: Dialect): string | null {
  if (value === null) return null;
  return value.kind === 'literal' ? dialect.literal(value.value) : value.sql;
}
