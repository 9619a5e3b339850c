/**
 * The one code path of a migration run, online and offline: transactions, SQLite's
 * `PRAGMA foreign_keys` bracket, each migration's ops through a `MigrationContext`, and the
 * version rows. Everything goes to one statement sink; only the sink (and the schema state)
 * differ between executing and writing `--sql`.
 *
 * Transactions, on dialects whose DDL is transactional (`capabilities.transactionalDdl`):
 * - `each`: BEGIN, the migration's statements, its version rows, COMMIT — per migration;
 * - `all`: one BEGIN before the first migration, one COMMIT after the last;
 * - a migration with `export const transaction = false` runs outside any transaction (the open
 *   one is committed first); its version rows get a transaction of their own, committed at once
 *   (in `all` mode too: the next migration begins a new transaction);
 * - a statement marked `transactional: false` (PostgreSQL `ALTER TYPE ... ADD VALUE`) commits the
 *   open transaction, runs alone, and the next statement begins a new transaction: what ran
 *   before it in that migration is then committed even if the migration fails later.
 * On other dialects (MySQL: DDL commits implicitly) the migration's statements run one by one,
 * and each migration's version rows are written in a transaction of their own after them.
 *
 * On dialects that rebuild tables (SQLite): `PRAGMA foreign_keys=OFF` before each migration's
 * transaction (before the run's, in `all` mode) and `PRAGMA foreign_keys=ON` after it ends,
 * rolled back or not, so that table rebuilds keep the child rows of ON DELETE CASCADE keys.
 */
import type { Dialect } from '../engine/dialect.js';
import { MigrationContext } from '../operations/context.js';
import { Operations } from '../operations/facade.js';
import type { SchemaState } from '../operations/schema-state.js';
import { runAll, type StatementSink } from '../operations/sinks.js';
import { rebuildsTables } from '../operations/sqlite-rebuild.js';
import { statement, type Statement } from '../operations/statement.js';
import type { TransactionMode } from './config.js';
import type { MigrationScript } from './migration-script.js';
import type { PlannedStep } from './runner-events.js';
import type { VersionTableSql } from './version-table-sql.js';

/** Where a session's statements go. */
export interface SessionOutput {
  readonly sink: StatementSink;
  /** True when the sink executes statements on a database. */
  readonly online: boolean;
  /** Adds a comment to an offline script (ignored online). */
  comment(text: string): void;
}

export interface MigrationSessionOptions {
  readonly dialect: Dialect;
  readonly output: SessionOutput;
  readonly versionSql: VersionTableSql;
  readonly mode: TransactionMode;
  /** The schema state the migrations' ops are compiled against (replaced after a re-plan). */
  readonly state: SchemaState;
  /**
   * Online, with a transaction-scoped lock (SQLite): reads the stored heads inside each step's
   * transaction, so that a step whose heads moved is not run (see {@link StaleHeadsError}).
   */
  readonly readHeads?: () => Promise<readonly string[]>;
  /** Called when a non-transactional statement splits a migration's transaction. */
  readonly onSplit?: (revision: string, sql: string) => void;
}

/** The PRAGMAs around a migration on dialects that rebuild tables. */
export const FOREIGN_KEYS_OFF = 'PRAGMA foreign_keys=OFF';
export const FOREIGN_KEYS_ON = 'PRAGMA foreign_keys=ON';

/**
 * Thrown inside a step when the stored heads are not the ones the step was planned from:
 * another process moved them since the plan (SQLite, whose lock is per transaction). Nothing
 * of the step ran; the runner re-plans from `heads`.
 */
export class StaleHeadsError extends Error {
  constructor(readonly heads: readonly string[]) {
    super(`the version table changed while waiting for the lock (now ${heads.length === 0 ? 'base' : heads.join(', ')})`);
  }
}

interface ActiveStep {
  readonly step: PlannedStep;
  readonly script: MigrationScript;
  readonly context: MigrationContext;
  /** The migration's statements ran in a transaction (false: opted out, or DDL not transactional). */
  readonly inTransaction: boolean;
  readonly started: number;
  bodyMs: number | null;
}

/** Runs the steps of one run; see the module comment. */
export class MigrationSession {
  readonly #dialect: Dialect;
  readonly #out: SessionOutput;
  readonly #sql: VersionTableSql;
  readonly #transactionalDdl: boolean;
  readonly #all: boolean;
  readonly #rebuilds: boolean;
  readonly #readHeads: (() => Promise<readonly string[]>) | undefined;
  readonly #onSplit: ((revision: string, sql: string) => void) | undefined;
  #state: SchemaState;
  #inTransaction = false;
  #foreignKeysOff = false;
  /** Steps whose version rows were written in the open transaction (not committed yet). */
  #uncommitted: PlannedStep[] = [];
  #active: ActiveStep | null = null;

  constructor(options: MigrationSessionOptions) {
    this.#dialect = options.dialect;
    this.#out = options.output;
    this.#sql = options.versionSql;
    this.#transactionalDdl = options.dialect.capabilities.transactionalDdl;
    this.#all = options.mode === 'all' && this.#transactionalDdl;
    this.#rebuilds = rebuildsTables(options.dialect);
    this.#state = options.state;
    this.#readHeads = options.readHeads;
    this.#onSplit = options.onSplit;
  }

  /** True when statements run on a database (not written to a script). */
  get online(): boolean {
    return this.#out.online;
  }

  /** True while a transaction is open. */
  get inTransaction(): boolean {
    return this.#inTransaction;
  }

  /**
   * Steps recorded in the open transaction, oldest first: a rollback now undoes them too (in
   * `all` mode, every step since the run's BEGIN or its last split).
   */
  get uncommittedSteps(): readonly PlannedStep[] {
    return [...this.#uncommitted];
  }

  /** The statements of the step running now (for error reports), or none. */
  get activeStatements(): readonly Statement[] {
    return this.#active?.context.statements ?? [];
  }

  /** Replaces the schema state (after another process changed the database). */
  resetState(state: SchemaState): void {
    this.#state = state;
  }

  /** Creates the version tables when missing (outside any transaction). */
  async createVersionTables(): Promise<void> {
    for (const sql of this.#sql.create()) await this.#raw(sql);
  }

  /** Starts a run: in `all` mode on SQLite, switches foreign keys off before the run's transaction. */
  async beginRun(): Promise<void> {
    if (this.#all && this.#rebuilds) await this.#foreignKeys(false);
  }

  /** Ends a run: commits what is open and switches foreign keys back on. */
  async endRun(): Promise<void> {
    await this.#commit();
    if (this.#foreignKeysOff) await this.#foreignKeys(true);
  }

  /**
   * Runs one step's migration function (upgrade or downgrade); the version rows are written by
   * {@link recordStep}. Throws what the migration throws, or StaleHeadsError.
   */
  async runStep(step: PlannedStep, script: MigrationScript): Promise<void> {
    const verb = step.direction === 'up' ? 'upgrade' : 'downgrade';
    const from = step.fromHeads.length === 0 ? '<base>' : step.fromHeads.join(', ');
    const to = step.toHeads.length === 0 ? '<base>' : step.toHeads.join(', ');
    this.#out.comment(`Running ${verb} ${from} -> ${to}, ${script.message || step.revision}`);
    const inTransaction = this.#transactionalDdl && script.transaction;
    if (!this.#all && this.#rebuilds) await this.#foreignKeys(false);
    if (inTransaction) await this.#begin();
    else await this.#commit();
    if (this.#readHeads) {
      const stored = [...(await this.#readHeads())].sort();
      if (stored.join(',') !== [...step.fromHeads].sort().join(',')) {
        await this.#rollbackQuietly();
        throw new StaleHeadsError(stored);
      }
    }
    const context = new MigrationContext({ dialect: this.#dialect, sink: this.#bodySink(step.revision, inTransaction), state: this.#state });
    const active: ActiveStep = { step, script, context, inTransaction, started: performance.now(), bodyMs: null };
    this.#active = active;
    const fn = step.direction === 'up' ? script.upgrade : script.downgrade;
    await context.batch(async () => {
      await fn(new Operations(context));
    });
    active.bodyMs = performance.now() - active.started;
  }

  /**
   * Writes the version rows of the step {@link runStep} ran (one history row, the heads moved),
   * and in `each` mode commits. Returns the step's duration and statements.
   */
  async recordStep(step: PlannedStep): Promise<{ durationMs: number; statements: readonly string[] }> {
    const active = this.#active;
    if (!active || active.step.revision !== step.revision) throw new Error(`recordStep(${step.revision}) without runStep`);
    const durationMs = active.bodyMs ?? performance.now() - active.started;
    const entry = { revision: step.revision, direction: step.direction, checksum: active.script.checksum, executionMs: this.#out.online ? durationMs : null };
    // BEGIN when none is open, the version rows, and COMMIT unless the run's transaction goes on
    // (a step that ran outside it must not wait for the run's COMMIT): one script, which the
    // sink sends in one round trip where it can
    const tx = this.#dialect.transactions;
    const script: string[] = [];
    if (!this.#inTransaction) script.push(tx.begin({ immediate: true }));
    script.push(...this.#sql.recordStep(step.fromHeads, step.toHeads, entry));
    const commit = !this.#all || !active.inTransaction;
    if (commit) script.push(tx.commit);
    this.#inTransaction = true; // until the COMMIT has run: a failure before it is rolled back
    await runAll(this.#out.sink, script.map((sql) => statement(sql)));
    if (commit) {
      this.#inTransaction = false;
      this.#uncommitted = [];
    } else {
      this.#uncommitted.push(step);
    }
    if (!this.#all && this.#rebuilds) await this.#foreignKeys(true);
    this.#active = null;
    return { durationMs, statements: active.context.statements.map((s) => s.sql) };
  }

  /**
   * Writes version rows without running anything (`stamp`): in one transaction, reads the stored
   * heads (`read`; offline: none), moves them to `resolve(heads)` and writes one `stamp` history
   * row per head it adds.
   */
  async stamp(
    read: () => Promise<readonly string[]>,
    resolve: (heads: readonly string[]) => readonly string[],
    checksums: ReadonlyMap<string, string>,
  ): Promise<{ fromHeads: readonly string[]; heads: readonly string[] }> {
    await this.#begin();
    const fromHeads = await read();
    const heads = resolve(fromHeads);
    for (const sql of this.#sql.moveHeads(fromHeads, heads)) await this.#raw(sql);
    const before = new Set(fromHeads);
    for (const head of heads.filter((h) => !before.has(h))) {
      await this.#raw(this.#sql.insertHistory({ revision: head, direction: 'stamp', checksum: checksums.get(head) ?? null, executionMs: null }));
    }
    await this.#commit();
    return { fromHeads, heads };
  }

  /**
   * After a failure: rolls back what is open (online) and switches foreign keys back on. Never
   * throws. Offline there is nothing to undo.
   */
  async abort(): Promise<void> {
    this.#active = null;
    if (!this.#out.online) return;
    await this.#rollbackQuietly();
    if (this.#foreignKeysOff) {
      try {
        await this.#foreignKeys(true);
      } catch {
        // the connection is gone; a new one starts with foreign keys on
      }
    }
  }

  #bodySink(revision: string, inTransaction: boolean): StatementSink {
    return {
      run: async (s: Statement) => {
        if (!s.transactional) {
          if (this.#inTransaction) {
            this.#onSplit?.(revision, s.sql);
            await this.#commit();
          }
        } else if (inTransaction && !this.#inTransaction) {
          await this.#begin();
        }
        await this.#out.sink.run(s);
      },
    };
  }

  async #raw(sql: string): Promise<void> {
    await this.#out.sink.run(statement(sql));
  }

  async #begin(): Promise<void> {
    if (this.#inTransaction) return;
    await this.#raw(this.#dialect.transactions.begin({ immediate: true }));
    this.#inTransaction = true;
  }

  async #commit(): Promise<void> {
    if (!this.#inTransaction) return;
    this.#inTransaction = false;
    await this.#raw(this.#dialect.transactions.commit);
    this.#uncommitted = [];
  }

  async #rollbackQuietly(): Promise<void> {
    if (!this.#inTransaction) return;
    this.#inTransaction = false;
    this.#uncommitted = [];
    try {
      await this.#raw(this.#dialect.transactions.rollback);
    } catch {
      // the transaction is gone with its connection
    }
  }

  async #foreignKeys(on: boolean): Promise<void> {
    if (on === !this.#foreignKeysOff) return;
    await this.#raw(on ? FOREIGN_KEYS_ON : FOREIGN_KEYS_OFF);
    this.#foreignKeysOff = !on;
  }
}
