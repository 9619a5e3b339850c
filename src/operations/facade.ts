import { OperationError } from '../errors/index.js';
import { conflictExtras, toConflictResolution, type ConflictAction } from '../schema/conflict-clause.js';
import { toColumnSnapshot } from '../schema/index.js';
import { rewritePlaceholders } from '../sql/placeholders.js';
import { isSql, type SqlFragment } from '../sql/sql.js';
import type { MigrationContext } from './context.js';
import {
  buildTable,
  toDefault,
  toForeignKey,
  toIndex,
  type AnyColumn,
  type CreateTableDeclaration,
  type ForeignKeyOptions,
} from './facade-tables.js';
import type { ColumnAlterations, Operation } from './operation.js';

/** The trailing `{ schema }` option of the table-level methods. */
export interface InSchema {
  readonly schema?: string | null;
}

/** Options of `op.addColumn`. */
export interface AddColumnOptions extends InSchema {
  /** The new column is the table's primary key, added with it (true, or the key's name). */
  readonly primaryKey?: boolean | string;
}

/** SQLite: the ON CONFLICT clause of a primary key or unique constraint (`'replace'`, `'ignore'`, ...). */
export interface ConflictOption {
  readonly onConflict?: ConflictAction;
}

/** What identifies an unnamed foreign key to `op.dropForeignKey(null, ...)`. */
export interface UnnamedForeignKey {
  readonly columns?: readonly string[];
  readonly referredTable?: string;
  readonly referredColumns?: readonly string[];
}

/** What `op.alterColumn` can change; only the given keys change. */
export interface AlterColumnChanges {
  /** The new type, as a column builder (only its type is used). */
  readonly type?: AnyColumn;
  readonly nullable?: boolean;
  /** A literal, sql`...` for an expression, or null to drop the default. */
  readonly serverDefault?: string | number | boolean | SqlFragment | null;
  readonly comment?: string | null;
  readonly autoincrement?: boolean;
  /** A collation name, or null for the default one. */
  readonly collation?: string | null;
  /** MySQL: the ON UPDATE expression (sql`CURRENT_TIMESTAMP`), or null to remove it. */
  readonly onUpdate?: string | SqlFragment | null;
  /** PostgreSQL identity columns: GENERATED ALWAYS (true) or BY DEFAULT (false). */
  readonly identityAlways?: boolean;
  /** MySQL / MariaDB: INVISIBLE (true) or visible (false). */
  readonly invisible?: boolean;
}

export interface CreateIndexOptions extends InSchema {
  readonly unique?: boolean;
  /** Partial index predicate (PostgreSQL, SQLite). */
  readonly where?: string;
  /** Expression elements, e.g. `['lower("email")']` (replace `columns` in the index body). */
  readonly expressions?: readonly string[];
  /** Index method (PostgreSQL `gin`, `gist`, ...). */
  readonly method?: string;
  /** PostgreSQL 11+: non-key columns stored in the index, `INCLUDE (...)`. */
  readonly include?: readonly string[];
  /** PostgreSQL 15+: a unique index that treats NULLs as equal, `NULLS NOT DISTINCT`. */
  readonly nullsNotDistinct?: boolean;
}

/**
 * The `op` object migration files receive: each method builds an operation and runs it through
 * the migration context (so online and `--sql` runs emit the same statements). Table and column
 * names are database names. Each table-level method takes `{ schema }` as a trailing option.
 *
 * @example
 * ```ts
 * export async function upgrade(op: Operations) {
 *   await op.addColumn('post', 'summary', column.string(300));
 *   await op.createIndex('ix_post_author_id', 'post', ['author_id']);
 * }
 * ```
 */
export class Operations {
  readonly #context: MigrationContext;

  constructor(context: MigrationContext) {
    this.#context = context;
  }

  #run(op: Operation): Promise<void> {
    return this.#context.run(op);
  }

  /** CREATE TABLE, with column-level and `options` constraints and indexes. */
  async createTable(name: string, columns: Readonly<Record<string, AnyColumn>>, options: CreateTableDeclaration = {}): Promise<void> {
    return this.#run({ kind: 'createTable', table: buildTable(name, columns, options) });
  }

  async dropTable(name: string, options: InSchema = {}): Promise<void> {
    return this.#run({ kind: 'dropTable', schema: options.schema ?? null, name });
  }

  async renameTable(from: string, to: string, options: InSchema = {}): Promise<void> {
    return this.#run({ kind: 'renameTable', schema: options.schema ?? null, from, to });
  }

  /**
   * ADD COLUMN. `{ primaryKey: true }` (or the key's name) makes the new column the table's primary
   * key in the same statement: what MySQL needs for an AUTO_INCREMENT column, which must be a key
   * the moment it exists.
   */
  async addColumn(table: string, name: string, column: AnyColumn, options: AddColumnOptions = {}): Promise<void> {
    const key = options.primaryKey;
    const primaryKey = key === undefined || key === false ? undefined : { name: typeof key === 'string' ? key : null, columns: [name] };
    return this.#run({ kind: 'addColumn', schema: options.schema ?? null, table, column: toColumnSnapshot(name, column), ...(primaryKey ? { primaryKey } : {}) });
  }

  async dropColumn(table: string, name: string, options: InSchema = {}): Promise<void> {
    return this.#run({ kind: 'dropColumn', schema: options.schema ?? null, table, name });
  }

  async renameColumn(table: string, from: string, to: string, options: InSchema = {}): Promise<void> {
    return this.#run({ kind: 'renameColumn', schema: options.schema ?? null, table, from, to });
  }

  /** ALTER COLUMN: changes the given keys only. */
  async alterColumn(table: string, name: string, changes: AlterColumnChanges, options: InSchema = {}): Promise<void> {
    const c: { -readonly [K in keyof ColumnAlterations]: ColumnAlterations[K] } = {};
    if (changes.type !== undefined) c.type = toColumnSnapshot(name, changes.type).type;
    if (changes.nullable !== undefined) c.nullable = changes.nullable;
    if (changes.serverDefault !== undefined) c.default = toDefault(changes.serverDefault);
    if (changes.comment !== undefined) c.comment = changes.comment;
    if (changes.autoincrement !== undefined) c.autoincrement = changes.autoincrement;
    if (changes.collation !== undefined) c.collation = changes.collation;
    if (changes.onUpdate !== undefined) c.onUpdate = changes.onUpdate === null || typeof changes.onUpdate === 'string' ? changes.onUpdate : changes.onUpdate.text;
    if (changes.identityAlways !== undefined) c.identityAlways = changes.identityAlways;
    if (changes.invisible !== undefined) c.invisible = changes.invisible;
    if (Object.keys(c).length === 0) throw new OperationError(`alterColumn ${table}.${name}: nothing to change`);
    return this.#run({ kind: 'alterColumn', schema: options.schema ?? null, table, name, changes: c });
  }

  async createIndex(name: string, table: string, columns: readonly string[], options: CreateIndexOptions = {}): Promise<void> {
    return this.#run({ kind: 'createIndex', schema: options.schema ?? null, table, index: toIndex({ ...options, name, columns }) });
  }

  async dropIndex(name: string, table: string, options: InSchema = {}): Promise<void> {
    return this.#run({ kind: 'dropIndex', schema: options.schema ?? null, table, name });
  }

  /** ADD PRIMARY KEY; `onConflict` (SQLite): the key's ON CONFLICT clause. */
  async createPrimaryKey(name: string | null, table: string, columns: readonly string[], options: InSchema & ConflictOption = {}): Promise<void> {
    const primaryKey = { name, columns: [...columns], ...conflictExtras(toConflictResolution(options.onConflict, `createPrimaryKey on ${table}`)) };
    return this.#run({ kind: 'addPrimaryKey', schema: options.schema ?? null, table, primaryKey });
  }

  async dropPrimaryKey(name: string | null, table: string, options: InSchema = {}): Promise<void> {
    return this.#run({ kind: 'dropPrimaryKey', schema: options.schema ?? null, table, name });
  }

  async createForeignKey(
    name: string | null,
    table: string,
    columns: readonly string[],
    referredTable: string,
    referredColumns: readonly string[],
    options: ForeignKeyOptions & InSchema = {},
  ): Promise<void> {
    const schema = options.schema ?? null;
    const foreignKey = toForeignKey(schema, { ...options, name, columns, referredTable, referredColumns });
    return this.#run({ kind: 'addForeignKey', schema, table, foreignKey });
  }

  /**
   * Drops a foreign key by name, or (name null) the unnamed one SQLite keeps for these columns:
   * `op.dropForeignKey(null, 'post', { columns: ['author_id'], referredTable: 'user', referredColumns: ['id'] })`.
   */
  async dropForeignKey(name: string | null, table: string, options: InSchema & UnnamedForeignKey = {}): Promise<void> {
    const schema = options.schema ?? null;
    if (name !== null) return this.#run({ kind: 'dropForeignKey', schema, table, name });
    const { columns, referredTable, referredColumns } = options;
    if (columns === undefined || referredTable === undefined || referredColumns === undefined) {
      throw new OperationError(`dropForeignKey on ${table}: an unnamed foreign key needs columns, referredTable and referredColumns`);
    }
    const foreignKey = toForeignKey(schema, { name: null, columns, referredTable, referredColumns });
    return this.#run({ kind: 'dropForeignKey', schema, table, name: '', foreignKey });
  }

  /** ADD UNIQUE; `onConflict` (SQLite): the constraint's ON CONFLICT clause. */
  async createUnique(name: string | null, table: string, columns: readonly string[], options: InSchema & ConflictOption = {}): Promise<void> {
    const unique = { name, columns: [...columns], ...conflictExtras(toConflictResolution(options.onConflict, `createUnique on ${table}`)) };
    return this.#run({ kind: 'addUnique', schema: options.schema ?? null, table, unique });
  }

  /** Drops a unique constraint by name, or (name null) the unnamed one on `options.columns` (SQLite). */
  async dropUnique(name: string | null, table: string, options: InSchema & { readonly columns?: readonly string[] } = {}): Promise<void> {
    const schema = options.schema ?? null;
    if (name !== null) return this.#run({ kind: 'dropUnique', schema, table, name });
    if (options.columns === undefined) throw new OperationError(`dropUnique on ${table}: an unnamed unique constraint needs its columns`);
    return this.#run({ kind: 'dropUnique', schema, table, name: '', unique: { name: null, columns: [...options.columns] } });
  }

  async createCheck(name: string | null, table: string, expression: string, options: InSchema = {}): Promise<void> {
    return this.#run({ kind: 'addCheck', schema: options.schema ?? null, table, check: { name, expression } });
  }

  /** Drops a check constraint by name, or (name null) the unnamed one of `options.expression`, as the database keeps it (SQLite). */
  async dropCheck(name: string | null, table: string, options: InSchema & { readonly expression?: string } = {}): Promise<void> {
    const schema = options.schema ?? null;
    if (name !== null) return this.#run({ kind: 'dropCheck', schema, table, name });
    if (options.expression === undefined) throw new OperationError(`dropCheck on ${table}: an unnamed check constraint needs its expression`);
    return this.#run({ kind: 'dropCheck', schema, table, name: '', check: { name: null, expression: options.expression } });
  }

  async setTableComment(table: string, comment: string | null, options: InSchema = {}): Promise<void> {
    return this.#run({ kind: 'setTableComment', schema: options.schema ?? null, table, comment });
  }

  /** CREATE TYPE ... AS ENUM (dialects with named enums; nothing elsewhere). */
  async createEnum(name: string, values: readonly string[], options: InSchema = {}): Promise<void> {
    return this.#run({ kind: 'createEnum', enum: { name, schema: options.schema ?? null, values: [...values] } });
  }

  async dropEnum(name: string, options: InSchema = {}): Promise<void> {
    return this.#run({ kind: 'dropEnum', schema: options.schema ?? null, name });
  }

  /** Adds a value to a named enum; PostgreSQL runs it outside the migration's transaction. */
  async addEnumValue(name: string, value: string, options: InSchema & { readonly before?: string; readonly after?: string } = {}): Promise<void> {
    const position = { ...(options.before !== undefined ? { before: options.before } : {}), ...(options.after !== undefined ? { after: options.after } : {}) };
    return this.#run({ kind: 'addEnumValue', schema: options.schema ?? null, name, value, ...position });
  }

  /**
   * Removes a value from a named enum (the reverse of addEnumValue). PostgreSQL cannot drop a value
   * in place: the type is recreated and the columns using it converted. Rows holding the value
   * make the conversion fail.
   */
  async dropEnumValue(name: string, value: string, options: InSchema & { readonly before?: string; readonly after?: string } = {}): Promise<void> {
    const position = { ...(options.before !== undefined ? { before: options.before } : {}), ...(options.after !== undefined ? { after: options.after } : {}) };
    return this.#run({ kind: 'dropEnumValue', schema: options.schema ?? null, name, value, ...position });
  }

  /**
   * Runs raw SQL. Parameters of an sql`...` fragment are written into the text as literals of the
   * dialect (the same text online and in `--sql` output). `reverseSql` is what `reverse()` runs.
   */
  async execute(statement: string | SqlFragment, options: { readonly reverseSql?: string } = {}): Promise<void> {
    const text = isSql(statement) ? this.#inline(statement) : statement;
    return this.#run({ kind: 'execute', sql: text, ...(options.reverseSql !== undefined ? { reverseSql: options.reverseSql } : {}) });
  }

  #inline(fragment: SqlFragment): string {
    const { dialect } = this.#context;
    return rewritePlaceholders(fragment.text, (i) => {
      const value = fragment.params[i - 1];
      if (value === null || value === undefined) return dialect.literal(null);
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return dialect.literal(value);
      throw new OperationError(`op.execute: parameter ${i} (${typeof value}) cannot be written as an SQL literal`);
    });
  }
}
