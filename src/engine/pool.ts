import { createPool, type Pool as GenericPool } from 'generic-pool';
import { EngineDisposedError, PoolTimeoutError } from '../errors/index.js';
import type { DriverConnection, SyncDriverConnection } from './dialect.js';
import type { PoolStats } from './types.js';

/** Resolved pool settings (see PoolOptions for the meaning of each). */
export interface PoolConfig {
  readonly max: number;
  readonly acquireTimeoutMs: number;
  /** 0 keeps idle connections. */
  readonly idleTimeoutMs: number;
  /** null: never recycle. */
  readonly recycleMs: number | null;
  readonly prePing: boolean;
  /** Never close a connection while the pool lives (SQLite `:memory:`). */
  readonly keepOpen: boolean;
}

/** What the pool asks of its owner. */
export interface PoolHooks {
  /** Opens a driver connection; throws a RetortError when it cannot. */
  open(): Promise<DriverConnection>;
  /** Rolls back the open transaction of a connection being returned. */
  reset(conn: DriverConnection): Promise<unknown>;
  /** Told about each new connection. */
  opened?(conn: DriverConnection): void;
}

/** A driver connection as the pool holds it. */
export class PooledConnection {
  /** Times handed out. */
  uses = 0;
  /** Close it on release instead of reusing it (its state is unknown). */
  discard = false;
  constructor(
    readonly conn: DriverConnection,
    readonly createdAt: number,
  ) {}
}

/**
 * Stands in the generic pool for a connection that failed to open, so that the failure reaches
 * the caller waiting for it (generic-pool itself would retry forever).
 */
class FailedConnect {
  constructor(readonly error: unknown) {}
}

type Slot = PooledConnection | FailedConnect;

/** Internal: the wait for a connection ran past acquireTimeoutMs. */
class AcquireTimeout extends Error {}

const RESOLVED = Promise.resolve();

const isSync = (conn: DriverConnection): conn is SyncDriverConnection => conn.querySync !== undefined;
const noop = (): void => undefined;

/**
 * A pool of driver connections on `generic-pool`: acquire timeout, idle eviction, recycling by
 * age, pre-ping, and broken connections (as the driver reports them) never handed out.
 */
export class ConnectionPool {
  readonly #pool: GenericPool<Slot>;
  readonly #config: PoolConfig;
  readonly #hooks: PoolHooks;
  readonly #borrowed = new Set<PooledConnection>();
  /** The idle connections, most recently released last (generic-pool hands them out LIFO too). */
  readonly #idle: PooledConnection[] = [];
  #created = 0;
  #destroyed = 0;
  #maxSeen = 0;
  #closing: Promise<void> | null = null;
  /** Requests that timed out but still wait in the generic pool (they give back what they get). */
  #abandoned = 0;

  constructor(config: PoolConfig, hooks: PoolHooks) {
    this.#config = config;
    this.#hooks = hooks;
    const evict = config.idleTimeoutMs > 0 && !config.keepOpen;
    this.#pool = createPool<Slot>(
      { create: () => this.#create(), destroy: (slot) => this.#destroy(slot) },
      {
        max: config.max,
        min: 0,
        fifo: false,
        // no acquireTimeoutMillis: generic-pool would arm a timer on every acquire; #take arms
        // one only when the caller has to wait
        idleTimeoutMillis: evict ? config.idleTimeoutMs : Number.MAX_SAFE_INTEGER,
        evictionRunIntervalMillis: evict ? Math.min(config.idleTimeoutMs, 1000) : 0,
        numTestsPerEvictionRun: config.max,
      },
    );
  }

  /** Hands out a live connection, replacing dead, broken or too old ones on the way. */
  async acquire(): Promise<PooledConnection> {
    for (;;) {
      if (this.#closing) throw new EngineDisposedError();
      let slot: Slot;
      try {
        slot = await this.#take();
      } catch (e) {
        throw this.#acquireError(e);
      }
      if (slot instanceof FailedConnect) {
        this.#pool.destroy(slot).catch(noop);
        throw slot.error;
      }
      this.#forgetIdle(slot);
      const usable = !slot.conn.broken && !this.#expired(slot) && (!this.#config.prePing || slot.uses === 0 || (await this.#alive(slot)));
      if (this.#closing) {
        this.#pool.destroy(slot).catch(noop);
        throw new EngineDisposedError();
      }
      if (usable) {
        slot.uses++;
        this.#borrowed.add(slot);
        return slot;
      }
      this.#pool.destroy(slot).catch(noop);
    }
  }

  /**
   * Takes a connection back: broken or discarded ones are closed, one with a transaction still
   * open is rolled back first. Releasing twice does nothing.
   */
  release(slot: PooledConnection): Promise<void> {
    if (!this.#borrowed.has(slot)) return RESOLVED;
    const conn = slot.conn;
    if (conn.broken || slot.discard || this.#closing) return this.#close(slot);
    if (conn.inTransaction) return this.#rollbackAndRelease(slot);
    this.#borrowed.delete(slot);
    this.#releaseIdle(slot);
    return RESOLVED;
  }

  /**
   * The most recently released idle connection when its driver is synchronous (SQLite) and it is
   * fit to hand out (recycling and pre-ping as for acquire), else null. It stays idle in the pool: the caller must use it synchronously
   * (nothing else runs meanwhile, so nobody can check it out) and leave no transaction open.
   */
  idleSync(): SyncDriverConnection | null {
    const slot = this.#idle[this.#idle.length - 1];
    if (slot === undefined || !isSync(slot.conn) || this.#closing || slot.conn.broken || this.#expired(slot)) return null;
    slot.uses++;
    return slot.conn;
  }

  /** True once close() has been called. */
  get closed(): boolean {
    return this.#closing !== null;
  }

  stats(): PoolStats {
    return {
      size: this.#created - this.#destroyed,
      available: this.#pool.available,
      pending: this.#pool.pending - this.#abandoned,
      created: this.#created,
      destroyed: this.#destroyed,
      maxSeen: this.#maxSeen,
    };
  }

  /** Closes every connection, borrowed ones included; later acquires throw EngineDisposedError. */
  close(): Promise<void> {
    this.#closing ??= this.#closeAll();
    return this.#closing;
  }

  async #closeAll(): Promise<void> {
    for (const slot of this.#borrowed) this.#pool.destroy(slot).catch(noop);
    this.#borrowed.clear();
    await this.#pool.drain();
    await this.#pool.clear();
  }

  /**
   * A slot from the generic pool. An idle one is handed out synchronously inside acquire(), so
   * only a caller that has to wait (for a release or a new connection) gets a timeout.
   */
  #take(): Promise<Slot> {
    const pool = this.#pool;
    if (pool.available > 0) return pool.acquire();
    const request = pool.acquire();
    return new Promise<Slot>((resolve, reject) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        this.#abandoned++;
        reject(new AcquireTimeout());
      }, this.#config.acquireTimeoutMs);
      request.then(
        (slot) => {
          if (!timedOut) {
            clearTimeout(timer);
            resolve(slot);
            return;
          }
          this.#abandoned--;
          if (slot instanceof PooledConnection && !this.#closing) this.#releaseIdle(slot);
          else this.#pool.destroy(slot).catch(noop);
        },
        (e: unknown) => {
          clearTimeout(timer);
          if (timedOut) this.#abandoned--;
          else reject(e);
        },
      );
    });
  }

  async #rollbackAndRelease(slot: PooledConnection): Promise<void> {
    try {
      await this.#hooks.reset(slot.conn);
    } catch {
      slot.discard = true;
    }
    if (slot.discard || slot.conn.broken || slot.conn.inTransaction || this.#closing) return this.#close(slot);
    this.#borrowed.delete(slot);
    this.#releaseIdle(slot);
  }

  /** Gives a slot back to the generic pool: to a waiting acquire, or to the idle ones. */
  #releaseIdle(slot: PooledConnection): void {
    const toWaiter = this.#pool.pending > 0;
    // generic-pool's release only rejects for a slot it did not lend, which #borrowed rules out
    void this.#pool.release(slot);
    if (!toWaiter) this.#idle.push(slot);
  }

  #forgetIdle(slot: PooledConnection): void {
    const at = this.#idle.lastIndexOf(slot);
    if (at >= 0) this.#idle.splice(at, 1);
  }

  #close(slot: PooledConnection): Promise<void> {
    this.#borrowed.delete(slot);
    return this.#pool.destroy(slot).catch(noop);
  }

  #expired(slot: PooledConnection): boolean {
    const max = this.#config.recycleMs;
    return max !== null && !this.#config.keepOpen && Date.now() - slot.createdAt >= max;
  }

  async #alive(slot: PooledConnection): Promise<boolean> {
    try {
      await slot.conn.ping();
      return true;
    } catch {
      return false;
    }
  }

  async #create(): Promise<Slot> {
    let conn: DriverConnection;
    try {
      conn = await this.#hooks.open();
    } catch (e) {
      return new FailedConnect(e);
    }
    this.#created++;
    this.#maxSeen = Math.max(this.#maxSeen, this.#created - this.#destroyed);
    this.#hooks.opened?.(conn);
    return new PooledConnection(conn, Date.now());
  }

  async #destroy(slot: Slot): Promise<void> {
    if (slot instanceof FailedConnect) return;
    this.#forgetIdle(slot);
    this.#destroyed++;
    await slot.conn.close().catch(noop);
  }

  #acquireError(e: unknown): Error {
    if (e instanceof AcquireTimeout) {
      const { max, acquireTimeoutMs } = this.#config;
      return new PoolTimeoutError(
        `no database connection became free within ${acquireTimeoutMs} ms: the pool's ${max} connection${max === 1 ? ' is' : 's are'} ` +
          `all in use (pool max ${max}, acquireTimeoutMs ${acquireTimeoutMs}); release connections sooner, or raise pool.max or pool.acquireTimeoutMs`,
      );
    }
    if (this.#closing) return new EngineDisposedError();
    return e instanceof Error ? e : new Error(String(e));
  }
}
