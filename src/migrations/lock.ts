/**
 * One migration lock per database, so that N processes running `upgrade` at once apply each
 * migration exactly once. Every lock dies with the session that holds it, so a killed process
 * cannot leave it stuck:
 * - PostgreSQL: `pg_advisory_lock(<64-bit key from the version table name>)` on a dedicated
 *   connection, held for the whole run (`scope: 'session'`).
 * - MySQL / MariaDB: `GET_LOCK('retort:<database>:<table>', <seconds>)` on a dedicated connection
 *   (`scope: 'session'`).
 * - SQLite: the write lock of each step's `BEGIN IMMEDIATE` on the migrating connection, with
 *   `PRAGMA busy_timeout` so that waiters wait (`scope: 'transaction'`). SQLite must leave the
 *   transaction between migrations (`PRAGMA foreign_keys` only changes outside one), so the
 *   runner re-reads the heads inside each step's transaction and re-plans when another process
 *   moved them.
 *
 * Lock statements run online only; `--sql` output has none.
 */
import { createHash } from 'node:crypto';
import type { Connection, Engine } from '../engine/types.js';
import { LockTimeoutError, RetortError } from '../errors/index.js';

/** A lock taken for one run. */
export interface MigrationLock {
  /** `session`: held from `acquire` to `release`; `transaction`: taken by each step's BEGIN IMMEDIATE. */
  readonly scope: 'session' | 'transaction';
  /** True for the statements the lock sends (all online only; an offline script has none). */
  isLockStatement(sql: string): boolean;
  /**
   * Takes the lock, waiting up to the timeout; calls `onWait` once when it has to wait (with what
   * it waits for, when the lock can say better than "another process's migration lock").
   * `migrating` is the connection the migrations run on (SQLite locks through it; the server
   * dialects take a dedicated connection of their own).
   */
  acquire(migrating: Connection, onWait?: (message?: string) => void): Promise<void>;
  /** Gives the lock back; never throws. Idempotent. */
  release(): Promise<void>;
}

export interface LockOptions {
  readonly versionTable: string;
  /** How long to wait for another process's lock. Default 10 minutes. */
  readonly timeoutMs?: number;
}

/** The default time a run waits for the lock. */
export const DEFAULT_LOCK_TIMEOUT_MS = 600_000;

/**
 * A stable signed 64-bit key for `pg_advisory_lock`, from sha256 of `retort:<versionTable>`.
 *
 * @example
 * ```ts
 * advisoryLockKey('retort_version'); // the same bigint in every process
 * ```
 */
export function advisoryLockKey(versionTable: string): bigint {
  const digest = createHash('sha256').update(`retort:${versionTable}`).digest();
  return digest.readBigInt64BE(0);
}

/** The GET_LOCK name for a database and version table, at most 64 characters. */
export function mysqlLockName(database: string, versionTable: string): string {
  const name = `retort:${database}:${versionTable}`;
  return name.length <= 64 ? name : `retort:${createHash('sha256').update(name).digest('hex').slice(0, 40)}`;
}

type LockFactory = (engine: Engine, options: LockOptions) => MigrationLock;

const FACTORIES: Readonly<Record<string, LockFactory>> = {
  postgresql: postgresLock,
  mysql: mysqlLock,
  sqlite: sqliteLock,
};

/**
 * The lock for the engine's dialect. `isLockStatement` knows its statements before it is taken
 * (they are what an online run sends besides the script of an offline one).
 *
 * @example
 * ```ts
 * const lock = createMigrationLock(engine, { versionTable: 'retort_version' });
 * await lock.acquire(conn, () => emit({ type: 'lock-wait' }));
 * try { ... } finally { await lock.release(); }
 * ```
 */
export function createMigrationLock(engine: Engine, options: LockOptions): MigrationLock {
  const factory = FACTORIES[engine.dialect.name];
  if (!factory) throw new RetortError(`retort has no migration lock for dialect "${engine.dialect.name}"`, { code: 'LOCK_UNSUPPORTED' });
  return factory(engine, options);
}

function timeoutOf(options: LockOptions): number {
  return options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
}

function postgresLock(engine: Engine, options: LockOptions): MigrationLock {
  const key = advisoryLockKey(options.versionTable).toString();
  const timeoutMs = Math.max(1, Math.round(timeoutOf(options)));
  const tryLock = `SELECT pg_try_advisory_lock(${key}) AS acquired`;
  const setTimeout = `SET lock_timeout = ${timeoutMs}`;
  const lock = `SELECT pg_advisory_lock(${key})`;
  const resetTimeout = 'RESET lock_timeout';
  const unlock = `SELECT pg_advisory_unlock(${key})`;
  return sessionLock(engine, [tryLock, setTimeout, lock, resetTimeout, unlock], {
    async take(conn, onWait) {
      const { rows } = await conn.execute(tryLock);
      if (rows[0]?.acquired === true) return;
      onWait?.();
      await conn.execute(setTimeout);
      try {
        await conn.execute(lock);
      } catch (e) {
        throw new LockTimeoutError(
          `another process has held the migration lock of "${options.versionTable}" for more than ${timeoutMs} ms; is a migration still running?`,
          { cause: e },
        );
      } finally {
        await conn.execute(resetTimeout).catch(() => undefined);
      }
    },
    async give(conn) {
      await conn.execute(unlock);
    },
  });
}

function mysqlLock(engine: Engine, options: LockOptions): MigrationLock {
  const name = engine.dialect.literal(mysqlLockName(engine.url.database ?? '', options.versionTable));
  const seconds = Math.max(1, Math.ceil(timeoutOf(options) / 1000));
  const tryLock = `SELECT GET_LOCK(${name}, 0) AS acquired`;
  const lock = `SELECT GET_LOCK(${name}, ${seconds}) AS acquired`;
  const unlock = `SELECT RELEASE_LOCK(${name})`;
  return sessionLock(engine, [tryLock, lock, unlock], {
    async take(conn, onWait) {
      const first = await conn.execute(tryLock);
      if (Number(first.rows[0]?.acquired) === 1) return;
      onWait?.();
      const { rows } = await conn.execute(lock);
      if (Number(rows[0]?.acquired) !== 1) {
        throw new LockTimeoutError(
          `another process has held the migration lock of "${options.versionTable}" for more than ${seconds} s; is a migration still running?`,
        );
      }
    },
    async give(conn) {
      await conn.execute(unlock);
    },
  });
}

interface SessionLockSteps {
  take(conn: Connection, onWait?: () => void): Promise<void>;
  give(conn: Connection): Promise<void>;
}

/** A lock held by a dedicated connection from acquire to release. */
function sessionLock(engine: Engine, statements: readonly string[], steps: SessionLockSteps): MigrationLock {
  let conn: Connection | null = null;
  let held = false;
  const own = new Set(statements);
  return {
    scope: 'session',
    isLockStatement: (sql) => own.has(sql),
    async acquire(_migrating, onWait) {
      conn = await engine.connect();
      try {
        await steps.take(conn, onWait);
        held = true;
      } catch (e) {
        const c = conn;
        conn = null;
        await c.release();
        throw e;
      }
    },
    async release() {
      const c = conn;
      if (c === null) return;
      conn = null;
      try {
        if (held) await steps.give(c);
      } catch {
        // the session is gone or broken: the server released the lock with it
      } finally {
        held = false;
        await c.release().catch(() => undefined);
      }
    },
  };
}

function sqliteLock(_engine: Engine, options: LockOptions): MigrationLock {
  const read = 'PRAGMA busy_timeout';
  const timeoutMs = Math.max(1, Math.round(timeoutOf(options)));
  const busy = `PRAGMA busy_timeout = ${timeoutMs}`;
  const noWait = 'PRAGMA busy_timeout = 0';
  // spelled apart from the runner's own BEGIN IMMEDIATE / ROLLBACK, which --sql scripts hold
  const begin = 'BEGIN IMMEDIATE TRANSACTION';
  const rollback = 'ROLLBACK TRANSACTION';
  let restore: { conn: Connection; sql: string } | null = null;
  /** BEGIN IMMEDIATE then ROLLBACK: false when another connection holds the write lock past the busy timeout. */
  const probe = async (conn: Connection): Promise<boolean> => {
    try {
      await conn.execute(begin);
    } catch (e) {
      if (isSqliteBusy(e)) return false;
      throw e;
    }
    await conn.execute(rollback);
    return true;
  };
  return {
    scope: 'transaction',
    isLockStatement: (sql) => sql === read || /^PRAGMA busy_timeout = \d+$/.test(sql) || sql === begin || sql === rollback,
    async acquire(migrating, onWait) {
      const { rows } = await migrating.execute(read);
      const before = Number(Object.values(rows[0] ?? {})[0] ?? 0);
      // the pooled connection goes back with the wait it had
      restore = { conn: migrating, sql: `PRAGMA busy_timeout = ${Number.isFinite(before) ? before : 0}` };
      // Another connection's write transaction (a long one, or another process's migration) holds
      // the write lock: say so and wait for it here, so that a timeout is a LockTimeoutError
      // before anything ran, not SQLITE_BUSY from the first statement of the run.
      await migrating.execute(noWait);
      if (!(await probe(migrating))) {
        onWait?.(`the SQLite database's write lock is held by another connection (a write transaction, or another process migrating); for up to ${Math.ceil(timeoutMs / 1000)} s`);
        await migrating.execute(busy);
        if (!(await probe(migrating))) {
          throw new LockTimeoutError(
            `another connection has held the write lock of the SQLite database for more than ${timeoutMs} ms ` +
              '(a long write transaction in another process, or a migration still running); nothing was changed',
          );
        }
      }
      await migrating.execute(busy);
    },
    async release() {
      // each step's transaction released the write lock when it ended
      const r = restore;
      restore = null;
      if (r) await r.conn.execute(r.sql).catch(() => undefined);
    },
  };
}

/** True for SQLite's "database is locked" (SQLITE_BUSY and its extended codes), wrapped or not. */
function isSqliteBusy(e: unknown): boolean {
  for (let x: unknown = e; x instanceof Error; x = (x as { cause?: unknown }).cause) {
    const code = (x as { driverCode?: unknown; code?: unknown }).driverCode ?? (x as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return true;
  }
  return false;
}
