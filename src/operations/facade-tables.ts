import { OperationError } from '../errors/index.js';
import { toColumnSnapshot, type ColumnBuilder } from '../schema/index.js';
import { pickTableOptions } from '../schema/table.js';
import { conflictExtras, toConflictResolution, type ConflictAction } from '../schema/conflict-clause.js';
import { indexExtras } from '../schema/index-extras.js';
import type {
  CheckSnapshot,
  DefaultSpec,
  ForeignKeyAction,
  ForeignKeySnapshot,
  IndexSnapshot,
  TableSnapshot,
  TableSnapshotOptions,
  UniqueSnapshot,
} from '../schema/snapshot.js';
import { deepFreeze } from '../schema/snapshot.js';
import { isSql, type SqlFragment } from '../sql/sql.js';
import { sortByName } from './apply-support.js';

/** Any column builder, whatever its value type. */
export type AnyColumn = ColumnBuilder<unknown, boolean>;

/** A referential action as users write it (`'CASCADE'` or `'cascade'`). */
export type ReferentialAction = ForeignKeyAction | Lowercase<ForeignKeyAction>;

export interface ForeignKeyOptions {
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
  /** Schema of the referred table (default: the referring table's). */
  readonly referredSchema?: string | null;
}

export interface ForeignKeyDeclaration extends ForeignKeyOptions {
  readonly name: string | null;
  readonly columns: readonly string[];
  readonly referredTable: string;
  readonly referredColumns: readonly string[];
}

export interface IndexDeclaration {
  readonly name: string;
  readonly columns: readonly string[];
  readonly unique?: boolean;
  readonly where?: string | null;
  readonly expressions?: readonly string[] | null;
  readonly method?: string | null;
  /** PostgreSQL: non-key columns, `INCLUDE (...)`. */
  readonly include?: readonly string[];
  /** PostgreSQL 15+: `NULLS NOT DISTINCT`. */
  readonly nullsNotDistinct?: boolean;
}

/** A primary key or unique constraint of `op.createTable`; `onConflict`: SQLite's ON CONFLICT clause. */
export interface KeyDeclaration {
  readonly name: string | null;
  readonly columns: readonly string[];
  readonly onConflict?: ConflictAction;
}

/** Options of `op.createTable`: table-level constraints, indexes and comment. */
export interface CreateTableDeclaration extends TableSnapshotOptions {
  readonly schema?: string | null;
  readonly primaryKey?: KeyDeclaration;
  readonly foreignKeys?: readonly ForeignKeyDeclaration[];
  readonly uniques?: readonly KeyDeclaration[];
  readonly checks?: readonly { readonly name: string | null; readonly expression: string }[];
  readonly indexes?: readonly IndexDeclaration[];
  readonly comment?: string | null;
}

const ACTIONS: readonly ForeignKeyAction[] = ['CASCADE', 'SET NULL', 'SET DEFAULT', 'RESTRICT', 'NO ACTION'];

/** A user-written referential action in its SQL spelling; throws on an unknown one. */
export function toAction(action: ReferentialAction | undefined | null): ForeignKeyAction | null {
  if (action === undefined || action === null) return null;
  const upper = action.toUpperCase() as ForeignKeyAction;
  if (!ACTIONS.includes(upper)) throw new OperationError(`unknown referential action "${action}": use one of ${ACTIONS.join(', ')}`);
  return upper;
}

/** A foreign key snapshot from the facade's arguments. */
export function toForeignKey(schema: string | null, fk: ForeignKeyDeclaration): ForeignKeySnapshot {
  return {
    name: fk.name,
    columns: [...fk.columns],
    referredSchema: fk.referredSchema ?? schema,
    referredTable: fk.referredTable,
    referredColumns: [...fk.referredColumns],
    onDelete: toAction(fk.onDelete),
    onUpdate: toAction(fk.onUpdate),
    deferrable: fk.deferrable ?? Boolean(fk.initiallyDeferred),
    initiallyDeferred: fk.initiallyDeferred ?? false,
  };
}

/** An index snapshot from the facade's arguments. */
export function toIndex(ix: IndexDeclaration): IndexSnapshot {
  return {
    name: ix.name,
    columns: [...ix.columns],
    expressions: ix.expressions ? [...ix.expressions] : null,
    unique: ix.unique ?? false,
    where: ix.where ?? null,
    method: ix.method ?? null,
    ...indexExtras(ix.include, ix.nullsNotDistinct),
  };
}

/** A server default as users write it: a literal, sql`...` for an expression, null for none. */
export function toDefault(value: string | number | boolean | SqlFragment | null): DefaultSpec | null {
  if (value === null) return null;
  if (isSql(value)) {
    if (value.params.length > 0) throw new OperationError('a server default given as sql`...` cannot have parameters: write the value into the SQL');
    return { kind: 'expression', sql: value.text };
  }
  return { kind: 'literal', value };
}

/** Parses a `.references('table.column')` target (or `'schema.table.column'`). */
function parseTarget(table: string, column: string, target: unknown): { schema: string | null; table: string; column: string } {
  const parts = typeof target === 'string' ? target.split('.') : [];
  if (parts.length === 2 || parts.length === 3) {
    const [a, b, c] = parts as [string, string, string?];
    return c === undefined ? { schema: null, table: a, column: b } : { schema: a, table: b, column: c };
  }
  throw new OperationError(
    `column ${table}.${column}: in migrations, .references() takes 'table.column' (or 'schema.table.column'), not a model column`,
  );
}

/**
 * The TableSnapshot of `op.createTable(name, columns, options)`: column keys are database names;
 * column-level `.primaryKey()`, `.unique()`, `.index()` and `.references()` become the table's
 * key, constraints and indexes (an unnamed column index is named `ix_<table>_<column>`), next to
 * those of `options`.
 *
 * @example
 * ```ts
 * buildTable('post', { id: column.integer().primaryKey() }, { comment: 'posts' });
 * ```
 */
export function buildTable(name: string, columns: Readonly<Record<string, AnyColumn>>, options: CreateTableDeclaration = {}): TableSnapshot {
  const schema = options.schema ?? null;
  const entries = Object.entries(columns);
  if (entries.length === 0) throw new OperationError(`createTable ${name}: a table needs at least one column`);
  const pkColumns = entries.filter(([, b]) => b.def.primaryKey).map(([key]) => key);
  if (options.primaryKey && pkColumns.length > 0 && options.primaryKey.columns.join() !== pkColumns.join()) {
    throw new OperationError(`createTable ${name}: the primaryKey option and the columns marked .primaryKey() disagree`);
  }
  const conflict = (onConflict: ConflictAction | undefined, what: string) => conflictExtras(toConflictResolution(onConflict, `createTable ${name}, ${what}`));
  const uniques: UniqueSnapshot[] = (options.uniques ?? []).map((u) => ({ name: u.name, columns: [...u.columns], ...conflict(u.onConflict, 'unique constraint') }));
  const indexes: IndexSnapshot[] = (options.indexes ?? []).map(toIndex);
  const foreignKeys: ForeignKeySnapshot[] = (options.foreignKeys ?? []).map((fk) => toForeignKey(schema, fk));
  for (const [key, b] of entries) {
    const d = b.def;
    if (d.unique) uniques.push({ name: d.unique.name, columns: [key], ...conflictExtras(d.unique.onConflict) });
    if (d.index) indexes.push(toIndex({ name: d.index.name ?? `ix_${name}_${key}`, columns: [key] }));
    if (d.references) {
      const t = parseTarget(name, key, d.references.target);
      foreignKeys.push({
        name: d.references.name,
        columns: [key],
        referredSchema: t.schema ?? schema,
        referredTable: t.table,
        referredColumns: [t.column],
        onDelete: d.references.onDelete,
        onUpdate: d.references.onUpdate,
        deferrable: d.references.deferrable,
        initiallyDeferred: d.references.initiallyDeferred,
      });
    }
  }
  const checks: CheckSnapshot[] = (options.checks ?? []).map((c) => ({ name: c.name, expression: c.expression }));
  const pkConflict = entries.find(([, b]) => b.def.primaryKeyOnConflict !== undefined)?.[1].def.primaryKeyOnConflict;
  const primaryKey = options.primaryKey
    ? { name: options.primaryKey.name, columns: [...options.primaryKey.columns], ...conflict(options.primaryKey.onConflict ?? pkConflict, 'primary key') }
    : pkColumns.length > 0 ? { name: null, columns: pkColumns, ...conflictExtras(pkConflict) } : null;
  return deepFreeze({
    name,
    schema,
    comment: options.comment ?? null,
    columns: entries.map(([key, b]) => {
      const c = toColumnSnapshot(key, b);
      return primaryKey?.columns.includes(key) && c.nullable ? { ...c, nullable: false } : c;
    }),
    primaryKey,
    foreignKeys: sortByName(foreignKeys),
    uniques: sortByName(uniques),
    checks: sortByName(checks),
    indexes: sortByName(indexes),
    ...pickTableOptions(options),
  });
}
