import type { ColumnsShape, RowOf } from '../schema/column-types.js';
import type { Constraint } from '../schema/constraints.js';
import type { MetaData } from '../schema/metadata.js';
import type { TableSnapshotOptions } from '../schema/snapshot.js';
import type { Table, TableColumns } from '../schema/table.js';

/** Options of `Base.table(columns, options)` (the dialect ones: see {@link TableSnapshotOptions}). */
export interface ModelOptions extends TableSnapshotOptions {
  /** The table name; default: snake_case of the class name (`BlogPost` -> `blog_post`). */
  readonly tableName?: string;
  readonly comment?: string;
  /** PostgreSQL schema / MySQL database; default: the MetaData's schema. */
  readonly schema?: string;
  /** Table-level constraints and indexes; their columns may be keys or database names. */
  readonly constraints?: readonly Constraint[];
}

/**
 * The class `Base.table(columns)` returns, to be extended by a model class. Instances have one
 * property per column, typed from the declaration; the static side gives the schema Table, its
 * typed columns and the table name.
 */
export interface ModelClass<C extends ColumnsShape> {
  new (init?: Partial<RowOf<C>>): RowOf<C>;
  /** The schema Table of the model. */
  readonly table: Table<C>;
  /** The table's columns by key: `Post.columns.authorId`, usable in `.references(() => ...)`. */
  readonly columns: TableColumns<C>;
  /** The database table name. */
  readonly tableName: string;
  /** The MetaData the model belongs to. */
  readonly metadata: MetaData;
}

/** Any model class, whatever its columns. */
export type AnyModelClass = ModelClass<ColumnsShape>;

/** The instance type of a model class. */
export type InstanceOf<M> = M extends abstract new (...args: never[]) => infer I ? I : never;
