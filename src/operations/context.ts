import { OperationError } from '../errors/index.js';
import type { Dialect } from '../engine/dialect.js';
import type { TableSnapshot } from '../schema/snapshot.js';
import { compileOperation, needsSnapshot, needsTable } from './compile.js';
import { implicitForeignKeyIndexes } from './implicit-indexes.js';
import type { Operation } from './operation.js';
import type { SchemaState } from './schema-state.js';
import type { StatementSink } from './sinks.js';
import { compileRebuild, needsRebuild, rebuildRunLength } from './sqlite-rebuild.js';
import type { Statement } from './statement.js';
import { describeOperation, operationTable, qualifiedName } from './target.js';

export interface MigrationContextOptions {
  readonly dialect: Dialect;
  /** Where statements go: `ExecutorSink` online, `SqlTextSink` offline. */
  readonly sink: StatementSink;
  /** What is known of the schema: `OnlineSchemaState` online, `OfflineSchemaState` offline. */
  readonly state: SchemaState;
}

/**
 * Binds ops to execution, by ONE code path for online and offline (`--sql`) migrations: for each
 * op, read its table from the state if the compiler needs it, compile it for the dialect, bring
 * the state up to date (which refuses an op that does not fit the schema, before any SQL), and
 * hand each statement to the sink. Only the sink and the state differ between the two modes, so
 * both emit the same statements.
 *
 * CONTRACT FOR THE RUNNER:
 * - `statements` lists what the sink accepted, in order: on a failure (MySQL DDL is not
 *   transactional) it says exactly what had already run.
 * - Statements marked `transactional: false` must run outside a transaction: give the
 *   `ExecutorSink` an `outsideTransaction` handler, or run such migrations without one.
 * - On dialects that rebuild tables (SQLite), set `PRAGMA foreign_keys=OFF` before the
 *   migration's transaction and restore it after (see `sqlite-rebuild.ts`).
 * - Wrapping a migration's function in {@link MigrationContext.batch} lets consecutive ops on one
 *   SQLite table share one rebuild.
 *
 * @example
 * ```ts
 * const ctx = new MigrationContext({ dialect, sink: new SqlTextSink(), state: new OfflineSchemaState(before) });
 * await ctx.batch(() => migration.upgrade(new Operations(ctx)));
 * ```
 */
export class MigrationContext {
  readonly dialect: Dialect;
  readonly state: SchemaState;
  readonly #sink: StatementSink;
  readonly #statements: Statement[] = [];
  #pending: Operation[] | null = null;

  constructor(options: MigrationContextOptions) {
    this.dialect = options.dialect;
    this.state = options.state;
    this.#sink = options.sink;
  }

  /** The statements run so far (accepted by the sink), in order. */
  get statements(): readonly Statement[] {
    return this.#statements;
  }

  /**
   * Runs one op (inside {@link batch}: queues it, to run when the batch ends).
   *
   * @example
   * ```ts
   * await ctx.run({ kind: 'dropIndex', schema: null, table: 'post', name: 'ix_post_title' });
   * ```
   */
  async run(op: Operation): Promise<void> {
    if (this.#pending) {
      this.#pending.push(op);
      return;
    }
    await this.runAll([op]);
  }

  /**
   * Runs ops in order; consecutive ops on one table that the dialect rebuilds share one rebuild.
   *
   * @example
   * ```ts
   * await ctx.runAll(upgradeOps);
   * ```
   */
  async runAll(ops: readonly Operation[]): Promise<void> {
    for (let i = 0; i < ops.length;) {
      const op = ops[i]!;
      const target = operationTable(op);
      const table = target && needsTable(op, this.dialect) ? await this.#table(op) : undefined;
      if (target && table && needsRebuild(op, this.dialect, table)) {
        const n = rebuildRunLength(ops, i, target, this.dialect);
        const run = ops.slice(i, i + n);
        const statements = compileRebuild(this.dialect, table, run);
        for (const o of run) this.state.apply(o);
        await this.#emit(statements);
        i += n;
        continue;
      }
      const snapshot = needsSnapshot(op, this.dialect) ? await this.state.snapshot(op.kind === 'dropEnumValue' ? op.schema : null) : undefined;
      const statements = compileOperation(op, { dialect: this.dialect, ...(table ? { table } : {}), ...(snapshot ? { snapshot } : {}) });
      this.state.apply(op);
      await this.#emit(statements);
      await this.#applyImplicitIndexes(op);
      i++;
    }
  }

  /**
   * Runs `fn`, queueing the ops it runs, then runs them all with {@link runAll} (so that
   * consecutive ops on one SQLite table share one rebuild). The ops' promises resolve when they
   * are queued; errors surface when the batch ends. Nested batches join the outer one.
   *
   * @example
   * ```ts
   * await ctx.batch(() => migration.upgrade(op));
   * ```
   */
  async batch<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#pending) return fn();
    const pending: Operation[] = [];
    this.#pending = pending;
    let result: T;
    try {
      result = await fn();
    } finally {
      this.#pending = null;
    }
    await this.runAll(pending);
    return result;
  }

  /**
   * On a dialect that indexes foreign keys by itself (MySQL InnoDB), tells the state about the
   * indexes a createTable or addForeignKey made the database create, as the catalog would show
   * them: an offline run then knows them as an online one does (a later dropIndex finds them).
   * Runs after the op's statements, so that an online state reading the table reads it changed.
   */
  async #applyImplicitIndexes(op: Operation): Promise<void> {
    if (!this.dialect.capabilities.foreignKeysNeedIndex || (op.kind !== 'createTable' && op.kind !== 'addForeignKey')) return;
    const target = operationTable(op)!;
    const table = await this.state.table(target.schema, target.name);
    if (!table) return;
    for (const index of implicitForeignKeyIndexes(table)) {
      this.state.apply({ kind: 'createIndex', schema: target.schema, table: target.name, index });
    }
  }

  async #table(op: Operation): Promise<TableSnapshot> {
    const target = operationTable(op)!;
    const table = await this.state.table(target.schema, target.name);
    if (!table) {
      const reason = this.state.missingTable?.(target.schema, target.name) ?? `table "${qualifiedName(target.schema, target.name)}" does not exist`;
      throw new OperationError(`${describeOperation(op)}: ${reason}`);
    }
    return table;
  }

  async #emit(statements: readonly Statement[]): Promise<void> {
    for (const statement of statements) {
      await this.#sink.run(statement);
      this.#statements.push(statement);
    }
  }
}
