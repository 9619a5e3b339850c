import type { Dialect } from './dialect.js';
import type { Connection, TransactionOptions } from './types.js';

/** What a transaction needs of the connection it runs on. */
export interface TransactionHost {
  readonly connection: Connection;
  readonly dialect: Dialect;
  /** Open transaction levels: 0 none, 1 a transaction, 2+ savepoints inside it. */
  depth: number;
  /** Runs a transaction-control statement. */
  control(sql: string): Promise<unknown>;
  /** The session's state is unknown (a ROLLBACK failed): close it instead of reusing it. */
  discard(): void;
}

/**
 * Runs `fn` in a transaction on `host`: BEGIN, then COMMIT when `fn` returns or ROLLBACK when it
 * throws (the error is rethrown). Inside an open transaction it uses a SAVEPOINT instead, so a
 * failing inner block rolls back alone and the outer transaction continues.
 */
export async function runTransaction<T>(host: TransactionHost, fn: (tx: Connection) => Promise<T>, options?: TransactionOptions): Promise<T> {
  const tx = host.dialect.transactions;
  const depth = host.depth;
  if (depth > 0) return runSavepoint(host, fn, depth);

  await host.control(tx.begin(options?.immediate ? { immediate: true } : undefined));
  host.depth = 1;
  let result: T;
  try {
    result = await fn(host.connection);
  } catch (e) {
    host.depth = 0;
    await rollback(host);
    throw e;
  }
  host.depth = 0;
  try {
    await host.control(tx.commit);
  } catch (e) {
    await rollback(host);
    throw e;
  }
  return result;
}

async function runSavepoint<T>(host: TransactionHost, fn: (tx: Connection) => Promise<T>, depth: number): Promise<T> {
  const tx = host.dialect.transactions;
  const name = `retort_sp_${depth}`;
  await host.control(tx.savepoint(name));
  host.depth = depth + 1;
  try {
    const result = await fn(host.connection);
    await host.control(tx.releaseSavepoint(name));
    return result;
  } catch (e) {
    try {
      await host.control(tx.rollbackToSavepoint(name));
      await host.control(tx.releaseSavepoint(name));
    } catch {
      // the savepoint is gone (MySQL DDL commits implicitly); the outer transaction decides
    }
    throw e;
  } finally {
    host.depth = depth;
  }
}

async function rollback(host: TransactionHost): Promise<void> {
  try {
    await host.control(host.dialect.transactions.rollback);
  } catch {
    host.discard();
  }
}
