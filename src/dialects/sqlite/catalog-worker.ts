import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Params, Row } from '../../engine/types.js';
import { addonPath } from './driver.js';

/** A read-only catalog query and its parameters. */
export interface CatalogQuery {
  readonly sql: string;
  readonly params: Params;
}

// The worker: CommonJS evaluated from this text (no file to find in src/, dist/ or the bundle).
// It opens the database read-only with better-sqlite3 and the addon the main thread found,
// runs the queries, and sends their rows back as one JSON text (parsed faster than a structured
// clone of thousands of small rows is received).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let db;
try {
  const Database = require(workerData.module);
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 5000, nativeBinding: workerData.addon });
  const results = workerData.queries.map((q) => db.prepare(q.sql).all(q.params));
  parentPort.postMessage({ json: JSON.stringify(results) });
} catch (e) {
  parentPort.postMessage({ error: String(e && e.message || e) });
} finally {
  if (db) db.close();
}
`;

/**
 * Runs read-only catalog queries on a SQLite file with a connection of their own, in a worker
 * thread: better-sqlite3 is synchronous, so a large catalog read on the main thread blocks it
 * (~0.2 ms a table), while the caller could be loading the models meanwhile. Sees committed data
 * only. Resolves to each query's rows, or null when the worker cannot do it (no addon file to
 * hand it, an error opening or reading): the caller then reads inline, where any real error shows.
 *
 * @example
 * ```ts
 * const rows = await readInWorker('/srv/app.db', [{ sql: 'SELECT name FROM sqlite_master', params: [] }]);
 * ```
 */
export function readInWorker(file: string, queries: readonly CatalogQuery[]): Promise<Row[][] | null> {
  const addon = addonPath();
  if (addon === null) return Promise.resolve(null);
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      // no execArgv: a loader the parent runs under (tsx in the tests) would only slow the worker's start
      worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { module, addon, file, queries } });
    } catch {
      resolve(null);
      return;
    }
    worker.once('message', (message: { json?: string; error?: string }) => {
      resolve(message.json === undefined ? null : (JSON.parse(message.json) as Row[][]));
      void worker.terminate();
    });
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}
