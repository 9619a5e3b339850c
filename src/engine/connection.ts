import { inspect } from 'node:util';
import { EngineDisposedError, OperationError } from '../errors/index.js';
import type { SqlFragment } from '../sql/sql.js';
import type { Dialect } from './dialect.js';
import type { ConnectionPool, PooledConnection } from './pool.js';
import type { StatementRunner } from './statement-runner.js';
import { runTransaction, type TransactionHost } from './transaction.js';
import type { Connection, Params, QueryResult, Row, TransactionOptions } from './types.js';

/** A connection checked out of an engine's pool (see {@link Connection}). */
export class PoolConnection implements Connection {
  readonly #pool: ConnectionPool;
  readonly #runner: StatementRunner;
  readonly #tx: TransactionHost;
  #slot: PooledConnection | null;

  constructor(pool: ConnectionPool, runner: StatementRunner, slot: PooledConnection) {
    this.#pool = pool;
    this.#runner = runner;
    this.#slot = slot;
    this.#tx = {
      connection: this,
      dialect: runner.dialect,
      depth: 0,
      control: (sql) => this.execute(sql),
      discard: () => {
        if (this.#slot) this.#slot.discard = true;
      },
    };
  }

  get dialect(): Dialect {
    return this.#runner.dialect;
  }

  get backendId(): number | string {
    return this.#live().conn.backendId;
  }

  get inTransaction(): boolean {
    return this.#tx.depth > 0 || (this.#slot !== null && this.#slot.conn.inTransaction);
  }

  execute<R = Row>(statement: string | SqlFragment, params?: Params): Promise<QueryResult<R>> {
    const slot = this.#slot;
    if (slot === null || this.#pool.closed) return Promise.reject(this.#unusable());
    return this.#runner.run(slot.conn, statement, params) as Promise<QueryResult<R>>;
  }

  executeScript(statements: readonly string[]): Promise<QueryResult> {
    const slot = this.#slot;
    if (slot === null || this.#pool.closed) return Promise.reject(this.#unusable());
    return this.#runner.runScript(slot.conn, statements);
  }

  transaction<T>(fn: (tx: Connection) => Promise<T>, options?: TransactionOptions): Promise<T> {
    if (this.#slot === null || this.#pool.closed) return Promise.reject(this.#unusable());
    return runTransaction(this.#tx, fn, options);
  }

  release(): Promise<void> {
    const slot = this.#slot;
    if (slot === null) return Promise.resolve();
    this.#slot = null;
    this.#tx.depth = 0;
    return this.#pool.release(slot);
  }

  #live(): PooledConnection {
    if (this.#slot === null || this.#pool.closed) throw this.#unusable();
    return this.#slot;
  }

  #unusable(): Error {
    if (this.#pool.closed) return new EngineDisposedError();
    return new OperationError('this connection was released to the pool; check out another with engine.connect()');
  }

  [inspect.custom](): string {
    return this.#slot === null ? 'Connection <released>' : `Connection <${this.dialect.name}, backend ${this.#slot.conn.backendId}>`;
  }
}
