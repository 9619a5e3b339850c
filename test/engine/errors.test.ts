import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConnectionError, createEngine, DriverError, OperationError, parseUrl, sql, UrlError, type Engine } from '../../src/index.js';
import { forEachDialect } from '../helpers/databases.js';
import { SECRET, urlWithPassword } from '../helpers/password-url.js';

/** The driver's code for "no such table" on each dialect. */
const MISSING_TABLE_CODE: Record<string, string> = { postgresql: '42P01', mysql: 'ER_NO_SUCH_TABLE', sqlite: 'SQLITE_ERROR' };

forEachDialect('driver errors', (ctx) => {
  let engine: Engine;
  let cleanup: () => Promise<void>;

  before(async () => {
    const made = await urlWithPassword(ctx, 'errors');
    cleanup = made.cleanup;
    engine = createEngine(made.url);
  });
  after(async () => {
    await engine.dispose();
    await cleanup();
  });

  it('wrap into DriverError with the statement as written, its params, the driver code and cause', async () => {
    await assert.rejects(engine.execute('SELECT * FROM no_such_table WHERE id = ?', [5]), (e: unknown) => {
      assert.ok(e instanceof DriverError, String(e));
      assert.equal(e.code, 'DRIVER_ERROR');
      assert.equal(e.sql, 'SELECT * FROM no_such_table WHERE id = ?');
      assert.deepEqual(e.params, [5]);
      assert.equal(e.driverCode, MISSING_TABLE_CODE[ctx.dialect]);
      assert.ok(e.cause instanceof Error, 'the driver error is the cause');
      assert.ok(!(e.cause instanceof DriverError));
      assert.match(e.message, /no_such_table/);
      assert.match(e.message, /in statement: SELECT \* FROM no_such_table WHERE id = \?$/);
      assert.ok(!e.message.includes(SECRET));
      return true;
    });
  });

  it('a statement error leaves the pooled connection usable', async () => {
    await assert.rejects(engine.execute('SELEC 1'), DriverError);
    assert.deepEqual((await engine.execute(sql`SELECT ${1} + 1 AS two`)).rows.map((r) => Number(r.two)), [2]);
    assert.equal(engine.pool.destroyed, 0);
  });

  it('a fragment with extra params is refused', async () => {
    await assert.rejects(engine.execute(sql`SELECT ${1}`, [2]), OperationError);
  });
});

forEachDialect('connection errors', (ctx) => {
  const expectConnectionError = async (url: string, reason: RegExp) => {
    const engine = createEngine(url, { pool: { acquireTimeoutMs: 5000 } });
    try {
      await assert.rejects(engine.execute('SELECT 1'), (e: unknown) => {
        assert.ok(e instanceof ConnectionError, String(e));
        assert.equal(e.code, 'CONNECTION_FAILED');
        assert.ok(e.message.startsWith(`cannot connect to ${parseUrl(url).toString()}: `), e.message);
        assert.match(e.message, reason);
        assert.ok(!e.message.includes(SECRET), e.message);
        assert.ok(!e.message.includes('\n'), 'one line');
        return true;
      });
    } finally {
      await engine.dispose();
    }
  };

  if (ctx.dialect === 'sqlite') {
    it('name the URL and the reason when the file cannot be opened', async () => {
      await expectConnectionError('sqlite:////nonexistent-dir/for/retort.db', /directory does not exist|unable to open/);
    });
    return;
  }

  it('name the masked URL when nothing listens on the port', async () => {
    const url = parseUrl(await ctx.freshUrl('refused')).with({ port: 5999, password: SECRET });
    await expectConnectionError(url.toUnmaskedString(), /: connection refused$/);
  });

  it('name the masked URL when the database does not exist', async () => {
    const url = ctx.serverUrl!.with({ database: 'rt_no_such_database' });
    await expectConnectionError(url.toUnmaskedString(), /rt_no_such_database/);
  });

  if (ctx.dialect === 'mysql') {
    it('TLS the URL asks for is required, never dropped: a server without it is a connection error; an unknown mode a UrlError', async () => {
      const base = await ctx.freshUrl('tls');
      const withQuery = (query: Record<string, string>) => parseUrl(base).with({ query }).toUnmaskedString();
      // this machine's MariaDB has TLS off (have_ssl DISABLED)
      await expectConnectionError(withQuery({ ssl: 'true' }), /secure connection|SSL|TLS/i);
      await expectConnectionError(withQuery({ 'ssl-mode': 'VERIFY_IDENTITY' }), /secure connection|SSL|TLS/i);
      for (const query of [{ 'ssl-mode': 'disabled' }, { ssl: 'false' }] as Record<string, string>[]) {
        const engine = createEngine(withQuery(query));
        try {
          assert.deepEqual((await engine.execute('SELECT 1 AS x')).rows, [{ x: 1 }]);
        } finally {
          await engine.dispose();
        }
      }
      const engine = createEngine(withQuery({ sslmode: 'preferred' }));
      try {
        await assert.rejects(engine.execute('SELECT 1'), (e: unknown) => e instanceof UrlError && /unsupported TLS mode "preferred"/.test(e.message));
      } finally {
        await engine.dispose();
      }
    });

    it('name the masked URL when the password is wrong', async () => {
      const url = ctx.serverUrl!.with({ username: 'rt_nobody', password: SECRET });
      await expectConnectionError(url.toUnmaskedString(), /Access denied/);
    });
  }
});

describe('engine options', () => {
  it('reject bad pool settings with a ConfigError naming the setting', () => {
    assert.throws(() => createEngine('sqlite://:memory:', { pool: { max: 0 } }), { code: 'CONFIG_INVALID', message: /pool\.max/ });
    assert.throws(() => createEngine('sqlite://:memory:', { pool: { acquireTimeoutMs: -1 } }), { message: /pool\.acquireTimeoutMs/ });
  });
});
