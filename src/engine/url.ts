import { inspect } from 'node:util';
import { UrlError } from '../errors/index.js';
import { dialectInfo } from './registry.js';
import { maskUrlText } from './url-mask.js';

/** The parts of a {@link DatabaseUrl} that {@link DatabaseUrl.with} can replace. */
export interface DatabaseUrlParts {
  readonly username?: string | null;
  readonly password?: string | null;
  readonly host?: string | null;
  readonly port?: number | null;
  readonly database?: string | null;
  readonly query?: Readonly<Record<string, string>>;
}

/**
 * A parsed database URL. The password lives in a private field: `toString()`, `toJSON()`,
 * `util.inspect` and error messages show it as `***`; only {@link DatabaseUrl.revealPassword}
 * and {@link DatabaseUrl.toUnmaskedString} give it back, for drivers and test harnesses.
 *
 * @example
 * ```ts
 * const url = parseUrl('postgresql://app:s3cret@db.local:5432/app?application_name=api');
 * url.dialect;      // 'postgresql'
 * String(url);      // 'postgresql://app:***@db.local:5432/app?application_name=api'
 * url.with({ database: 'app_test' }).database; // 'app_test'
 * ```
 */
export class DatabaseUrl {
  /** Registered dialect name (`postgresql`, `mysql`, `sqlite`), whatever alias the URL used. */
  readonly dialect: string;
  /** The scheme as written (`postgres`, `mariadb`, ...). */
  readonly scheme: string;
  readonly username: string | null;
  /** Host name or IP address (IPv6 without brackets); null for SQLite. */
  readonly host: string | null;
  /** Port as written; null means the driver's default. */
  readonly port: number | null;
  /** Database name; for SQLite the file path as written (relative to the working directory) or `:memory:`. */
  readonly database: string | null;
  /** Query string parameters, decoded. */
  readonly query: Readonly<Record<string, string>>;
  readonly #password: string | null;

  /** @internal Use {@link parseUrl}. */
  constructor(fields: UrlFields, password: string | null) {
    this.dialect = fields.dialect;
    this.scheme = fields.scheme;
    this.username = fields.username;
    this.host = fields.host;
    this.port = fields.port;
    this.database = fields.database;
    this.query = Object.freeze({ ...fields.query });
    this.#password = password;
    Object.freeze(this);
  }

  /** True when the URL carries a password (without showing it). */
  get hasPassword(): boolean {
    return this.#password !== null;
  }

  /** The password, for drivers. Never print it. */
  revealPassword(): string | null {
    return this.#password;
  }

  /** A copy with some parts replaced (the password is kept unless given). */
  with(parts: DatabaseUrlParts): DatabaseUrl {
    return new DatabaseUrl(
      {
        dialect: this.dialect,
        scheme: this.scheme,
        username: parts.username !== undefined ? parts.username : this.username,
        host: parts.host !== undefined ? parts.host : this.host,
        port: parts.port !== undefined ? parts.port : this.port,
        database: parts.database !== undefined ? parts.database : this.database,
        query: parts.query ?? this.query,
      },
      parts.password !== undefined ? parts.password : this.#password,
    );
  }

  /** The URL with the password shown as `***`. */
  toString(): string {
    return render(this, this.#password === null ? null : '***');
  }

  /** The full URL, password included: for handing to another process, never for printing. */
  toUnmaskedString(): string {
    return render(this, this.#password === null ? null : encodeURIComponent(this.#password));
  }

  toJSON(): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return `DatabaseUrl <${this.toString()}>`;
  }
}

/** Everything of a DatabaseUrl but the password. */
type UrlFields = Pick<DatabaseUrl, 'dialect' | 'scheme' | 'username' | 'host' | 'port' | 'database' | 'query'>;

function render(url: DatabaseUrl, password: string | null): string {
  const query = Object.keys(url.query).length ? `?${new URLSearchParams(url.query as Record<string, string>).toString()}` : '';
  if (url.host === null) {
    // file URL (SQLite): sqlite:///relative.db, sqlite:////absolute.db, sqlite://:memory:
    const db = url.database ?? '';
    if (db === ':memory:') return `${url.scheme}://:memory:${query}`;
    return `${url.scheme}:///${encodePath(db)}${query}`;
  }
  let auth = '';
  if (url.username !== null || password !== null) {
    auth = encodeURIComponent(url.username ?? '') + (password !== null ? `:${password}` : '') + '@';
  }
  const host = url.host.includes(':') ? `[${url.host}]` : url.host;
  const port = url.port !== null ? `:${url.port}` : '';
  const db = url.database !== null ? `/${encodeURIComponent(url.database)}` : '';
  return `${url.scheme}://${auth}${host}${port}${db}${query}`;
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/s;

/**
 * Parses a database URL. Forms:
 * - `postgresql://user:pass@host:5432/db?opts` (also `postgres://`)
 * - `mysql://user:pass@host:3306/db` (also `mariadb://`, dialect `mysql`)
 * - `sqlite:///relative.db`, `sqlite:////absolute/path.db`, `sqlite://:memory:`, `sqlite://`
 *
 * User name, password, database and query values are percent-decoded.
 *
 * @throws UrlError naming what is wrong (the URL in the message has its password masked);
 *   UnknownDialectError when no dialect is registered under the scheme.
 * @example
 * ```ts
 * const url = parseUrl('mariadb://root@127.0.0.1:3306/test');
 * url.dialect; // 'mysql'
 * ```
 */
export function parseUrl(text: string): DatabaseUrl {
  if (typeof text !== 'string' || text.trim() === '') throw new UrlError('empty database URL: expected something like postgresql://user@host/db or sqlite:///app.db');
  const m = SCHEME.exec(text.trim());
  if (!m) {
    throw new UrlError(`"${maskUrlText(text)}" is not a database URL: it has no scheme (expected <dialect>://..., e.g. postgresql://user@host/db or sqlite:///app.db)`);
  }
  const scheme = m[1]!;
  const rest = m[2]!;
  const dialect = dialectInfo(scheme.toLowerCase());
  const masked = (): string => maskUrlText(text);
  const qAt = rest.indexOf('?');
  const body = qAt < 0 ? rest : rest.slice(0, qAt);
  const query = qAt < 0 ? {} : Object.fromEntries(new URLSearchParams(rest.slice(qAt + 1)));
  const base = { dialect: dialect.name, scheme, query };
  if (dialect.urlKind === 'file') return parseFileUrl(base, body, masked);
  return parseServerUrl(base, body, masked);
}

type Base = Pick<UrlFields, 'dialect' | 'scheme' | 'query'>;

function parseFileUrl(base: Base, body: string, masked: () => string): DatabaseUrl {
  let database: string;
  if (body === '' || body === ':memory:' || body === '/:memory:') database = ':memory:';
  else if (body.startsWith('/')) database = decode(body.slice(1), 'file path', masked);
  else {
    throw new UrlError(
      `${masked()}: ${base.scheme} URLs have no host; write ${base.scheme}:///relative/path.db, ${base.scheme}:////absolute/path.db or ${base.scheme}://:memory:`,
    );
  }
  if (database === '') throw new UrlError(`${masked()}: missing file path (e.g. ${base.scheme}:///app.db)`);
  return new DatabaseUrl({ ...base, username: null, host: null, port: null, database }, null);
}

function parseServerUrl(base: Base, body: string, masked: () => string): DatabaseUrl {
  const slash = body.indexOf('/');
  const authority = slash < 0 ? body : body.slice(0, slash);
  const path = slash < 0 ? '' : body.slice(slash + 1);
  const at = authority.lastIndexOf('@');
  const userinfo = at < 0 ? null : authority.slice(0, at);
  const hostport = at < 0 ? authority : authority.slice(at + 1);

  let username: string | null = null;
  let password: string | null = null;
  if (userinfo !== null) {
    const colon = userinfo.indexOf(':');
    username = decode(colon < 0 ? userinfo : userinfo.slice(0, colon), 'user name', masked);
    if (colon >= 0) password = decode(userinfo.slice(colon + 1), 'password', masked);
    if (username === '') username = null;
  }

  let host: string;
  let portText: string | null = null;
  if (hostport.startsWith('[')) {
    const close = hostport.indexOf(']');
    if (close < 0) throw new UrlError(`${masked()}: unclosed "[" in the host`);
    host = hostport.slice(1, close);
    const after = hostport.slice(close + 1);
    if (after !== '') {
      if (!after.startsWith(':')) throw new UrlError(`${masked()}: unexpected text after the host`);
      portText = after.slice(1);
    }
  } else {
    const colon = hostport.lastIndexOf(':');
    host = colon < 0 ? hostport : hostport.slice(0, colon);
    if (colon >= 0) portText = hostport.slice(colon + 1);
  }
  if (host === '') throw new UrlError(`${masked()}: missing host (${base.dialect} URLs look like ${base.scheme}://user@host:port/database)`);

  let port: number | null = null;
  if (portText !== null) {
    port = /^[0-9]{1,5}$/.test(portText) ? Number(portText) : NaN;
    if (!(port >= 1 && port <= 65535)) throw new UrlError(`${masked()}: bad port: the port must be a number from 1 to 65535`);
  }
  const database = path === '' ? null : decode(path, 'database name', masked);
  return new DatabaseUrl({ ...base, username, host, port, database }, password);
}

function decode(part: string, what: string, masked: () => string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new UrlError(`${masked()}: malformed percent-encoding in the ${what}`);
  }
}
