import { SchemaError } from '../errors/index.js';
import type { ColumnsShape, RowOf } from '../schema/column-types.js';
import type { MetaData } from '../schema/metadata.js';
import type { Table, TableColumns } from '../schema/table.js';
import { userCallSite } from './call-site.js';
import { ModelRegistry, type ModelEntry } from './model-registry.js';
import type { ModelClass, ModelOptions } from './model-types.js';

/** What `Model.base(metadata)` returns: the factory of model base classes for one MetaData. */
export interface ModelBase {
  readonly metadata: MetaData;
  /**
   * A base class for one model: extend it with a named class. The table name is
   * `options.tableName`, else snake_case of the class name, known once the class is first used
   * (`Post.table`, `Post.columns`, `new Post()`, a reference or relationship reaching it) or given
   * to `metadata.registerModels()`.
   */
  table<C extends ColumnsShape>(columns: C, options?: ModelOptions): ModelClass<C>;
}

function makeBase(metadata: MetaData): ModelBase {
  const registry = ModelRegistry.of(metadata);
  return Object.freeze({
    metadata,
    table<C extends ColumnsShape>(columns: C, options: ModelOptions = {}): ModelClass<C> {
      if (typeof columns !== 'object' || columns === null) throw new SchemaError('Base.table(): columns must be an object of column builders');
      const callSite = userCallSite();
      // The entry is completed right after the class exists; the class needs the entry.
      const entry = { columns, options, callSite, bound: null, table: null } as unknown as ModelEntry;

      class ModelBaseClass {
        constructor(init?: Partial<RowOf<C>>) {
          registry.bind(entry, new.target);
          if (init !== undefined) Object.assign(this, init);
        }

        static get table(): Table<C> {
          return registry.bind(entry, this) as Table<C>;
        }

        static get columns(): TableColumns<C> {
          return (registry.bind(entry, this) as Table<C>).columns;
        }

        static get tableName(): string {
          return registry.bind(entry, this).name;
        }

        static get metadata(): MetaData {
          return metadata;
        }
      }
      entry.generated = ModelBaseClass;
      registry.define(entry);
      return ModelBaseClass as unknown as ModelClass<C>;
    },
  });
}

/**
 * Declarative models: classes whose columns are declared once, and whose instance types are
 * inferred from those declarations.
 *
 * @example
 * ```ts
 * const Base = Model.base(metadata);
 * const timestamps = { createdAt: column.dateTime().notNull().serverDefault(sql`CURRENT_TIMESTAMP`) };
 *
 * export class User extends Base.table({ id: column.integer().primaryKey(), email: column.string(255).notNull().unique(), ...timestamps }) {}
 * export class BlogPost extends Base.table({
 *   id: column.integer().primaryKey(),
 *   authorId: column.integer().notNull().references(() => User.columns.id, { onDelete: 'cascade' }),
 *   title: column.string(200).notNull(),
 *   summary: column.text(),
 * }) {
 *   static author = relationship(() => User);
 * }
 * BlogPost.tableName;                // 'blog_post'
 * const post = new BlogPost({ title: 'Hello' });
 * post.summary;                      // string | null
 * ```
 */
export const Model = Object.freeze({
  /** The model base factory of a MetaData (see {@link ModelBase}). */
  base(metadata: MetaData): ModelBase {
    return makeBase(metadata);
  },
});

/** True when `value` is a model class (a class extending a `Base.table()` class) of `metadata`. */
export function isModelClass(value: unknown, metadata: MetaData): boolean {
  const entry = ModelRegistry.of(metadata).entryOf(value);
  return entry !== undefined && value !== entry.generated;
}
