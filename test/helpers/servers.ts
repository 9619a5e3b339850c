/**
 * Raw driver access to the test servers (not through retort, so the harness does not depend on
 * the code under test): reachability probe, CREATE / DROP DATABASE, admin statements.
 */
import { parseUrl, type DatabaseUrl } from '../../src/index.js';

export interface TestServer {
  readonly url: DatabaseUrl;
  /** null when the server answers; otherwise why not, e.g. `no server at 127.0.0.1:5432`. */
  probe(): Promise<string | null>;
  createDatabase(name: string): Promise<void>;
  dropDatabases(names: readonly string[]): Promise<void>;
  execute(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
}

const DEFAULTS = {
  postgresql: 'postgresql://postgres@127.0.0.1:5432/postgres',
  mysql: 'mysql://root@127.0.0.1:3306/test',
} as const;

const servers = new Map<string, TestServer>();

/**
 * Generous: on a loaded CI machine (many test files at once) a healthy server can take seconds to
 * accept a connection, and a probe that gives up too soon fails the whole file.
 */
const CONNECT_TIMEOUT_MS = 15_000;
const PROBE_ATTEMPTS = 3;

/** The test server of a dialect, from RETORT_TEST_POSTGRESQL_URL / RETORT_TEST_MYSQL_URL or the defaults. */
export function serverFor(dialect: 'postgresql' | 'mysql'): TestServer {
  let server = servers.get(dialect);
  if (!server) {
    const url = parseUrl(process.env[`RETORT_TEST_${dialect.toUpperCase()}_URL`] ?? DEFAULTS[dialect]);
    server = dialect === 'postgresql' ? postgresServer(url) : mysqlServer(url);
    servers.set(dialect, server);
  }
  return server;
}

function describeFailure(url: DatabaseUrl, e: unknown): string {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  const where = `${url.host}:${url.port ?? ''}`;
  if (code === 'ECONNREFUSED') return `no server at ${where}`;
  const message = e instanceof Error ? e.message : String(e);
  return `cannot use the server at ${where} (${url.toString()}): ${message}`;
}

function memo<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => (p ??= fn());
}

function postgresServer(url: DatabaseUrl): TestServer {
  const open = async () => {
    const { Client } = await import('pg');
    const client = new Client({
      host: url.host ?? '127.0.0.1',
      port: url.port ?? 5432,
      user: url.username ?? 'postgres',
      password: url.revealPassword() ?? undefined,
      database: url.database ?? 'postgres',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };
  const run = async (statements: readonly string[], params: readonly unknown[] = []) => {
    const client = await open();
    try {
      let rows: Record<string, unknown>[] = [];
      for (const sql of statements) rows = (await client.query(sql, params as unknown[])).rows;
      return rows;
    } finally {
      await client.end();
    }
  };
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  return makeServer(url, run, (n) => `CREATE DATABASE ${q(n)}`, (n) => `DROP DATABASE IF EXISTS ${q(n)} WITH (FORCE)`);
}

function mysqlServer(url: DatabaseUrl): TestServer {
  const run = async (statements: readonly string[], params: readonly unknown[] = []) => {
    const mysql = await import('mysql2/promise');
    const conn = await mysql.createConnection({
      host: url.host ?? '127.0.0.1',
      port: url.port ?? 3306,
      user: url.username ?? 'root',
      password: url.revealPassword() ?? undefined,
      database: url.database ?? undefined,
      connectTimeout: CONNECT_TIMEOUT_MS,
    });
    conn.on('error', () => undefined);
    try {
      let rows: Record<string, unknown>[] = [];
      for (const sql of statements) {
        const [result] = await conn.query(sql, params as unknown[]);
        rows = Array.isArray(result) ? (result as Record<string, unknown>[]) : [];
      }
      return rows;
    } finally {
      await conn.end();
    }
  };
  const q = (name: string) => `\`${name.replace(/`/g, '``')}\``;
  return makeServer(url, run, (n) => `CREATE DATABASE ${q(n)}`, (n) => `DROP DATABASE IF EXISTS ${q(n)}`);
}

type Run = (statements: readonly string[], params?: readonly unknown[]) => Promise<Record<string, unknown>[]>;

/** A TestServer from a function that runs statements on a new admin connection. */
function makeServer(url: DatabaseUrl, run: Run, create: (name: string) => string, drop: (name: string) => string): TestServer {
  return {
    url,
    probe: memo(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          await run(['SELECT 1']);
          return null;
        } catch (e) {
          // A refused connection means no server: say so at once. Anything else (a timeout, a
          // server still starting) is asked again before the file's tests are given up on.
          const refused = typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ECONNREFUSED';
          if (refused || attempt === PROBE_ATTEMPTS) return describeFailure(url, e);
          await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
        }
      }
    }),
    createDatabase: async (name) => void (await run([create(name)])),
    dropDatabases: async (names) => void (await run(names.map(drop))),
    execute: (sql, params) => run([sql], params),
  };
}
