import { SchemaError } from '../errors/index.js';
import type { ColumnSnapshot, ConflictResolution, DefaultSpec, ForeignKeyAction } from './snapshot.js';
import type { TypeSpec } from './type-spec.js';

/**
 * A referential action as users write it: the SQL spelling (`'SET NULL'`) or its lower-case
 * form (`'set null'`).
 */
export type ReferentialAction = ForeignKeyAction | Lowercase<ForeignKeyAction>;

/**
 * A lazily evaluated reference target: a function returning a column (`() => User.columns.id`),
 * a table, a model class, or a list of columns, called when the schema is resolved.
 *
 * It is typed as `Function` on purpose: a precise `() => Column` type makes TypeScript resolve the
 * referred model's type while it is still inferring the referring model's base class, which fails
 * with TS2506 as soon as two models refer to each other. What the function returns is checked
 * when the schema is resolved, with a {@link SchemaError} naming the table and column.
 */
export type LazyReference = Function;

/** Options of a foreign key (column `.references()` and {@link ForeignKeyConstraint}). */
export interface ForeignKeyOptions {
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  /** DEFERRABLE (PostgreSQL, SQLite). */
  readonly deferrable?: boolean;
  /** INITIALLY DEFERRED; implies `deferrable`. */
  readonly initiallyDeferred?: boolean;
  /** Explicit constraint name; wins over the naming convention. */
  readonly name?: string;
}

/** A column-level foreign key as declared by `.references()`. */
export interface ReferenceDef {
  /** `'table.column'` (or `'schema.table.column'`), or a {@link LazyReference}. */
  readonly target: string | LazyReference;
  readonly onDelete: ForeignKeyAction | null;
  readonly onUpdate: ForeignKeyAction | null;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  readonly name: string | null;
}

/** A client-side default, applied by retort when a row is inserted without the value. */
export type ClientDefault =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'function'; readonly fn: () => unknown };

/** How nullability was declared: not at all, `.nullable()`, or `.notNull()`. */
export type Nullability = 'default' | 'nullable' | 'notNull';

/**
 * Everything a column builder carries, as plain frozen data. Builders are immutable: each
 * modifier returns a new builder with a new ColumnDef.
 */
export interface ColumnDef {
  readonly type: TypeSpec;
  readonly nullability: Nullability;
  readonly primaryKey: boolean;
  /** SQLite: the ON CONFLICT clause of the key, declared with `.primaryKey({ onConflict })`; absent: none. */
  readonly primaryKeyOnConflict?: ConflictResolution;
  readonly clientDefault: ClientDefault | null;
  readonly serverDefault: DefaultSpec | null;
  /** Column-level UNIQUE; `name` null lets the naming convention choose; `onConflict`: SQLite's clause, absent for none. */
  readonly unique: { readonly name: string | null; readonly onConflict?: ConflictResolution } | null;
  /** Column-level index; `name` null lets the naming convention choose. */
  readonly index: { readonly name: string | null } | null;
  /** `'auto'`: SQLAlchemy's rule (the single integer primary key column without a foreign key). */
  readonly autoincrement: 'auto' | boolean;
  /** Declared with `.identity()`: autoincrement, spelled as an identity column where the dialect has one. */
  readonly identity: boolean;
  readonly comment: string | null;
  readonly references: ReferenceDef | null;
  /** Explicit database name (`.name()`); null means snake_case of the key. */
  readonly name: string | null;
  /** The optional column properties, copied as they are into the column's snapshot. */
  readonly extras: ColumnExtras;
}

/**
 * The optional parts of a {@link ColumnSnapshot}, declared with `.computed()`, `.collate()`,
 * `.onUpdate()`, `.identity({ always: true })` and `.invisible()`; a key is present only when declared.
 */
export type ColumnExtras = Pick<ColumnSnapshot, 'computed' | 'collation' | 'onUpdate' | 'identityAlways' | 'invisible'>;

/** The extras of a column that declares none (shared, frozen). */
export const NO_EXTRAS: ColumnExtras = Object.freeze({});

/** The optional parts a column snapshot carries (only the keys it has). */
export function columnExtras(c: ColumnSnapshot): ColumnExtras {
  return {
    ...(c.computed !== undefined ? { computed: c.computed } : {}),
    ...(c.collation !== undefined ? { collation: c.collation } : {}),
    ...(c.onUpdate !== undefined ? { onUpdate: c.onUpdate } : {}),
    ...(c.identityAlways !== undefined ? { identityAlways: c.identityAlways } : {}),
    ...(c.invisible !== undefined ? { invisible: c.invisible } : {}),
  };
}

const ACTIONS: readonly ForeignKeyAction[] = ['CASCADE', 'SET NULL', 'SET DEFAULT', 'RESTRICT', 'NO ACTION'];

/**
 * Normalises a user-written referential action to its SQL spelling; `where` names the column or
 * constraint for the error raised on an unknown action (a function: built only for the error).
 */
export function toForeignKeyAction(action: ReferentialAction | undefined | null, where: string | (() => string)): ForeignKeyAction | null {
  if (action === undefined || action === null) return null;
  const upper = String(action).toUpperCase().replace(/\s+/g, ' ').trim();
  const found = ACTIONS.find((a) => a === upper);
  if (!found) {
    throw new SchemaError(`${typeof where === 'string' ? where : where()}: unknown referential action "${String(action)}"; use one of ${ACTIONS.join(', ')}`);
  }
  return found;
}
