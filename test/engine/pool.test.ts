import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { it } from 'node:test';
import { createEngine, DriverError, EngineDisposedError, PoolTimeoutError, type Connection, type Engine, type EngineOptions } from '../../src/index.js';
import { forEachDialect, type DialectContext } from '../helpers/databases.js';

/** A statement that holds its connection for ~20 ms and returns the server's id for the session. */
const SLOW_BACKEND_SQL: Record<string, string> = {
  postgresql: 'SELECT pg_backend_pid() AS id, pg_sleep(0.02) AS s',
  mysql: 'SELECT CONNECTION_ID() AS id, SLEEP(0.02) AS s',
};

/** Kills a server session from the admin connection and waits until the server lists it no more. */
async function killBackend(ctx: DialectContext, id: number | string): Promise<void> {
  if (ctx.dialect === 'postgresql') {
    await ctx.adminExecute('SELECT pg_terminate_backend($1)', [id]);
    await waitFor(async () => (await ctx.adminExecute('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [id])).length === 0);
  } else {
    await ctx.adminExecute(`KILL ${Number(id)}`);
    await waitFor(async () => (await ctx.adminExecute('SELECT 1 FROM information_schema.processlist WHERE id = ?', [id])).length === 0);
  }
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}

forEachDialect('pool', (ctx) => {
  const engineFor = async (label: string, options: EngineOptions) => createEngine(await ctx.freshUrl(label), options);

  it('50 concurrent queries with max 5 never open more than 5 connections', async () => {
    const engine = await engineFor('conc', { pool: { max: 5 } });
    try {
      const seen = new Set<number | string>();
      engine.onQuery((event) => seen.add(event.backendId));
      const sqlText = SLOW_BACKEND_SQL[ctx.dialect] ?? 'SELECT 1 AS id';
      const results = await Promise.all(Array.from({ length: 50 }, () => engine.execute<{ id: number | string }>(sqlText)));
      assert.equal(results.length, 50);
      const stats = engine.pool;
      assert.equal(stats.maxSeen, 5, 'the pool should have used all 5 connections, and never more');
      assert.equal(stats.created, 5);
      assert.deepEqual({ size: stats.size, available: stats.available, pending: stats.pending }, { size: 5, available: 5, pending: 0 });
      assert.equal(seen.size, 5, `statements ran on ${seen.size} distinct sessions`);
      if (ctx.dialect !== 'sqlite') {
        const serverIds = new Set(results.map((r) => Number(r.rows[0]?.id)));
        assert.equal(serverIds.size, 5, 'distinct server backend ids');
        assert.deepEqual([...serverIds].sort(), [...seen].map(Number).sort(), 'backendId is the server session id');
      }
    } finally {
      await engine.dispose();
    }
  });

  it('an exhausted pool times out with a PoolTimeoutError that says why', async () => {
    // the timeout also covers opening the first connection, which can be slow on a busy machine
    const engine = await engineFor('timeout', { pool: { max: 1, acquireTimeoutMs: 400 } });
    try {
      const held = await firstConnection(engine);
      const started = Date.now();
      await assert.rejects(engine.execute('SELECT 1'), (e: unknown) => {
        assert.ok(e instanceof PoolTimeoutError, String(e));
        assert.equal(e.code, 'POOL_TIMEOUT');
        assert.match(e.message, /within 400 ms/);
        assert.match(e.message, /pool max 1/);
        return true;
      });
      assert.ok(Date.now() - started >= 390, 'it waited for the timeout');
      assert.equal(engine.pool.pending, 0, 'the timed-out caller no longer counts as waiting');
      await held.release();
      assert.deepEqual((await engine.execute('SELECT 1 AS one')).rows, [{ one: 1 }]);
      assert.deepEqual([engine.pool.size, engine.pool.available, engine.pool.created], [1, 1, 1]);
    } finally {
      await engine.dispose();
    }
  });

  it('recycles connections older than recycleMs', async () => {
    const engine = await engineFor('recycle', { pool: { max: 1, recycleMs: 200 } });
    try {
      const first = await engine.withConnection(async (c) => c.backendId);
      assert.equal(await engine.withConnection(async (c) => c.backendId), first, 'a young connection is reused');
      await sleep(220);
      const second = await engine.withConnection(async (c) => c.backendId);
      assert.notEqual(second, first);
      assert.equal(engine.pool.destroyed, 1);
      assert.equal(engine.pool.size, 1);
    } finally {
      await engine.dispose();
    }
  });

  it('closes idle connections after idleTimeoutMs', async () => {
    const engine = await engineFor('idle', { pool: { max: 2, idleTimeoutMs: 30 } });
    try {
      const [a, b] = [await engine.connect(), await engine.connect()];
      await Promise.all([a.release(), b.release()]);
      assert.equal(engine.pool.created, 2);
      await waitFor(() => engine.pool.size === 0, 2000);
      assert.equal(engine.pool.destroyed, 2);
      assert.deepEqual((await engine.execute('SELECT 1 AS one')).rows, [{ one: 1 }]);
    } finally {
      await engine.dispose();
    }
  });

  it('rolls back a transaction left open when the connection is released', async () => {
    const engine = await engineFor('release', { pool: { max: 1 } });
    try {
      await engine.execute('CREATE TABLE t (id INTEGER PRIMARY KEY)');
      const conn = await engine.connect();
      const backend = conn.backendId;
      await conn.execute('BEGIN');
      await conn.execute('INSERT INTO t (id) VALUES (1)');
      assert.equal(conn.inTransaction, true, 'the driver reports the transaction BEGIN opened');
      await conn.release();
      const again = await engine.connect();
      try {
        assert.equal(again.backendId, backend, 'the same session comes back (pool max 1)');
        assert.equal(again.inTransaction, false);
        // the same session would see its own uncommitted row had it not been rolled back
        assert.deepEqual((await again.execute('SELECT COUNT(*) AS n FROM t')).rows.map((r) => Number(r.n)), [0]);
      } finally {
        await again.release();
      }
    } finally {
      await engine.dispose();
    }
  });

  it('reports a transaction opened by BEGIN, or by a multi-statement string, across the queries that return rows in it', async () => {
    const engine = await engineFor('tx-state', { pool: { max: 1 } });
    try {
      await engine.withConnection(async (conn) => {
        await conn.execute('SELECT 1 AS one');
        assert.equal(conn.inTransaction, false);
        await conn.execute('BEGIN');
        for (let i = 0; i < 3; i++) {
          assert.deepEqual((await conn.execute('SELECT 1 AS one')).rows, [{ one: 1 }]);
          assert.equal(conn.inTransaction, true, `still open after SELECT ${i + 1}`);
        }
        await conn.execute('COMMIT');
        assert.equal(conn.inTransaction, false);
        await conn.execute('SELECT 1 AS one');
        assert.equal(conn.inTransaction, false);
        await conn.execute('BEGIN; SELECT 1');
        assert.equal(conn.inTransaction, true, 'a BEGIN sent with another statement in one string');
        await conn.execute('SELECT 2 AS two');
        assert.equal(conn.inTransaction, true);
        await conn.execute('ROLLBACK');
        assert.equal(conn.inTransaction, false);
      });
    } finally {
      await engine.dispose();
    }
  });

  it('engine.execute leaves no transaction open: a BEGIN it runs is rolled back as on release', async () => {
    const engine = await engineFor('exec-begin', { pool: { max: 1 } });
    try {
      await engine.execute('CREATE TABLE t (id INTEGER PRIMARY KEY)');
      await engine.execute('BEGIN');
      await engine.execute('INSERT INTO t (id) VALUES (1)');
      await engine.withConnection(async (conn) => {
        assert.equal(conn.inTransaction, false);
        await conn.execute('ROLLBACK').catch(() => undefined);
      });
      // the INSERT ran on its own (autocommit), not inside the BEGIN of the statement before
      assert.deepEqual((await engine.execute('SELECT COUNT(*) AS n FROM t')).rows.map((r) => Number(r.n)), [1]);
    } finally {
      await engine.dispose();
    }
  });

  it('engine.execute never runs on a connection a transaction holds: it waits, or takes another', async () => {
    const one = await engineFor('exec-wait', { pool: { max: 1 } });
    try {
      await one.execute('CREATE TABLE t (id INTEGER PRIMARY KEY)');
      let counted: Promise<number> | null = null;
      let settled = false;
      await one.transaction(async (tx) => {
        await tx.execute('INSERT INTO t (id) VALUES (1)');
        counted = one.execute('SELECT COUNT(*) AS n FROM t').then((r) => {
          settled = true;
          return Number(r.rows[0]?.n);
        });
        await sleep(30);
        assert.equal(settled, false, 'the only connection is in the transaction: execute waits for it');
      });
      assert.equal(await counted, 1, 'it ran after the COMMIT');
    } finally {
      await one.dispose();
    }
    const two = await engineFor('exec-other', { pool: { max: 2 } });
    try {
      await two.execute('CREATE TABLE t (id INTEGER PRIMARY KEY)');
      await two.withConnection(async (c) => {
        await two.withConnection(async () => undefined); // two connections exist, both idle after this
        await c.execute('SELECT 1');
      });
      await two.transaction(async (tx) => {
        await tx.execute('INSERT INTO t (id) VALUES (1)');
        const { rows } = await two.execute('SELECT COUNT(*) AS n FROM t');
        assert.equal(Number(rows[0]?.n), 0, 'another connection does not see the uncommitted row');
      });
      assert.equal(two.pool.maxSeen, 2);
    } finally {
      await two.dispose();
    }
  });

  it('dispose closes every connection, borrowed ones too; later use throws EngineDisposedError', async () => {
    const engine = await engineFor('dispose', { pool: { max: 3 } });
    const held = await engine.connect();
    await Promise.all([engine.execute('SELECT 1'), engine.execute('SELECT 1')]);
    await engine.dispose();
    assert.equal(engine.pool.size, 0);
    await assert.rejects(engine.execute('SELECT 1'), EngineDisposedError);
    await assert.rejects(engine.connect(), EngineDisposedError);
    await assert.rejects(engine.transaction(async () => 1), EngineDisposedError);
    await assert.rejects(held.execute('SELECT 1'), EngineDisposedError);
    assert.throws(() => held.backendId, EngineDisposedError);
    await held.release(); // harmless
    await engine.dispose(); // idempotent
  });

  if (ctx.dialect === 'sqlite') return;

  it('pre-ping replaces a connection whose backend was killed; the next query succeeds', async () => {
    const engine = await engineFor('preping', { pool: { max: 1, prePing: true } });
    try {
      const first = await engine.withConnection(async (c) => c.backendId);
      await killBackend(ctx, first);
      const { rows } = await engine.execute(SLOW_BACKEND_SQL[ctx.dialect]!);
      assert.notEqual(Number(rows[0]?.id), Number(first));
      assert.equal(engine.pool.destroyed, 1);
      assert.equal(engine.pool.size, 1);
    } finally {
      await engine.dispose();
    }
  });

  it('without pre-ping, an idle connection whose death the driver reported is not handed out', async () => {
    const engine = await engineFor('events', { pool: { max: 1 } });
    try {
      const first = await engine.withConnection(async (c) => c.backendId);
      await killBackend(ctx, first);
      // the server has dropped the session; give the client socket a moment to see it close
      await sleep(50);
      const { rows } = await engine.execute(SLOW_BACKEND_SQL[ctx.dialect]!);
      assert.notEqual(Number(rows[0]?.id), Number(first));
      assert.equal(engine.pool.destroyed, 1);
    } finally {
      await engine.dispose();
    }
  });

  it('a connection that breaks in use is closed on release, not reused', async () => {
    const engine = await engineFor('inuse', { pool: { max: 1 } });
    try {
      const conn = await engine.connect();
      const first = conn.backendId;
      const longSql = ctx.dialect === 'postgresql' ? 'SELECT pg_sleep(5)' : 'SELECT SLEEP(5)';
      const running = conn.execute(longSql).then(
        () => assert.fail('the query should have failed'),
        (e: unknown) => e,
      );
      await sleep(50);
      await ctx.adminExecute(ctx.dialect === 'postgresql' ? 'SELECT pg_terminate_backend($1)' : `KILL ${Number(first)}`, ctx.dialect === 'postgresql' ? [first] : []);
      const error = await running;
      assert.ok(error instanceof DriverError, String(error));
      await conn.release();
      const second = await engine.withConnection(async (c) => c.backendId);
      assert.notEqual(second, first);
    } finally {
      await engine.dispose();
    }
  });
});

/**
 * The pool's first connection, asked for again while opening it outlasts a short acquire timeout
 * (a busy machine): the connection still joins the pool when it opens, and a later ask gets it.
 */
async function firstConnection(engine: Engine): Promise<Connection> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await engine.connect();
    } catch (e) {
      if (!(e instanceof PoolTimeoutError) || attempt === 10) throw e;
    }
  }
}
