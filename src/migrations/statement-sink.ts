/**
 * Where the runner's statements go. Online and offline (`--sql`) runs go through the same code;
 * only the sink differs: the online sink executes each statement on the migrating connection,
 * the offline sink collects the text into a script.
 */
import type { Connection } from '../engine/types.js';

/** A statement for the runner: SQL text, and whether it may run inside a transaction. */
export interface RunnerStatement {
  readonly sql: string;
  /**
   * False for statements that cannot run in a transaction (PostgreSQL `ALTER TYPE ... ADD VALUE`
   * used later in the same migration, `CREATE INDEX CONCURRENTLY`): the runner commits what is
   * open, runs the statement on its own, and goes on.
   */
  readonly transactional?: boolean;
}

/** The destination of the runner's statements. */
export interface StatementSink {
  /** True when statements are executed on a database. */
  readonly online: boolean;
  /** Executes (online) or records (offline) one statement; online returns the changed row count. */
  run(sql: string): Promise<number>;
  /** A comment for the offline script (`-- Running upgrade a -> b`); online ignores it. */
  comment(text: string): void;
}

/**
 * Executes statements on a connection.
 *
 * @example
 * ```ts
 * const sink = new ConnectionSink(conn);
 * await sink.run('CREATE TABLE post (id INTEGER)');
 * ```
 */
export class ConnectionSink implements StatementSink {
  readonly online = true;

  constructor(readonly connection: Connection) {}

  async run(sql: string): Promise<number> {
    const result = await this.connection.execute(sql);
    return result.rowCount;
  }

  comment(): void {
    // comments belong to offline scripts only
  }
}

/**
 * Collects statements as an SQL script, each ended by `;`, comments as `-- ` lines.
 *
 * @example
 * ```ts
 * const sink = new ScriptSink();
 * await sink.run('CREATE TABLE post (id INTEGER)');
 * sink.text(); // 'CREATE TABLE post (id INTEGER);\n'
 * ```
 */
export class ScriptSink implements StatementSink {
  readonly online = false;
  readonly #lines: string[] = [];
  readonly #statements: string[] = [];

  async run(sql: string): Promise<number> {
    this.#statements.push(sql);
    this.#lines.push(`${sql.trimEnd().replace(/;$/, '')};`);
    return 0;
  }

  comment(text: string): void {
    if (this.#lines.length > 0) this.#lines.push('');
    for (const line of text.split('\n')) this.#lines.push(`-- ${line}`);
  }

  /** Every statement recorded, in order, as given (without the `;`). */
  get statements(): readonly string[] {
    return this.#statements;
  }

  /** The script: statements and comments, one per line, ending with a newline. */
  text(): string {
    return this.#lines.length === 0 ? '' : `${this.#lines.join('\n')}\n`;
  }
}
