import { SchemaError } from '../errors/index.js';
import type { AnyColumnBuilder } from './column-types.js';
import type { ColumnDef } from './column-def.js';
import type { ColumnSnapshot } from './snapshot.js';
import { deepFreeze } from './snapshot.js';
import { isIntegerType } from './type-spec.js';

/** What the table around a column tells about it, for the `'auto'` autoincrement rule. */
export interface ColumnContext {
  /** Number of columns in the table's primary key. Default 1 for a primary key column. */
  readonly primaryKeyColumns?: number;
  /** True when the column is part of the primary key (default: as the builder says). */
  readonly inPrimaryKey?: boolean;
  /** True when the column is part of a foreign key (default: when the builder has `.references()`). */
  readonly inForeignKey?: boolean;
}

/**
 * Whether a column autoincrements. An explicit `.autoincrement(on)` wins; `'auto'` follows
 * SQLAlchemy's rule: true for the single integer column of a primary key that is not part of a
 * foreign key.
 */
export function resolveAutoincrement(def: ColumnDef, context: ColumnContext = {}): boolean {
  if (def.autoincrement !== 'auto') return def.autoincrement;
  const inPk = context.inPrimaryKey ?? def.primaryKey;
  const inFk = context.inForeignKey ?? def.references !== null;
  return inPk && (context.primaryKeyColumns ?? 1) === 1 && isIntegerType(def.type) && !inFk;
}

/**
 * Refuses optional column parts that contradict the rest of the column, naming it in `where`:
 * a generated column with a server default or autoincrement, `identity({ always })` on a column
 * that does not autoincrement.
 */
export function checkColumnExtras(def: ColumnDef, autoincrement: boolean, where: string): void {
  const { computed, identityAlways } = def.extras;
  if (computed && def.serverDefault !== null) throw new SchemaError(`${where}: a generated column cannot have a server default`);
  if (computed && autoincrement) throw new SchemaError(`${where}: a generated column cannot autoincrement`);
  if (identityAlways && !autoincrement) throw new SchemaError(`${where}: identity({ always: true }) on a column that does not autoincrement`);
}

/**
 * Whether a column is nullable: as declared, else nullable unless it is in the primary key. A key
 * column declared nullable is refused unless the dialect keeps such columns (`nullablePrimaryKeys`: SQLite).
 */
export function resolveNullable(def: ColumnDef, inPrimaryKey: boolean, where: string, nullablePrimaryKeys = false): boolean {
  if (inPrimaryKey && def.nullability === 'nullable' && !nullablePrimaryKeys) {
    throw new SchemaError(`${where}: a primary key column cannot be declared nullable (only SQLite keeps such columns)`);
  }
  if (def.nullability === 'default') return !inPrimaryKey;
  return def.nullability === 'nullable';
}

/**
 * The {@link ColumnSnapshot} of a builder outside any table, under the database name `name`
 * (used by the `op` facade, where keys are database names). Column-level unique / index /
 * references are not part of a ColumnSnapshot; the caller handles them.
 *
 * @example
 * ```ts
 * toColumnSnapshot('title', column.string(200).notNull());
 * // { name: 'title', type: { kind: 'string', length: 200 }, nullable: false, default: null,
 * //   autoincrement: false, comment: null }
 * ```
 */
export function toColumnSnapshot(name: string, builder: AnyColumnBuilder, context: ColumnContext = {}): ColumnSnapshot {
  const def = builder.def;
  const inPk = context.inPrimaryKey ?? def.primaryKey;
  const autoincrement = resolveAutoincrement(def, context);
  checkColumnExtras(def, autoincrement, `column "${name}"`);
  return deepFreeze({
    name,
    type: def.type,
    nullable: resolveNullable(def, inPk, `column "${name}"`),
    default: def.serverDefault,
    autoincrement,
    comment: def.comment,
    ...def.extras,
  });
}
