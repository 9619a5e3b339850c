import { SchemaError } from '../errors/index.js';
import { isSql, type SqlFragment } from '../sql/sql.js';
import type { ForeignKeyOptions, LazyReference } from './column-def.js';
import { toForeignKeyAction } from './column-def.js';
import { toConflictResolution, type ConflictAction } from './conflict-clause.js';
import type { ConflictResolution, ForeignKeyAction } from './snapshot.js';

/** The empty list of an Index without INCLUDE columns, shared. */
const NO_COLUMNS: readonly string[] = Object.freeze([]);

function columnList(columns: readonly string[], what: string): readonly string[] {
  if (!Array.isArray(columns) || columns.length === 0) throw new SchemaError(`${what}: needs at least one column`);
  for (const c of columns) {
    if (typeof c !== 'string' || c === '') throw new SchemaError(`${what}: column names must be non-empty strings`);
  }
  return Object.freeze([...columns]);
}

function optionalName(name: string | undefined | null, what: string): string | null {
  if (name === undefined || name === null) return null;
  if (typeof name !== 'string' || name === '') throw new SchemaError(`${what}: a name must be a non-empty string`);
  return name;
}

/** The SQL text of a DDL expression; fragments must not carry parameters. */
export function ddlText(value: string | SqlFragment, what: string): string {
  if (isSql(value)) {
    if (value.params.length > 0) throw new SchemaError(`${what}: DDL cannot bind parameters (${value.text}); use sql.raw`);
    return value.text;
  }
  if (typeof value !== 'string' || value.trim() === '') throw new SchemaError(`${what}: expected SQL text or sql\`...\``);
  return value;
}

/** Options of a {@link PrimaryKeyConstraint} or {@link UniqueConstraint}. */
export interface KeyConstraintOptions {
  /** Explicit constraint name; wins over the naming convention. */
  readonly name?: string;
  /**
   * SQLite only: the constraint's `ON CONFLICT` clause (`'replace'`, `'ignore'`, `'fail'`,
   * `'rollback'`, `'abort'`), what an INSERT or UPDATE that breaks it does. Refused on other dialects.
   */
  readonly onConflict?: ConflictAction;
}

/**
 * A PRIMARY KEY over one or more columns (keys or database names), for keys that
 * `.primaryKey()` on columns cannot express by itself, or to name the constraint.
 *
 * @example
 * ```ts
 * new Table(metadata, 'order_item', { orderId: column.integer(), productId: column.integer() },
 *   new PrimaryKeyConstraint(['orderId', 'productId'], { name: 'pk_order_item' }));
 * new PrimaryKeyConstraint(['id'], { onConflict: 'replace' }) // SQLite: PRIMARY KEY ("id") ON CONFLICT REPLACE
 * ```
 */
export class PrimaryKeyConstraint {
  readonly kind = 'primaryKey' as const;
  readonly columns: readonly string[];
  readonly name: string | null;
  /** SQLite ON CONFLICT clause; null for none. */
  readonly onConflict: ConflictResolution | null;

  constructor(columns: readonly string[], options: KeyConstraintOptions = {}) {
    this.columns = columnList(columns, 'PrimaryKeyConstraint');
    this.name = optionalName(options.name, 'PrimaryKeyConstraint');
    this.onConflict = toConflictResolution(options.onConflict, 'PrimaryKeyConstraint') ?? null;
    Object.freeze(this);
  }
}

/**
 * A UNIQUE constraint over one or more columns (keys or database names).
 *
 * @example
 * ```ts
 * new UniqueConstraint(['authorId', 'slug'], { name: 'uq_post_author_slug' })
 * new UniqueConstraint(['email'], { onConflict: 'replace' }) // SQLite: UNIQUE ("email") ON CONFLICT REPLACE
 * ```
 */
export class UniqueConstraint {
  readonly kind = 'unique' as const;
  readonly columns: readonly string[];
  readonly name: string | null;
  /** SQLite ON CONFLICT clause; null for none. */
  readonly onConflict: ConflictResolution | null;

  constructor(columns: readonly string[], options: KeyConstraintOptions = {}) {
    this.columns = columnList(columns, 'UniqueConstraint');
    this.name = optionalName(options.name, 'UniqueConstraint');
    this.onConflict = toConflictResolution(options.onConflict, 'UniqueConstraint') ?? null;
    Object.freeze(this);
  }
}

/** The options that make a copy of a key constraint (its name and conflict clause). */
export function keyConstraintOptions(c: { readonly name: string | null; readonly onConflict: ConflictResolution | null }): KeyConstraintOptions {
  return { ...(c.name ? { name: c.name } : {}), ...(c.onConflict ? { onConflict: c.onConflict } : {}) };
}

/**
 * A CHECK constraint; the expression uses database column names.
 *
 * @example
 * ```ts
 * new CheckConstraint('price >= 0', 'price_not_negative')
 * new CheckConstraint(sql`length(code) = 3`)
 * ```
 */
export class CheckConstraint {
  readonly kind = 'check' as const;
  readonly expression: string;
  readonly name: string | null;

  constructor(expression: string | SqlFragment, name?: string) {
    this.expression = ddlText(expression, 'CheckConstraint');
    this.name = optionalName(name, 'CheckConstraint');
    Object.freeze(this);
  }
}

/**
 * A FOREIGN KEY, possibly over several columns. The referred table is a name (`'user'`,
 * `'auth.user'`) or a function returning a Table or model class; the referred columns are
 * column keys or database names of that table, and default to its primary key. The function
 * may also return the referred columns themselves (`() => [Order.columns.id, Order.columns.tenantId]`).
 *
 * @example
 * ```ts
 * new ForeignKeyConstraint(['orderId', 'tenantId'], 'order', ['id', 'tenant_id'], { onDelete: 'cascade' })
 * new ForeignKeyConstraint(['authorId'], () => User, undefined, { onDelete: 'set null' })
 * ```
 */
export class ForeignKeyConstraint {
  readonly kind = 'foreignKey' as const;
  readonly columns: readonly string[];
  readonly referred: string | LazyReference;
  /** null: the referred table's primary key, or the columns the function returns. */
  readonly referredColumns: readonly string[] | null;
  readonly onDelete: ForeignKeyAction | null;
  readonly onUpdate: ForeignKeyAction | null;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  readonly name: string | null;

  constructor(
    columns: readonly string[],
    referred: string | LazyReference,
    referredColumns?: readonly string[] | null,
    options: ForeignKeyOptions = {},
  ) {
    this.columns = columnList(columns, 'ForeignKeyConstraint');
    if (typeof referred !== 'function' && (typeof referred !== 'string' || referred === '')) {
      throw new SchemaError('ForeignKeyConstraint: the referred table must be a name or a function returning a table, model or columns');
    }
    this.referred = referred;
    this.referredColumns = referredColumns == null ? null : columnList(referredColumns, 'ForeignKeyConstraint referred columns');
    if (this.referredColumns && this.referredColumns.length !== this.columns.length) {
      throw new SchemaError(
        `ForeignKeyConstraint (${this.columns.join(', ')}): ${this.columns.length} column(s) refer to ${this.referredColumns.length} column(s)`,
      );
    }
    // the label of error messages, built only for one (a model declares thousands of keys)
    const where = (): string => `ForeignKeyConstraint (${this.columns.join(', ')})`;
    this.onDelete = toForeignKeyAction(options.onDelete, where);
    this.onUpdate = toForeignKeyAction(options.onUpdate, where);
    this.deferrable = options.deferrable === true || options.initiallyDeferred === true;
    this.initiallyDeferred = options.initiallyDeferred === true;
    this.name = options.name === undefined || options.name === null ? null : optionalName(options.name, where());
    Object.freeze(this);
  }

  /** @internal The same foreign key over other local columns (database names after resolution). */
  withColumns(columns: readonly string[]): ForeignKeyConstraint {
    return new ForeignKeyConstraint(columns, this.referred, this.referredColumns, {
      ...(this.onDelete ? { onDelete: this.onDelete } : {}),
      ...(this.onUpdate ? { onUpdate: this.onUpdate } : {}),
      deferrable: this.deferrable,
      initiallyDeferred: this.initiallyDeferred,
      ...(this.name ? { name: this.name } : {}),
    });
  }
}

/** Options of an {@link Index}. */
export interface IndexOptions {
  readonly unique?: boolean;
  /** Partial index predicate (PostgreSQL, SQLite). */
  readonly where?: string | SqlFragment;
  /** Index method when not the default (PostgreSQL `gin`, `gist`, ...). */
  readonly method?: string;
  /** PostgreSQL 11+: non-key columns (keys or database names) stored in the index, `INCLUDE (...)`. */
  readonly include?: readonly string[];
  /** PostgreSQL 15+: a unique index that treats NULLs as equal, `NULLS NOT DISTINCT`. */
  readonly nullsNotDistinct?: boolean;
}

/**
 * An index over columns (keys or database names) and/or SQL expressions. A null name lets the
 * naming convention choose.
 *
 * @example
 * ```ts
 * new Index(null, ['authorId', 'createdAt'])
 * new Index('ix_user_lower_email', [sql`lower(email)`], { unique: true })
 * new Index(null, ['status'], { where: "status <> 'archived'" })
 * new Index(null, ['email'], { unique: true, include: ['name'], nullsNotDistinct: true })
 * ```
 */
export class Index {
  readonly kind = 'index' as const;
  readonly name: string | null;
  /** Column names (strings) and expressions (SQL text in `{ expression }`). */
  readonly elements: readonly (string | { readonly expression: string })[];
  readonly unique: boolean;
  readonly where: string | null;
  readonly method: string | null;
  /** INCLUDE columns, empty for none. */
  readonly include: readonly string[];
  readonly nullsNotDistinct: boolean;

  constructor(name: string | null, columns: readonly (string | SqlFragment | { readonly expression: string })[], options: IndexOptions = {}) {
    this.name = optionalName(name, 'Index');
    if (!Array.isArray(columns) || columns.length === 0) throw new SchemaError(`Index${this.name ? ` "${this.name}"` : ''}: needs at least one column`);
    this.elements = Object.freeze(
      columns.map((c) => {
        if (typeof c === 'string') return c;
        if (isSql(c)) return Object.freeze({ expression: ddlText(c, 'Index expression') });
        if (typeof c === 'object' && c !== null && typeof c.expression === 'string') return Object.freeze({ expression: c.expression });
        throw new SchemaError('Index: elements must be column names or sql`...` expressions');
      }),
    );
    this.unique = options.unique === true;
    this.where = options.where === undefined ? null : ddlText(options.where, 'Index where');
    this.method = options.method ?? null;
    this.include = options.include === undefined || options.include.length === 0 ? NO_COLUMNS : Object.freeze([...options.include]);
    this.nullsNotDistinct = options.nullsNotDistinct === true;
    Object.freeze(this);
  }
}

/** Anything a Table accepts after its columns, besides a plain options object. */
export type Constraint = PrimaryKeyConstraint | ForeignKeyConstraint | UniqueConstraint | CheckConstraint | Index;

/** True when `value` is one of the constraint / index classes. */
export function isConstraint(value: unknown): value is Constraint {
  return value instanceof PrimaryKeyConstraint || value instanceof ForeignKeyConstraint || value instanceof UniqueConstraint
    || value instanceof CheckConstraint || value instanceof Index;
}
