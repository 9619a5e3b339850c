import { inspect } from 'node:util';
import { OperationError } from '../errors/index.js';
import type { SqlFragment } from '../sql/sql.js';
import type { Dialect } from './dialect.js';
import type { ConnectionPool, PooledConnection } from './pool.js';
import type { StatementRunner } from './statement-runner.js';
import { runTransaction, type TransactionHost } from './transaction.js';
import type { Connection, Params, QueryResult, Row, TransactionOptions } from './types.js';

/** A connection checked out of an engine's pool (see {@link Connection}). */
export class PoolConnection implements Connection, TransactionHost {
  readonly #pool: ConnectionPool;
  readonly #runner: StatementRunner;
  #slot: PooledConnection | null;
  depth = 0;

  constructor(pool: ConnectionPool, runner: StatementRunner, slot: PooledConnection) {
    this.#pool = pool;
    this.#runner = runner;
    this.#slot = slot;
  }

  get dialect(): Dialect {
    return this.#runner.dialect;
  }

  get connection(): Connection {
    return this;
  }

  get backendId(): number | string {
    return this.#live().conn.backendId;
  }

  get inTransaction(): boolean {
    return this.depth > 0 || (this.#slot !== null && this.#slot.conn.inTransaction);
  }

  execute<R = Row>(statement: string | SqlFragment, params?: Params): Promise<QueryResult<R>> {
    const slot = this.#slot;
    if (slot === null) return Promise.reject(released());
    return this.#runner.run(slot.conn, statement, params) as Promise<QueryResult<R>>;
  }

  transaction<T>(fn: (tx: Connection) => Promise<T>, options?: TransactionOptions): Promise<T> {
    if (this.#slot === null) return Promise.reject(released());
    return runTransaction(this, fn, options);
  }

  control(sql: string): Promise<unknown> {
    return this.#runner.run(this.#live().conn, sql);
  }

  discard(): void {
    if (this.#slot) this.#slot.discard = true;
  }

  release(): Promise<void> {
    const slot = this.#slot;
    if (slot === null) return Promise.resolve();
    this.#slot = null;
    this.depth = 0;
    return this.#pool.release(slot);
  }

  #live(): PooledConnection {
    if (this.#slot === null) throw released();
    return this.#slot;
  }

  [inspect.custom](): string {
    return this.#slot === null ? 'Connection <released>' : `Connection <${this.dialect.name}, backend ${this.#slot.conn.backendId}>`;
  }
}

function released(): OperationError {
  return new OperationError('this connection was released to the pool; check out another with engine.connect()');
}
