import { inspect } from 'node:util';
import { ConfigError, EngineDisposedError, RetortError } from '../errors/index.js';
import type { SqlFragment } from '../sql/sql.js';
import { PoolConnection } from './connection.js';
import type { Dialect, Driver, DriverConnection, SyncDriverConnection } from './dialect.js';
import { toConnectionError } from './driver-errors.js';
import { resolvePoolConfig } from './pool-config.js';
import { ConnectionPool } from './pool.js';
import { QueryHooks } from './query-hooks.js';
import { getDialect } from './registry.js';
import { StatementRunner } from './statement-runner.js';
import type { Connection, Engine, EngineOptions, Params, PoolStats, QueryEvent, QueryResult, Row, TransactionOptions } from './types.js';
import { DatabaseUrl, parseUrl } from './url.js';

const MAX_CONNECT_TIMEOUT_MS = 10_000;

/**
 * Creates an engine for a database URL: its dialect (found in the registry by the URL's scheme)
 * and a pool of connections, opened on first use. The driver package is imported then too.
 *
 * @throws UrlError / UnknownDialectError for a bad URL, ConfigError for bad options.
 * @example
 * ```ts
 * const engine = createEngine('postgresql://postgres@127.0.0.1:5432/app', { pool: { max: 5 }, echo: true });
 * const { rows } = await engine.execute('SELECT id FROM post WHERE author_id = ?', [7]);
 * await engine.transaction(async (tx) => {
 *   await tx.execute(sql`UPDATE post SET views = views + 1 WHERE id = ${rows[0]!.id}`);
 * });
 * await engine.dispose();
 * ```
 */
export function createEngine(url: string | DatabaseUrl, options: EngineOptions = {}): Engine {
  const parsed = typeof url === 'string' ? parseUrl(url) : url;
  if (!(parsed instanceof DatabaseUrl)) throw new ConfigError('createEngine() takes a URL string or a DatabaseUrl from parseUrl()');
  const echo = options.echo;
  if (echo !== undefined && typeof echo !== 'boolean' && typeof echo !== 'function') {
    throw new ConfigError('echo must be true, false or a function that takes one line of text');
  }
  return new RetortEngine(parsed, getDialect(parsed.dialect), options);
}

class RetortEngine implements Engine {
  readonly url: DatabaseUrl;
  readonly dialect: Dialect;
  readonly #pool: ConnectionPool;
  readonly #runner: StatementRunner;
  readonly #hooks: QueryHooks;
  #driver: Promise<Driver> | null = null;
  #disposing: Promise<void> | null = null;

  constructor(url: DatabaseUrl, dialect: Dialect, options: EngineOptions) {
    this.url = url;
    this.dialect = dialect;
    const config = resolvePoolConfig(url, dialect, options.pool);
    const connectTimeoutMs = Math.min(config.acquireTimeoutMs, MAX_CONNECT_TIMEOUT_MS);
    this.#hooks = new QueryHooks(options.echo);
    this.#runner = new StatementRunner(dialect, this.#hooks);
    this.#pool = new ConnectionPool(config, {
      open: () => this.#open(connectTimeoutMs),
      reset: (conn) => this.#runner.run(conn, dialect.transactions.rollback),
      opened: (conn) => this.#hooks.note(`connected to ${url.toString()} (backend ${conn.backendId})`),
    });
  }

  get pool(): PoolStats {
    return this.#pool.stats();
  }

  execute<R = Row>(statement: string | SqlFragment, params?: Params): Promise<QueryResult<R>> {
    if (this.#disposing) return Promise.reject(new EngineDisposedError());
    const conn = this.#pool.idleSync();
    if (conn === null) return this.#executePooled(statement, params) as Promise<QueryResult<R>>;
    // a synchronous driver (SQLite) runs the statement at once on an idle connection, without
    // the checkout's promises; what the statement leaves open is rolled back as a release would
    try {
      return Promise.resolve(this.#runner.runSync(conn, statement, params) as QueryResult<R>);
    } catch (e) {
      return Promise.reject(e);
    } finally {
      if (conn.inTransaction) this.#rollbackSync(conn);
    }
  }

  #rollbackSync(conn: SyncDriverConnection): void {
    try {
      this.#runner.runSync(conn, this.dialect.transactions.rollback);
    } catch {
      // a connection that cannot roll back is closed; the pool drops it as broken
      void conn.close();
    }
  }

  async #executePooled(statement: string | SqlFragment, params?: Params): Promise<QueryResult> {
    const slot = await this.#pool.acquire();
    try {
      return await this.#runner.run(slot.conn, statement, params);
    } finally {
      void this.#pool.release(slot);
    }
  }

  async connect(): Promise<Connection> {
    if (this.#disposing) throw new EngineDisposedError();
    return new PoolConnection(this.#pool, this.#runner, await this.#pool.acquire());
  }

  async withConnection<T>(fn: (conn: Connection) => Promise<T>): Promise<T> {
    const conn = await this.connect();
    try {
      return await fn(conn);
    } finally {
      await conn.release();
    }
  }

  transaction<T>(fn: (tx: Connection) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return this.withConnection((conn) => conn.transaction(fn, options));
  }

  onQuery(listener: (event: QueryEvent) => void): () => void {
    return this.#hooks.add(listener);
  }

  dispose(): Promise<void> {
    this.#disposing ??= this.#dispose();
    return this.#disposing;
  }

  async #dispose(): Promise<void> {
    await this.#pool.close();
    const driver = this.#driver;
    if (driver) await (await driver.catch(() => null))?.close?.();
  }

  async #open(connectTimeoutMs: number): Promise<DriverConnection> {
    try {
      this.#driver ??= this.dialect.createDriver(this.url, { connectTimeoutMs });
      return await (await this.#driver).connect();
    } catch (e) {
      throw e instanceof RetortError ? e : toConnectionError(this.url, e);
    }
  }

  [inspect.custom](): string {
    const s = this.pool;
    return `Engine <${this.url.toString()}> { pool: ${s.size} open, ${s.available} idle, ${s.pending} waiting }`;
  }
}
