import type { EventEmitter } from 'node:events';
import type { Client, ClientConfig, QueryResult as PgResult } from 'pg';
import type { Driver, DriverConnection, DriverOptions } from '../../engine/dialect.js';
import { stringProp, toConnectionError, toDriverError } from '../../engine/driver-errors.js';
import type { Params, QueryResult } from '../../engine/types.js';
import type { DatabaseUrl } from '../../engine/url.js';

const DEFAULT_PORT = 5432;

/**
 * The PostgreSQL driver: one `pg.Client` per pooled connection (retort's pool does the pooling).
 * `pg` is imported here, when the first engine for a PostgreSQL URL connects.
 */
export async function createPostgresDriver(url: DatabaseUrl, options: DriverOptions): Promise<Driver> {
  const { Client: PgClient } = (await import('./pg-module.js')).default;
  const config = clientConfig(url, options);
  return {
    async connect(): Promise<DriverConnection> {
      const client = new PgClient(config);
      const conn = new PostgresConnection(client);
      try {
        await client.connect();
      } catch (e) {
        conn.markBroken();
        client.end().catch(() => undefined);
        throw toConnectionError(url, e);
      }
      await conn.init();
      return conn;
    },
  };
}

function clientConfig(url: DatabaseUrl, options: DriverOptions): ClientConfig {
  const q = url.query;
  const config: ClientConfig = {
    host: url.host ?? '127.0.0.1',
    port: url.port ?? DEFAULT_PORT,
    connectionTimeoutMillis: q.connect_timeout ? Number(q.connect_timeout) * 1000 : options.connectTimeoutMs,
    keepAlive: true,
  };
  if (url.username !== null) config.user = url.username;
  const password = url.revealPassword();
  if (password !== null) config.password = password;
  if (url.database !== null) config.database = url.database;
  if (q.application_name) config.application_name = q.application_name;
  if (q.options) config.options = q.options;
  if (q.sslmode) config.ssl = q.sslmode === 'disable' ? false : q.sslmode.startsWith('verify') ? true : { rejectUnauthorized: false };
  return config;
}

/** A plain BEGIN, the statement a connection defers (see PostgresConnection). */
const BEGIN = /^\s*BEGIN\s*;?\s*$/i;
const COMMIT_OR_ROLLBACK = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i;

/** SQLSTATE classes after which the session is gone: connection exceptions, admin shutdown. */
const FATAL_SQLSTATE = /^(08|57P0)/;
const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * One `pg.Client`. A plain BEGIN outside a transaction is not sent at once: it goes with the next
 * statement, in the same query string when that statement has no parameters (one round trip
 * instead of two), and a COMMIT or ROLLBACK that follows it directly sends nothing. The server
 * sees the same statements in the same order; a transaction costs one round trip less.
 */
class PostgresConnection implements DriverConnection {
  readonly #client: Client;
  #broken = false;
  #backendId: number | string = 0;
  /** True after a BEGIN that has not been sent yet. */
  #pendingBegin = false;

  constructor(client: Client) {
    this.#client = client;
    const lost = (): void => {
      this.#broken = true;
    };
    client.on('error', lost);
    client.on('end', lost);
  }

  async init(): Promise<void> {
    const pid = (this.#client as unknown as { processID?: unknown }).processID;
    if (typeof pid === 'number') this.#backendId = pid;
    else this.#backendId = Number((await this.query('SELECT pg_backend_pid() AS pid', [])).rows[0]?.pid);
  }

  get broken(): boolean {
    return this.#broken;
  }

  get backendId(): number | string {
    return this.#backendId;
  }

  get inTransaction(): boolean {
    if (this.#pendingBegin) return true;
    const status = this.#client.getTransactionStatus();
    return status === 'T' || status === 'E';
  }

  markBroken(): void {
    this.#broken = true;
  }

  async query(sql: string, params: Params): Promise<QueryResult> {
    if (params.length === 0) {
      if (this.#pendingBegin) {
        if (COMMIT_OR_ROLLBACK.test(sql)) {
          this.#pendingBegin = false;
          return { rows: [], rowCount: 0 };
        }
        try {
          return await this.#send(sql, `BEGIN;\n${sql}`, params);
        } catch (e) {
          // a statement the server cannot parse fails the whole string, BEGIN included: then
          // send them apart, as if never joined (the statement fails again, in the transaction)
          if (this.#broken || this.#client.getTransactionStatus() !== 'I') throw e;
          await this.#send('BEGIN', 'BEGIN', []);
          return this.#send(sql, sql, params);
        }
      }
      if (BEGIN.test(sql) && this.#client.getTransactionStatus() === 'I') {
        this.#pendingBegin = true;
        return { rows: [], rowCount: 0 };
      }
    } else if (this.#pendingBegin) {
      await this.#send('BEGIN', 'BEGIN', []);
    }
    return this.#send(sql, sql, params);
  }

  queryScript(statements: readonly string[]): Promise<QueryResult> {
    return this.query(statements.join(';\n'), []);
  }

  /** Sends `text` (`sql` with a deferred BEGIN in front, or `sql` itself); errors name `sql`. */
  async #send(sql: string, text: string, params: Params): Promise<QueryResult> {
    this.#pendingBegin = false;
    let res: PgResult | PgResult[];
    try {
      res = params.length === 0 ? await this.#client.query(text) : await this.#client.query(text, params as unknown[]);
    } catch (e) {
      const code = stringProp(e, 'code');
      if (code === undefined || !SQLSTATE.test(code) || FATAL_SQLSTATE.test(code)) this.#broken = true;
      else await this.#readyForQuery();
      throw toDriverError(e, sql, params, code);
    }
    // several statements in one string (no parameters) give one result each: report the last
    const last = Array.isArray(res) ? res[res.length - 1] : res;
    if (last === undefined) return { rows: [], rowCount: 0 };
    return { rows: last.rows, rowCount: last.rowCount ?? last.rows.length };
  }

  /**
   * pg rejects a query at the server's ErrorResponse, before the ReadyForQuery that follows it
   * says whether a transaction is open ('T'), failed ('E') or not ('I'); until it arrives (another
   * packet, on a busy machine) getTransactionStatus() still gives the state from before the query.
   * Waits for it, so that inTransaction, and the pool's check at release, see the truth.
   */
  async #readyForQuery(): Promise<void> {
    const client = this.#client as unknown as { readyForQuery?: boolean; connection?: EventEmitter };
    const connection = client.connection;
    if (client.readyForQuery !== false || connection === undefined) return;
    await new Promise<void>((resolve) => {
      // pg's own listener was added first: when this one runs, the status is already read
      const done = (): void => {
        connection.off('readyForQuery', done);
        connection.off('end', done);
        connection.off('error', done);
        resolve();
      };
      connection.on('readyForQuery', done);
      connection.on('end', done);
      connection.on('error', done);
    });
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1', []);
  }

  async close(): Promise<void> {
    if (this.#broken) {
      this.#client.end().catch(() => undefined);
      return;
    }
    this.#broken = true;
    await this.#client.end();
  }
}
