/**
 * Per-dialect test harness. `forEachDialect(title, (ctx) => { ... })` declares one `describe` per
 * selected dialect (env RETORT_TEST_DIALECTS, default `sqlite,postgresql,mysql`). Inside,
 * `await ctx.freshUrl()` creates a new, empty database and returns its URL; every database a
 * block created is dropped after its tests. An unreachable server skips that dialect with one
 * line on stderr, or fails the tests when CI=true or RETORT_REQUIRE_ALL=1.
 *
 * @example
 * ```ts
 * forEachDialect('post table', (ctx) => {
 *   it('inserts', async () => {
 *     const engine = createEngine(await ctx.freshUrl('post'));
 *     ...
 *   });
 * });
 * ```
 */
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseUrl, type DatabaseUrl } from '../../src/index.js';
import { serverFor, type TestServer } from './servers.js';

export type TestDialect = 'sqlite' | 'postgresql' | 'mysql';
const ALL: readonly TestDialect[] = ['sqlite', 'postgresql', 'mysql'];

export interface DialectContext {
  readonly dialect: TestDialect;
  /** Creates a new empty database and returns its URL (password included, if the server URL has one). */
  freshUrl(label?: string): Promise<string>;
  /**
   * Runs a statement on a separate raw driver connection to the server's admin database (not
   * through retort), e.g. to kill a backend. Not available for SQLite.
   */
  adminExecute(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** The admin URL of the server (PostgreSQL, MySQL); null for SQLite. */
  readonly serverUrl: DatabaseUrl | null;
}

/** The dialects chosen by RETORT_TEST_DIALECTS. */
export function selectedDialects(): TestDialect[] {
  const raw = process.env.RETORT_TEST_DIALECTS;
  if (!raw) return [...ALL];
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    if (!(ALL as readonly string[]).includes(name)) throw new Error(`RETORT_TEST_DIALECTS: unknown dialect "${name}" (known: ${ALL.join(', ')})`);
  }
  return names as TestDialect[];
}

function serversRequired(): boolean {
  return process.env.CI === 'true' || process.env.RETORT_REQUIRE_ALL === '1';
}

/** Declares `describe(\`${title} [${dialect}]\`)` for each selected dialect, with a provisioning context. */
export function forEachDialect(title: string, body: (ctx: DialectContext) => void): void {
  for (const dialect of selectedDialects()) {
    describe(`${title} [${dialect}]`, async () => {
      if (dialect === 'sqlite') {
        body(sqliteContext());
        return;
      }
      const server = serverFor(dialect);
      const problem = await server.probe();
      if (problem === null) {
        body(serverContext(dialect, server));
        return;
      }
      if (serversRequired()) {
        it(`needs a ${dialect} server`, () => {
          throw new Error(`retort tests: ${dialect} server required (CI=true or RETORT_REQUIRE_ALL=1) but ${problem}`);
        });
        return;
      }
      noticeOnce(dialect, `retort tests: skipping ${dialect}: ${problem} (set RETORT_REQUIRE_ALL=1 to fail instead)`);
      it(`${dialect} tests`, { skip: `${dialect}: ${problem}` }, () => undefined);
    });
  }
}

let counter = 0;

function databaseName(label: string): string {
  const clean = label.toLowerCase().replace(/[^a-z0-9_]+/g, '_').slice(0, 24);
  return `rt_${clean}_${process.pid}_${++counter}`;
}

function serverContext(dialect: TestDialect, server: TestServer): DialectContext {
  const created: string[] = [];
  after(async () => {
    if (created.length) await server.dropDatabases(created.splice(0));
  });
  return {
    dialect,
    serverUrl: server.url,
    async freshUrl(label = 'db') {
      const name = databaseName(label);
      await server.createDatabase(name);
      created.push(name);
      return server.url.with({ database: name }).toUnmaskedString();
    },
    adminExecute: (sql, params = []) => server.execute(sql, params),
  };
}

let sqliteDir: string | null = null;

function sqliteContext(): DialectContext {
  const files: string[] = [];
  after(() => {
    for (const file of files.splice(0)) {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
    }
  });
  return {
    dialect: 'sqlite',
    serverUrl: null,
    async freshUrl(label = 'db') {
      if (sqliteDir === null) {
        const dir = mkdtempSync(join(tmpdir(), 'retort-test-'));
        sqliteDir = dir;
        process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
      }
      const file = join(sqliteDir, `${databaseName(label)}.db`);
      files.push(file);
      return parseUrl(`sqlite:///${file}`).toUnmaskedString();
    },
    adminExecute: () => Promise.reject(new Error('adminExecute: SQLite has no server')),
  };
}

/**
 * Prints `line` to stderr once per test run (test/run.mjs shares RETORT_TEST_NOTICE_DIR with the
 * test files it starts), or once per process without it.
 */
const noticed = new Set<string>();

function noticeOnce(key: string, line: string): void {
  if (noticed.has(key)) return;
  noticed.add(key);
  const dir = process.env.RETORT_TEST_NOTICE_DIR;
  if (dir) {
    try {
      closeSync(openSync(join(dir, key), 'wx'));
    } catch {
      return; // another test file said it already
    }
  }
  process.stderr.write(`${line}\n`);
}
