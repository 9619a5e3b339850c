import type { Executor } from '../engine/types.js';
import type { SchemaSnapshot, TableSnapshot } from '../schema/snapshot.js';
import { deepFreeze, emptySnapshot } from '../schema/snapshot.js';
import { applyOperation } from './apply.js';
import type { Operation } from './operation.js';
import type { SchemaState } from './schema-state.js';
import { lookupTable, operationTable, sameSchema, tableIndexOf, type TableName } from './target.js';

export interface OnlineSchemaStateOptions {
  /** The schema (PostgreSQL) or database (MySQL) the migrations work in; default: the connection's. */
  readonly schema?: string | null;
}

/**
 * The state of online migrations. It reads a table through the dialect's introspector
 * (`introspect(executor, { schema, include: [name] })`) the first time a compiler needs it,
 * then keeps it current with `applyOperation`; `snapshot()` reads the whole schema once. Ops
 * on tables it has not read change nothing it holds, except that tables whose foreign keys
 * refer to them are forgotten (read again when needed); `execute` and enum ops forget everything,
 * since they may change anything.
 *
 * @example
 * ```ts
 * const state = new OnlineSchemaState(conn, { schema: 'app' });
 * const ctx = new MigrationContext({ dialect: conn.dialect, sink: new ExecutorSink(conn), state });
 * ```
 */
export class OnlineSchemaState implements SchemaState {
  #snapshot: SchemaSnapshot;
  /** Keys of the tables whose presence or absence #snapshot knows. */
  readonly #loaded = new Set<string>();
  #complete = false;
  /** How many times the catalog was read (for tests and diagnostics). */
  introspections = 0;

  constructor(
    private readonly executor: Executor,
    private readonly options: OnlineSchemaStateOptions = {},
  ) {
    this.#snapshot = emptySnapshot(options.schema ?? null);
  }

  async table(schema: string | null, name: string): Promise<TableSnapshot | undefined> {
    const key = this.#key(schema, name);
    if (!this.#complete && !this.#loaded.has(key)) {
      const wanted = schema ?? this.options.schema ?? null;
      const read = await this.#introspect({ ...(wanted !== null ? { schema: wanted } : {}), include: [name] });
      // Learn the default schema's name (e.g. 'public'), so that tables named with schema null match.
      if (wanted === null && this.#snapshot.schema === null) this.#snapshot = deepFreeze({ ...this.#snapshot, schema: read.schema });
      const found = read.tables.find((t) => t.name === name);
      this.#drop({ schema, name });
      if (found) {
        const table = found.schema === null && wanted !== null ? { ...found, schema: wanted } : found;
        this.#snapshot = deepFreeze({ ...this.#snapshot, tables: [...this.#snapshot.tables, table] });
      }
      this.#loaded.add(key);
    }
    return lookupTable(this.#snapshot, schema, name);
  }

  async snapshot(schema: string | null = null): Promise<SchemaSnapshot> {
    if (schema !== null && schema !== (this.options.schema ?? this.#snapshot.schema)) {
      // another schema than the one this state holds (an enum type of 'sales' while the
      // migrations work in 'public'): read as it is now, not kept (the ops change it in the database)
      return this.#introspect({ schema });
    }
    if (!this.#complete) {
      const wanted = this.options.schema ?? null;
      this.#snapshot = await this.#introspect(wanted !== null ? { schema: wanted } : {});
      this.#complete = true;
      this.#loaded.clear();
    }
    return this.#snapshot;
  }

  apply(op: Operation): void {
    if (op.kind === 'execute') return this.#forgetAll();
    // A RENAME rewrites the triggers and views that name the column or table (SQLite's, which a
    // later rebuild creates again from the text held here, included): read them again.
    if ((op.kind === 'renameColumn' || op.kind === 'renameTable') && this.#holdsTriggersOrViews()) return this.#forgetAll();
    if (this.#complete) {
      this.#snapshot = applyOperation(this.#snapshot, op);
      return;
    }
    const target = operationTable(op);
    if (!target) return this.#forgetAll();
    const key = this.#key(target.schema, target.name);
    if (this.#loaded.has(key) || op.kind === 'createTable') {
      this.#snapshot = applyOperation(this.#snapshot, op);
      this.#loaded.add(key);
      if (op.kind === 'renameTable') this.#loaded.add(this.#key(op.schema, op.to));
      return;
    }
    for (const t of this.#snapshot.tables) {
      if (t.foreignKeys.some((fk) => fk.referredTable === target.name && sameSchema(fk.referredSchema ?? t.schema, target.schema, this.#snapshot.schema))) {
        this.#forget({ schema: t.schema, name: t.name });
      }
    }
    if (op.kind === 'renameTable') this.#forget({ schema: op.schema, name: op.to });
  }

  #key(schema: string | null, name: string): string {
    return `${schema ?? this.options.schema ?? ''}\u0000${name}`;
  }

  async #introspect(options: { schema?: string; include?: readonly string[] }): Promise<SchemaSnapshot> {
    this.introspections++;
    return this.executor.dialect.introspector.introspect(this.executor, options);
  }

  #drop(table: TableName): void {
    const i = tableIndexOf(this.#snapshot, table.schema, table.name);
    if (i >= 0) this.#snapshot = deepFreeze({ ...this.#snapshot, tables: this.#snapshot.tables.filter((_, j) => j !== i) });
  }

  #forget(table: TableName): void {
    this.#drop(table);
    this.#loaded.delete(this.#key(table.schema, table.name));
  }

  #holdsTriggersOrViews(): boolean {
    return this.#snapshot.views.length > 0 || this.#snapshot.tables.some((t) => (t.triggers ?? []).length > 0);
  }

  #forgetAll(): void {
    this.#snapshot = emptySnapshot(this.#snapshot.schema);
    this.#loaded.clear();
    this.#complete = false;
  }
}
