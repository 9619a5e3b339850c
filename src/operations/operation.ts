import type {
  CheckSnapshot,
  ColumnSnapshot,
  DefaultSpec,
  EnumSnapshot,
  ForeignKeySnapshot,
  IndexSnapshot,
  PrimaryKeySnapshot,
  TableSnapshot,
  UniqueSnapshot,
} from '../schema/snapshot.js';
import type { TypeSpec } from '../schema/type-spec.js';
import { OperationError } from '../errors/index.js';

/**
 * Migration operations: kind-tagged, frozen data. Autogenerate produces them, render writes them
 * as `op.*` calls, the `op` facade builds them from migration files, and each dialect compiles
 * them into DDL. `reverse(op)` gives the inverse; the fields marked "for reverse" carry what the
 * inverse needs (a dropped column's definition, a table's previous comment, ...). They are
 * optional because a hand-written `op.dropColumn('post', 'summary')` does not know them.
 *
 * Every op names its table's schema (`schema: null` is the connection's default).
 */
export type Operation =
  | CreateTableOp
  | DropTableOp
  | RenameTableOp
  | SetTableCommentOp
  | AddColumnOp
  | DropColumnOp
  | RenameColumnOp
  | AlterColumnOp
  | CreateIndexOp
  | DropIndexOp
  | AddPrimaryKeyOp
  | DropPrimaryKeyOp
  | AddForeignKeyOp
  | DropForeignKeyOp
  | AddUniqueOp
  | DropUniqueOp
  | AddCheckOp
  | DropCheckOp
  | CreateEnumOp
  | DropEnumOp
  | AddEnumValueOp
  | DropEnumValueOp
  | ExecuteOp;

export type OperationKind = Operation['kind'];

interface TableRef {
  readonly schema: string | null;
  readonly table: string;
}

/** CREATE TABLE with its columns, constraints and indexes (indexes are created right after). */
export interface CreateTableOp {
  readonly kind: 'createTable';
  readonly table: TableSnapshot;
  /** FKs left out of the CREATE TABLE because separate addForeignKey ops add them (FK cycles). */
  readonly omitForeignKeys?: readonly string[];
}

export interface DropTableOp {
  readonly kind: 'dropTable';
  readonly schema: string | null;
  readonly name: string;
  /** For reverse: the whole table as it was. */
  readonly table?: TableSnapshot;
}

export interface RenameTableOp {
  readonly kind: 'renameTable';
  readonly schema: string | null;
  readonly from: string;
  readonly to: string;
}

export interface SetTableCommentOp extends TableRef {
  readonly kind: 'setTableComment';
  readonly comment: string | null;
  /** For reverse: the comment before. */
  readonly previous?: string | null;
}

export interface AddColumnOp extends TableRef {
  readonly kind: 'addColumn';
  readonly column: ColumnSnapshot;
  /**
   * The table's new primary key, of this column alone, added in the same statement (MySQL refuses
   * an AUTO_INCREMENT column that is not a key). Absent: the column comes alone.
   */
  readonly primaryKey?: PrimaryKeySnapshot;
}

export interface DropColumnOp extends TableRef {
  readonly kind: 'dropColumn';
  readonly name: string;
  /** For reverse: the dropped column's full definition. */
  readonly column?: ColumnSnapshot;
  /** For reverse: the primary key of this column alone, which goes with it. */
  readonly primaryKey?: PrimaryKeySnapshot;
}

export interface RenameColumnOp extends TableRef {
  readonly kind: 'renameColumn';
  readonly from: string;
  readonly to: string;
}

/** The new values of an ALTER COLUMN; only present keys change. */
export interface ColumnAlterations {
  readonly type?: TypeSpec;
  readonly nullable?: boolean;
  readonly default?: DefaultSpec | null;
  readonly comment?: string | null;
  readonly autoincrement?: boolean;
  /** A collation name, or null for the default one. */
  readonly collation?: string | null;
  /** MySQL: the ON UPDATE expression, or null to remove it. */
  readonly onUpdate?: string | null;
  /** PostgreSQL identity columns: GENERATED ALWAYS (true) or BY DEFAULT (false). */
  readonly identityAlways?: boolean;
  /** MySQL / MariaDB: INVISIBLE (true) or visible (false). */
  readonly invisible?: boolean;
}

export interface AlterColumnOp extends TableRef {
  readonly kind: 'alterColumn';
  readonly name: string;
  readonly changes: ColumnAlterations;
  /** For reverse (and for dialects that restate the whole column): the values before, for the changed keys. */
  readonly previous?: ColumnAlterations;
}

export interface CreateIndexOp extends TableRef {
  readonly kind: 'createIndex';
  readonly index: IndexSnapshot;
}

export interface DropIndexOp extends TableRef {
  readonly kind: 'dropIndex';
  readonly name: string;
  /** For reverse. */
  readonly index?: IndexSnapshot;
}

export interface AddPrimaryKeyOp extends TableRef {
  readonly kind: 'addPrimaryKey';
  readonly primaryKey: PrimaryKeySnapshot;
}

export interface DropPrimaryKeyOp extends TableRef {
  readonly kind: 'dropPrimaryKey';
  readonly name: string | null;
  /** For reverse. */
  readonly primaryKey?: PrimaryKeySnapshot;
}

export interface AddForeignKeyOp extends TableRef {
  readonly kind: 'addForeignKey';
  readonly foreignKey: ForeignKeySnapshot;
}

export interface DropForeignKeyOp extends TableRef {
  readonly kind: 'dropForeignKey';
  readonly name: string;
  /** For reverse. */
  readonly foreignKey?: ForeignKeySnapshot;
}

export interface AddUniqueOp extends TableRef {
  readonly kind: 'addUnique';
  readonly unique: UniqueSnapshot;
}

export interface DropUniqueOp extends TableRef {
  readonly kind: 'dropUnique';
  readonly name: string;
  /** For reverse. */
  readonly unique?: UniqueSnapshot;
}

export interface AddCheckOp extends TableRef {
  readonly kind: 'addCheck';
  readonly check: CheckSnapshot;
}

export interface DropCheckOp extends TableRef {
  readonly kind: 'dropCheck';
  readonly name: string;
  /** For reverse. */
  readonly check?: CheckSnapshot;
}

export interface CreateEnumOp {
  readonly kind: 'createEnum';
  readonly enum: EnumSnapshot;
}

export interface DropEnumOp {
  readonly kind: 'dropEnum';
  readonly schema: string | null;
  readonly name: string;
  /** For reverse. */
  readonly enum?: EnumSnapshot;
}

export interface AddEnumValueOp {
  readonly kind: 'addEnumValue';
  readonly schema: string | null;
  readonly name: string;
  readonly value: string;
  readonly before?: string;
  readonly after?: string;
}

/**
 * Removes a value from a named enum (PostgreSQL cannot drop a value in place: the type is
 * recreated and the columns using it are converted). The reverse of addEnumValue.
 */
export interface DropEnumValueOp {
  readonly kind: 'dropEnumValue';
  readonly schema: string | null;
  readonly name: string;
  readonly value: string;
  /** For reverse: where the value stood. */
  readonly before?: string;
  readonly after?: string;
}

/** Raw SQL. `reverseSql` (optional) is what `reverse()` runs. */
export interface ExecuteOp {
  readonly kind: 'execute';
  readonly sql: string;
  readonly reverseSql?: string;
}

/** Throws when a switch over op kinds missed one; makes such switches exhaustive at compile time. */
export function assertNever(value: never, what = 'value'): never {
  throw new OperationError(`unexpected ${what}: ${JSON.stringify(value)}`);
}
