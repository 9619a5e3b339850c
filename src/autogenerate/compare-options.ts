import type { Dialect } from '../engine/dialect.js';
import type {
  CheckSnapshot,
  ColumnSnapshot,
  EnumSnapshot,
  ForeignKeySnapshot,
  IndexSnapshot,
  PrimaryKeySnapshot,
  TableSnapshot,
  UniqueSnapshot,
} from '../schema/snapshot.js';
import type { ComparatorRegistry } from './comparator.js';

/** The part of a {@link Dialect} that compare, describe and the destructive check use. */
export type CompareDialect = Pick<Dialect, 'name' | 'capabilities' | 'types' | 'normalizer'>;

/** Table names, or a predicate over a table name. */
export type TableFilter = readonly string[] | ((name: string) => boolean);

/** A table rename decided by a person (prompt, `--rename old:new`, config). */
export interface TableRename {
  readonly from: string;
  readonly to: string;
}

/**
 * A column rename decided by a person (`--rename post.body:content`). `table` is the table's
 * name in the target (its new name when the table is renamed too; the old name is accepted).
 */
export interface ColumnRename {
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

/** Renames that compare turns into renameTable / renameColumn ops instead of drop + add. */
export interface RenameDecisions {
  readonly tables?: readonly TableRename[];
  readonly columns?: readonly ColumnRename[];
}

/** The objects a {@link CompareHook} can be asked about, by comparison kind. */
export interface CompareHookObjects {
  /** A table's presence (one side null: the table is added or dropped). */
  readonly table: TableSnapshot;
  readonly tableComment: TableSnapshot;
  /** A column's presence (one side null: the column is added or dropped). */
  readonly column: ColumnSnapshot;
  readonly type: ColumnSnapshot;
  readonly nullable: ColumnSnapshot;
  readonly default: ColumnSnapshot;
  readonly autoincrement: ColumnSnapshot;
  readonly comment: ColumnSnapshot;
  readonly collation: ColumnSnapshot;
  readonly onUpdate: ColumnSnapshot;
  /** PostgreSQL identity kind (GENERATED ALWAYS / BY DEFAULT). */
  readonly identity: ColumnSnapshot;
  /** MySQL / MariaDB: INVISIBLE or visible. */
  readonly invisible: ColumnSnapshot;
  /** A generated column's definition (differences are warnings, never operations). */
  readonly computed: ColumnSnapshot;
  readonly primaryKey: PrimaryKeySnapshot;
  readonly foreignKey: ForeignKeySnapshot;
  readonly index: IndexSnapshot;
  readonly unique: UniqueSnapshot;
  readonly check: CheckSnapshot;
  readonly enum: EnumSnapshot;
}

/** What a comparison is about. */
export type CompareKind = keyof CompareHookObjects;

/**
 * One comparison handed to a {@link CompareHook}. `table` is the table's target name (null for
 * enums), `name` the object's name (column, constraint, index, enum; null when unnamed).
 * For presence checks one side is null.
 */
export type CompareHookContext = {
  readonly [K in CompareKind]: {
    readonly kind: K;
    readonly table: string | null;
    readonly name: string | null;
    readonly target: CompareHookObjects[K] | null;
    readonly current: CompareHookObjects[K] | null;
  };
}[CompareKind];

/**
 * Consulted for every comparison: `'same'` suppresses the change (for a presence check: no add or
 * drop), `'different'` forces one, `'default'` lets retort decide.
 *
 * @example
 * ```ts
 * const hook: CompareHook = (c) => (c.kind === 'default' && c.name === 'updated_at' ? 'same' : 'default');
 * ```
 */
export type CompareHook = (context: CompareHookContext) => 'same' | 'different' | 'default';

/** Something compare wants a person to know about that is not an operation. */
export interface CompareWarning {
  readonly table: string | null;
  readonly message: string;
}

/** Options of {@link compare}. */
export interface CompareOptions {
  readonly dialect: CompareDialect;
  /** Only these tables (names or a predicate). Default: all. */
  readonly include?: TableFilter;
  /** Leave out these tables (names or a predicate). */
  readonly exclude?: TableFilter;
  /** Tables never compared, on either side (the version table). */
  readonly ignoreTables?: readonly string[];
  /** Decided renames (see `resolveRenames`). Anything not listed is a drop + add. */
  readonly renames?: RenameDecisions;
  readonly hook?: CompareHook;
  /** Receives what compare cannot express as an operation (an enum whose values were reordered). */
  readonly onWarning?: (warning: CompareWarning) => void;
  /** Comparators to use instead of the default registry. */
  readonly comparators?: ComparatorRegistry;
  /**
   * The target is a reflected database, not models (`retort diff`): what a model may leave
   * undeclared (a collation, an identity kind) is compared too, its absence meaning the default.
   */
  readonly targetIsDatabase?: boolean;
}
