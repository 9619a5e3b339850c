import type { Connection, ConnectionOptions, QueryError } from 'mysql2';
import type { Driver, DriverConnection, DriverOptions } from '../../engine/dialect.js';
import { stringProp, toConnectionError, toDriverError } from '../../engine/driver-errors.js';
import { UrlError } from '../../errors/index.js';
import type { Params, QueryResult, Row } from '../../engine/types.js';
import type { DatabaseUrl } from '../../engine/url.js';

const DEFAULT_PORT = 3306;
/** SERVER_STATUS_IN_TRANS of the MySQL protocol's OK packet. */
const SERVER_STATUS_IN_TRANS = 1;

/**
 * The MySQL / MariaDB driver: one plain `mysql2` connection per pooled connection (callback API,
 * wrapped). `mysql2` is imported here, when the first engine for a MySQL URL connects.
 */
export async function createMysqlDriver(url: DatabaseUrl, options: DriverOptions): Promise<Driver> {
  // `default`: mysql2's module.exports, in Node and in the CLI bundle alike (a bundled CommonJS
  // module imported lazily exposes only its default export)
  const { createConnection } = (await import('mysql2')).default;
  const config = connectionOptions(url, options);
  return {
    async connect(): Promise<DriverConnection> {
      const raw = createConnection(config);
      const conn = new MysqlConnection(raw);
      await new Promise<void>((resolve, reject) => {
        raw.connect((err: QueryError | null) => (err ? reject(toConnectionError(url, err)) : resolve()));
      });
      return conn;
    },
  };
}

function connectionOptions(url: DatabaseUrl, options: DriverOptions): ConnectionOptions {
  const q = url.query;
  const config: ConnectionOptions = {
    host: url.host ?? '127.0.0.1',
    port: url.port ?? DEFAULT_PORT,
    connectTimeout: options.connectTimeoutMs,
    supportBigNumbers: true,
    // several statements in one query string, as PostgreSQL takes them: the runner writes a
    // migration's version rows and their COMMIT in one round trip (see queryScript)
    multipleStatements: true,
  };
  if (url.username !== null) config.user = url.username;
  const password = url.revealPassword();
  if (password !== null) config.password = password;
  if (url.database !== null) config.database = url.database;
  if (q.charset) config.charset = q.charset;
  if (q.timezone) config.timezone = q.timezone;
  const ssl = sslOption(q);
  if (ssl !== null) config.ssl = ssl;
  return config;
}

/**
 * TLS from the URL: `?ssl-mode=` (or `sslmode=`) with MySQL's own mode names, case-insensitive:
 * DISABLED; REQUIRED (encrypted, the server's certificate not checked); VERIFY_CA and
 * VERIFY_IDENTITY (checked against the system's CAs and the host name). `?ssl=true` is REQUIRED,
 * `?ssl=false` DISABLED. mysql2 has no PREFERRED (TLS when the server offers it): asked for, or
 * any other value, it is a UrlError rather than a connection in plain text the URL did not ask for.
 */
function sslOption(q: Readonly<Record<string, string>>): { rejectUnauthorized: boolean } | null {
  const given = q['ssl-mode'] ?? q.sslmode ?? (q.ssl === undefined ? undefined : /^(true|1)$/i.test(q.ssl) ? 'REQUIRED' : /^(false|0)$/i.test(q.ssl) ? 'DISABLED' : q.ssl);
  if (given === undefined) return null;
  switch (given.toUpperCase().replace(/-/g, '_')) {
    case 'DISABLED':
      return null;
    case 'REQUIRED':
      return { rejectUnauthorized: false };
    case 'VERIFY_CA':
    case 'VERIFY_IDENTITY':
      return { rejectUnauthorized: true };
    default:
      throw new UrlError(`mysql: unsupported TLS mode "${given}" in the URL (ssl-mode=DISABLED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY; ssl=true or false)`);
  }
}

/** Plain objects are sent as JSON text; everything else as mysql2 escapes it (arrays become lists). */
function toValues(params: Params): unknown[] {
  const out = params.slice();
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    if (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype) out[i] = JSON.stringify(v);
  }
  return out;
}

/**
 * True when mysql2 reports the results of several statements: its `fields` then hold one entry
 * per statement (an array of columns, or undefined for a statement without rows), where a
 * single query's `fields` are the columns themselves (or undefined).
 */
function severalResults(fields: unknown): boolean {
  return Array.isArray(fields) && fields.length > 0 && (fields[0] === undefined || Array.isArray(fields[0]));
}

interface OkPacket {
  readonly affectedRows: number;
  readonly insertId: number;
  readonly serverStatus?: number;
}

class MysqlConnection implements DriverConnection {
  readonly #conn: Connection;
  #broken = false;
  #inTransaction = false;

  constructor(conn: Connection) {
    this.#conn = conn;
    const lost = (): void => {
      this.#broken = true;
    };
    conn.on('error', lost);
    conn.on('end', lost);
  }

  get broken(): boolean {
    return this.#broken;
  }

  get backendId(): number {
    return this.#conn.threadId;
  }

  get inTransaction(): boolean {
    return this.#inTransaction;
  }

  query(sql: string, params: Params): Promise<QueryResult> {
    return new Promise((resolve, reject) => {
      const done = (err: QueryError | null, result: unknown, fields: unknown): void => {
        if (err) {
          if (err.fatal) this.#broken = true;
          // an error packet carries no transaction status; after several statements (a BEGIN
          // among them, perhaps) assume one is open: the pool's ROLLBACK is then harmless
          if (sql.includes(';')) this.#inTransaction = true;
          reject(toDriverError(err, sql, params, this.#errorCode(err)));
        } else if (severalResults(fields)) {
          // one result per statement: each OK packet updates the transaction status; report the last
          const results = result as unknown[];
          let last: QueryResult = { rows: [], rowCount: 0 };
          for (const r of results) last = this.#result(r);
          resolve(last);
        } else {
          resolve(this.#result(result));
        }
      };
      if (params.length === 0) this.#conn.query(sql, done);
      else this.#conn.query(sql, toValues(params), done);
    });
  }

  /**
   * The error's code. mysql2 names error numbers after MySQL's list; MariaDB's own errors (from
   * 1900 on: 4119, "Not allowed for system-versioned table", is MySQL's ER_WARN_DEPRECATED_IDENT)
   * mean something else there, so on MariaDB they are shown by number (`errno 4119`).
   */
  #errorCode(err: QueryError): string | undefined {
    const errno = typeof err.errno === 'number' ? err.errno : 0;
    if (errno >= 1900 && this.#mariadb()) return `errno ${errno}`;
    return stringProp(err, 'code');
  }

  #mariadb(): boolean {
    // the server's version from the handshake (mysql2 keeps it on the connection, unexported)
    const handshake = (this.#conn as unknown as { _handshakePacket?: { serverVersion?: unknown } })._handshakePacket;
    return /mariadb/i.test(String(handshake?.serverVersion ?? ''));
  }

  queryScript(statements: readonly string[]): Promise<QueryResult> {
    return this.query(statements.join(';\n'), []);
  }

  #result(result: unknown): QueryResult {
    if (Array.isArray(result)) return { rows: result as Row[], rowCount: result.length };
    const ok = result as OkPacket;
    if (ok.serverStatus !== undefined) this.#inTransaction = (ok.serverStatus & SERVER_STATUS_IN_TRANS) !== 0;
    return { rows: [], rowCount: ok.affectedRows, insertId: ok.insertId || undefined };
  }

  ping(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#conn.ping((err: QueryError | null) => {
        if (err) {
          this.#broken = true;
          reject(toDriverError(err, 'PING', [], stringProp(err, 'code')));
        } else resolve();
      });
    });
  }

  close(): Promise<void> {
    if (this.#broken) {
      this.#conn.destroy();
      return Promise.resolve();
    }
    this.#broken = true;
    return new Promise((resolve) => {
      this.#conn.end(() => resolve());
    });
  }
}
