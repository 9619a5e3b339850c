import type { LazyReference } from '../schema/column-def.js';
import type { Table } from '../schema/table.js';

/** Options of {@link relationship}. */
export interface RelationshipOptions {
  /** The name of the relationship on the target class that points back at this one. */
  readonly backPopulates?: string;
  /**
   * Many-to-many through an association table: a function returning an existing Table (or
   * model), or a table name, in which case retort creates the table: columns
   * `<left_table>_<left_pk>` and `<right_table>_<right_pk>`, a composite primary key of both, and
   * foreign keys to both sides with ON DELETE CASCADE.
   */
  readonly secondary?: (() => Table | { readonly table: Table }) | string;
  /**
   * The foreign key column(s) to use when several link the two tables: a column key or database
   * name (of either table), or a function returning a column or columns.
   */
  readonly foreignKey?: string | LazyReference;
}

/** How a resolved relationship links its two tables. */
export type RelationshipDirection = 'oneToMany' | 'manyToOne' | 'manyToMany' | 'selfReferential';

/** What resolution found out about a relationship. */
export interface ResolvedRelationship {
  /** The property name on the owning class. */
  readonly key: string;
  readonly direction: RelationshipDirection;
  /** The association table of a many-to-many relationship. */
  readonly secondary: Table | null;
  /** The table holding the foreign key(s) (the child, or the association table). */
  readonly foreignKeyTable: Table;
}

/**
 * A relationship between two model classes, declared as a static member of the owning class.
 * Resolution (on `metadata.snapshot()`, `createAll()`, `metadata.tables`) checks that a foreign
 * key links the tables, and creates the association table of a many-to-many relationship whose
 * `secondary` is a name. Loading related rows is not part of this layer.
 *
 * @example
 * ```ts
 * class BlogPost extends Base.table({ id: column.integer().primaryKey(), authorId: column.integer().references(() => User.columns.id) }) {
 *   static author = relationship(() => User, { backPopulates: 'posts' });
 *   static tags = relationship(() => Tag, { secondary: 'post_tag' });
 * }
 * ```
 */
export class Relationship<T = unknown> {
  readonly kind = 'relationship' as const;
  #resolved: ResolvedRelationship | null = null;

  constructor(
    /** Returns the target model class (a function, so that classes can refer to each other). */
    readonly target: () => T,
    readonly options: RelationshipOptions = {},
  ) {}

  /** What resolution found, or null before the MetaData was resolved. */
  get resolved(): ResolvedRelationship | null {
    return this.#resolved;
  }

  /** @internal Set by the model registry once. */
  setResolved(resolved: ResolvedRelationship): void {
    this.#resolved = Object.freeze(resolved);
  }
}

/**
 * Declares a relationship to another model class. See {@link Relationship}.
 *
 * @example
 * ```ts
 * static posts = relationship(() => BlogPost, { backPopulates: 'author' });
 * ```
 */
export function relationship<T>(target: () => T, options: RelationshipOptions = {}): Relationship<T> {
  return new Relationship(target, options);
}

/** True when `value` is a {@link Relationship}. */
export function isRelationship(value: unknown): value is Relationship {
  return value instanceof Relationship;
}
