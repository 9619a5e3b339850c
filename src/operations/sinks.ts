import { IntegrityCheckError, OperationError } from '../errors/index.js';
import type { Connection, Executor } from '../engine/types.js';
import { rewritePlaceholders } from '../sql/placeholders.js';
import type { Statement } from './statement.js';

/**
 * Where a migration context sends the statements it compiles: a database connection (online) or
 * a text (offline `--sql`). Sinks are the only thing that differs between the two modes.
 */
export interface StatementSink {
  run(statement: Statement): Promise<void>;
  /**
   * Runs statements in order as {@link run} would, in fewer round trips where it can. Optional:
   * a caller without it runs them one by one.
   */
  runAll?(statements: readonly Statement[]): Promise<void>;
}

/** Runs `statements` on `sink`: together where the sink can, else one by one. */
export async function runAll(sink: StatementSink, statements: readonly Statement[]): Promise<void> {
  if (sink.runAll) return sink.runAll(statements);
  for (const s of statements) await sink.run(s);
}

export interface ExecutorSinkOptions {
  /**
   * Runs a statement marked `transactional: false` (PostgreSQL `ALTER TYPE ... ADD VALUE`,
   * `CREATE INDEX CONCURRENTLY`). A runner that holds the migration in a transaction commits it,
   * runs the statement on its own, and begins a new one (Alembic's "autocommit block"). Without
   * this option such a statement runs directly when the executor is not in a transaction, and
   * fails with an OperationError when it is.
   */
  readonly outsideTransaction?: (statement: Statement) => Promise<void>;
}

function inTransaction(executor: Executor): boolean {
  return 'inTransaction' in executor && (executor as { inTransaction: unknown }).inTransaction === true;
}

/**
 * The online sink: runs each statement on a connection (or engine), and fails when a check
 * statement (`expect: 'noRows'`) returns rows. DDL text is passed with its `?` escaped (`??`),
 * since retort's executors read `?` as placeholders.
 *
 * @example
 * ```ts
 * const sink = new ExecutorSink(conn, { outsideTransaction: (s) => runner.autocommit(s) });
 * ```
 */
export class ExecutorSink implements StatementSink {
  constructor(
    private readonly executor: Executor,
    private readonly options: ExecutorSinkOptions = {},
  ) {}

  async run(statement: Statement): Promise<void> {
    if (!statement.transactional) {
      if (this.options.outsideTransaction) return this.options.outsideTransaction(statement);
      if (inTransaction(this.executor)) {
        throw new OperationError(
          `this statement cannot run inside a transaction: ${statement.sql}; run the migration without a transaction ` +
            '(or give the runner an outsideTransaction handler)',
        );
      }
    }
    const result = await this.executor.execute(asText(statement.sql));
    if (statement.expect === 'noRows' && result.rows.length > 0) {
      const sample = result.rows.slice(0, 3).map((r) => JSON.stringify(r)).join(', ');
      throw new IntegrityCheckError(
        `${statement.expectMessage ?? 'a check statement of the migration returned rows'} (${statement.sql} returned ` +
          `${result.rows.length} row${result.rows.length === 1 ? '' : 's'}: ${sample}${result.rows.length > 3 ? ', ...' : ''})`,
        { sql: statement.sql, rows: result.rows },
      );
    }
  }

  /**
   * Plain statements (transactional, no check) go to the server in one round trip where the
   * connection has `executeScript`; others run one by one.
   */
  async runAll(statements: readonly Statement[]): Promise<void> {
    const executor = this.executor;
    if (statements.length > 1 && hasScripts(executor) && statements.every((s) => s.transactional && s.expect === undefined)) {
      await executor.executeScript(statements.map((s) => asText(s.sql)));
      return;
    }
    for (const s of statements) await this.run(s);
  }
}

/** DDL text as retort's executors take it: `?` is a placeholder there, so a literal one is `??`. */
function asText(sql: string): string {
  return rewritePlaceholders(sql, () => '??');
}

function hasScripts(executor: Executor): executor is Executor & Pick<Connection, 'executeScript'> {
  return typeof (executor as Partial<Connection>).executeScript === 'function';
}

export interface SqlTextSinkOptions {
  /**
   * Set when the script runs its statements inside a transaction block: a non-transactional
   * statement is then written between a COMMIT and a new BEGIN, e.g.
   * `{ begin: dialect.transactions.begin(), commit: dialect.transactions.commit }`.
   */
  readonly transaction?: { readonly begin: string; readonly commit: string };
  /** Also called with each piece of text as it is produced (e.g. to stream to stdout). */
  readonly write?: (text: string) => void;
}

/**
 * The offline (`--sql`) sink: collects the statements as SQL text, each ended with `;`.
 *
 * @example
 * ```ts
 * const sink = new SqlTextSink();
 * // ... run a migration through a MigrationContext with this sink ...
 * process.stdout.write(sink.text());
 * ```
 */
export class SqlTextSink implements StatementSink {
  readonly #chunks: string[] = [];

  constructor(private readonly options: SqlTextSinkOptions = {}) {}

  run(statement: Statement): Promise<void> {
    const tx = this.options.transaction;
    if (!statement.transactional && tx) {
      this.#emit(`${tx.commit};`);
      this.#emit(`${statement.sql};`);
      this.#emit(`${tx.begin};`);
    } else {
      this.#emit(`${statement.sql};`);
    }
    return Promise.resolve();
  }

  /** Adds a line of text of the runner's own (a comment, BEGIN, an UPDATE of the version table). */
  raw(text: string): void {
    this.#emit(text);
  }

  /** Everything written so far, one statement per line group, ending with a newline. */
  text(): string {
    return this.#chunks.map((c) => `${c}\n`).join('');
  }

  #emit(text: string): void {
    this.#chunks.push(text);
    this.options.write?.(`${text}\n`);
  }
}
