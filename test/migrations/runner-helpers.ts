// Helpers for the runner tests: version rows, history rows, table existence, statement capture.
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { createEngine, type Engine, type QueryEvent } from '../../src/index.js';
import type { DialectContext } from '../helpers/databases.js';
import { VersionTableSql } from '../../src/migrations/version-table-sql.js';
import { readHistoryRows } from '../../src/migrations/version-table.js';

/** Absolute path of a committed fixture scenario (test/fixtures/migrations/<name>). */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/migrations/${name}/`, import.meta.url));
}

/** The rows of the version table, sorted. */
export async function versionRows(engine: Engine, table = 'retort_version'): Promise<string[]> {
  const { rows } = await engine.execute(`SELECT version_num FROM ${engine.dialect.quoteIdentifier(table)}`);
  return rows.map((r) => String(r.version_num)).sort();
}

/** The history rows as `revision:direction`, oldest first. */
export async function historyOf(engine: Engine, table = 'retort_version'): Promise<string[]> {
  const rows = await engine.withConnection((conn) => readHistoryRows(conn, new VersionTableSql(engine.dialect, table)));
  return rows.map((r) => `${r.revision}:${r.direction}`);
}

/** True when a table exists in the engine's database (current schema). */
export async function tableExists(engine: Engine, name: string): Promise<boolean> {
  const { rows } = await engine.execute(new VersionTableSql(engine.dialect, name).exists());
  return rows.length > 0;
}

/** Which of `names` exist, in the given order. */
export async function existing(engine: Engine, names: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const name of names) if (await tableExists(engine, name)) out.push(name);
  return out;
}

/** Records every statement the engine runs until `stop()`. */
export function capture(engine: Engine): { readonly events: QueryEvent[]; readonly sql: () => string[]; stop: () => void } {
  const events: QueryEvent[] = [];
  const stop = engine.onQuery((e) => events.push(e));
  return { events, sql: () => events.map((e) => e.sql), stop };
}

/** A statement that makes the database wait `seconds` (a busy wait in JS for SQLite, see `sleepLines`). */
export function sleepSql(dialect: string, seconds: number): string | null {
  if (dialect === 'postgresql') return `SELECT pg_sleep(${seconds})`;
  if (dialect === 'mysql') return `SELECT SLEEP(${seconds})`;
  return null;
}

/**
 * Lines of a migration body that write `marker` (when given) and then wait `seconds` inside the
 * migration: in the database for servers; for SQLite (whose write lock the migration's BEGIN
 * IMMEDIATE already holds) by blocking the thread with Atomics.wait, which burns no CPU.
 */
export function sleepLines(dialect: string, seconds: number, marker?: string): string[] {
  const lines = marker ? [`(await import('node:fs')).writeFileSync(${JSON.stringify(marker)}, String(process.pid));`] : [];
  const sql = sleepSql(dialect, seconds);
  if (sql) return [...lines, `await op.execute(${JSON.stringify(sql)});`];
  return [...lines, `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${seconds * 1000});`];
}

/** The statements of a `--sql` script: comments and blank lines dropped, the final `;` removed. */
export function scriptStatements(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (current.length === 0 && (line.trim() === '' || line.startsWith('--'))) continue;
    current.push(line);
    if (line.endsWith(';')) {
      out.push(current.join('\n').slice(0, -1));
      current = [];
    }
  }
  assert.deepEqual(current, [], 'the script ends with a complete statement');
  return out;
}

/** History inserts carry the measured execution time online and NULL offline. */
export function maskDuration(sql: string): string {
  return sql.replace(/^((?:WITH .*\) )?INSERT INTO \S+_history\b.*, )(\d+|NULL)\)$/, '$1<ms>)');
}

/**
 * Fresh engines of a dialect test, each on a database of its own (`label` names it), all disposed
 * after the suite. Call in a describe body.
 */
export function freshEngines(ctx: DialectContext): (label: string) => Promise<Engine> {
  const engines: Engine[] = [];
  after(async () => {
    await Promise.all(engines.map((e) => e.dispose()));
  });
  return async (label) => {
    const engine = createEngine(await ctx.freshUrl(label));
    engines.push(engine);
    return engine;
  };
}
