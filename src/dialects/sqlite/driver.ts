import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve as resolvePath } from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import type { Driver, DriverConnection, DriverOptions, SyncDriverConnection } from '../../engine/dialect.js';
import { stringProp, toConnectionError, toDriverError } from '../../engine/driver-errors.js';
import { ConnectionError } from '../../errors/index.js';
import type { Params, QueryResult, Row } from '../../engine/types.js';
import type { DatabaseUrl } from '../../engine/url.js';

/** Prepared statements kept per connection; the oldest is dropped past this. */
const STATEMENT_CACHE_SIZE = 200;
const NO_ROWS: Row[] = [];
let counter = 0;

/** True for the URL of an in-memory SQLite database. */
export function isMemoryUrl(url: DatabaseUrl): boolean {
  return url.database === null || url.database === ':memory:';
}

/**
 * The SQLite driver: one `better-sqlite3` Database per pooled connection, with foreign keys on and
 * WAL journaling for files. Calls are synchronous underneath and wrapped in promises.
 * `better-sqlite3` is imported here, when the first engine for a SQLite URL connects, and its addon
 * loaded by {@link loadAddon}.
 */
export async function createSqliteDriver(url: DatabaseUrl, options: DriverOptions): Promise<Driver> {
  const { default: Sqlite } = await import('better-sqlite3');
  const nativeBinding = (addon ??= loadAddon());
  const memory = isMemoryUrl(url);
  const file = memory ? ':memory:' : resolvePath(url.database ?? '');
  return {
    async connect(): Promise<DriverConnection> {
      let db: Database;
      try {
        // better-sqlite3 takes the addon object too; its types only know a path
        db = new Sqlite(file, { timeout: Math.min(options.connectTimeoutMs, 5000), nativeBinding: nativeBinding as unknown as string });
        db.pragma('foreign_keys = ON');
        if (!memory) db.pragma('journal_mode = WAL');
      } catch (e) {
        throw toConnectionError(url, e);
      }
      return new SqliteConnection(db, ++counter);
    },
  };
}

let addon: object | undefined;

/**
 * better-sqlite3's compiled addon, loaded by path from where its build puts it: better-sqlite3's
 * own lookup (the `bindings` package) tries a dozen candidate paths, a few milliseconds of every
 * CLI command on SQLite, and could not find the addon from retort's bundle (dist/bundle/, where
 * better-sqlite3's JavaScript is bundled). An addon built elsewhere is found by that same lookup,
 * run from better-sqlite3's folder.
 */
function loadAddon(): object {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('better-sqlite3/package.json'));
  const built = join(root, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(built)) return require(built) as object;
  const bindings = createRequire(join(root, 'package.json'))('bindings') as (options: object) => object;
  return bindings({ bindings: 'better_sqlite3.node', module_root: root });
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null: convert the rest. */
function toBindable(params: Params): unknown[] {
  const out = params.slice();
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    if (typeof v === 'boolean') out[i] = v ? 1n : 0n;
    else if (v === undefined) out[i] = null;
    else if (v instanceof Date) out[i] = v.toISOString();
    else if (typeof v === 'object' && v !== null && !Buffer.isBuffer(v) && !ArrayBuffer.isView(v)) out[i] = JSON.stringify(v);
  }
  return out;
}

class SqliteConnection implements SyncDriverConnection {
  readonly #db: Database;
  readonly #statements = new Map<string, Statement>();
  readonly backendId: number;
  /** False once close() has run (kept here: better-sqlite3's `open` is a call into the addon). */
  #open = true;
  /**
   * False while no transaction can be open: only a statement that returns no rows (BEGIN,
   * SAVEPOINT) opens one, so a run of queries that return rows keeps the check below free.
   */
  #mayBeInTransaction = false;

  constructor(db: Database, id: number) {
    this.#db = db;
    this.backendId = id;
  }

  get broken(): boolean {
    return !this.#open;
  }

  get inTransaction(): boolean {
    if (!this.#mayBeInTransaction || !this.#open) return false;
    return (this.#mayBeInTransaction = this.#db.inTransaction);
  }

  query(sql: string, params: Params): Promise<QueryResult> {
    try {
      return Promise.resolve(this.querySync(sql, params));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  querySync(sql: string, params: Params): QueryResult {
    try {
      return this.#run(sql, params);
    } catch (e) {
      throw toDriverError(e, sql, params, stringProp(e, 'code'));
    }
  }

  #run(sql: string, params: Params): QueryResult {
    const stmt = this.#prepare(sql, params);
    if (stmt === null) return { rows: NO_ROWS, rowCount: 0 };
    const values = params.length === 0 ? params : toBindable(params);
    if (stmt.reader) {
      const rows = stmt.all(values) as Row[];
      return { rows, rowCount: rows.length };
    }
    this.#mayBeInTransaction = true;
    const info = stmt.run(values);
    return { rows: [], rowCount: info.changes, insertId: info.changes > 0 ? info.lastInsertRowid : undefined };
  }

  /** The cached statement for `sql`; null when `sql` held several statements and ran with `exec`. */
  #prepare(sql: string, params: Params): Statement | null {
    let stmt = this.#statements.get(sql);
    if (stmt !== undefined) return stmt;
    try {
      stmt = this.#db.prepare(sql);
    } catch (e) {
      if (params.length === 0 && e instanceof RangeError && /more than one statement|no statements/.test(e.message)) {
        this.#mayBeInTransaction = true;
        this.#db.exec(sql);
        return null;
      }
      throw e;
    }
    if (this.#statements.size >= STATEMENT_CACHE_SIZE) {
      const oldest = this.#statements.keys().next();
      if (!oldest.done) this.#statements.delete(oldest.value);
    }
    this.#statements.set(sql, stmt);
    return stmt;
  }

  ping(): Promise<void> {
    return this.#open ? Promise.resolve() : Promise.reject(new ConnectionError('sqlite: the database connection is closed'));
  }

  close(): Promise<void> {
    this.#statements.clear();
    this.#open = false;
    if (this.#db.open) this.#db.close();
    return Promise.resolve();
  }
}
