// Helpers of the SQLite dialect tests: the per-dialect harness restricted to SQLite, and small
// readers of SQLite's catalog that do not go through retort's introspector.
import { readFileSync } from 'node:fs';
import { forEachDialect, selectedDialects, type DialectContext } from '../../helpers/databases.js';
import type { Engine, Executor } from '../../../src/engine/types.js';
import { ExecutorSink, MigrationContext, OnlineSchemaState, Operations } from '../../../src/operations/index.js';

/** `forEachDialect` for SQLite only (nothing when RETORT_TEST_DIALECTS leaves SQLite out). */
export function forSqlite(title: string, body: (ctx: DialectContext) => void): void {
  if (!selectedDialects().includes('sqlite')) return;
  const saved = process.env.RETORT_TEST_DIALECTS;
  process.env.RETORT_TEST_DIALECTS = 'sqlite';
  try {
    forEachDialect(title, body);
  } finally {
    if (saved === undefined) delete process.env.RETORT_TEST_DIALECTS;
    else process.env.RETORT_TEST_DIALECTS = saved;
  }
}

export interface PragmaColumn {
  readonly cid: number;
  readonly name: string;
  readonly type: string;
  readonly notnull: number;
  readonly dflt_value: string | null;
  readonly pk: number;
}

/** `PRAGMA table_info` of one table, straight from SQLite. */
export async function tableInfo(db: Executor, table: string): Promise<PragmaColumn[]> {
  return (await db.execute<PragmaColumn>('SELECT cid, name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid', [table])).rows;
}

/** The CREATE text SQLite keeps for a table or index. */
export async function masterSql(db: Executor, name: string): Promise<string | null> {
  const rows = (await db.execute<{ sql: string | null }>('SELECT sql FROM sqlite_master WHERE name = ?', [name])).rows;
  return rows[0]?.sql ?? null;
}

/** Names of the tables in sqlite_master (SQLite's own left out), sorted. */
export async function tableNames(db: Executor): Promise<string[]> {
  const rows = (await db.execute<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")).rows;
  return rows.map((r) => r.name);
}

/** The hand-written shop schema (test/fixtures/shop/sqlite.sql), run as one script. */
export const SHOP_SQL = readFileSync(new URL('../../fixtures/shop/sqlite.sql', import.meta.url), 'utf8');

/**
 * Runs a migration body as the runner does on SQLite (foreign keys OFF around one transaction,
 * online schema state); returns the statements it ran.
 */
export async function migrateSqlite(engine: Engine, body: (op: Operations) => Promise<void>): Promise<readonly string[]> {
  return engine.withConnection(async (conn) => {
    await conn.execute('PRAGMA foreign_keys = OFF');
    try {
      return await conn.transaction(async (tx) => {
        const ctx = new MigrationContext({ dialect: tx.dialect, sink: new ExecutorSink(tx), state: new OnlineSchemaState(tx) });
        await body(new Operations(ctx));
        return ctx.statements.map((s) => s.sql);
      });
    } finally {
      await conn.execute('PRAGMA foreign_keys = ON');
    }
  });
}
