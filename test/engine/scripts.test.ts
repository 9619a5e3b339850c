import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../src/index.js';
import { forEachDialect } from '../helpers/databases.js';

/**
 * The query string PostgreSQL is running for this session, as it received it (read once per
 * transaction: pg_stat_activity is a snapshot).
 */
const PG_CURRENT = 'SELECT query AS q FROM pg_stat_activity WHERE pid = pg_backend_pid()';

forEachDialect('executeScript and joined statements', (ctx) => {
  let engine: Engine;

  before(async () => {
    engine = createEngine(await ctx.freshUrl('script'), { pool: { max: 2 } });
    await engine.execute('CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL)');
  });
  after(() => engine.dispose());

  const names = async (): Promise<string[]> =>
    (await engine.execute<{ name: string }>('SELECT name FROM item ORDER BY id')).rows.map((r) => r.name);

  it('runs the statements in order, reports each to listeners, and returns the last result', async () => {
    await engine.execute('DELETE FROM item');
    const seen: string[] = [];
    const off = engine.onQuery((e) => seen.push(e.sql));
    const conn = await engine.connect();
    try {
      const result = await conn.executeScript([
        "INSERT INTO item (id, name) VALUES (1, 'a')",
        "INSERT INTO item (id, name) VALUES (2, 'why?')",
        'SELECT COUNT(*) AS n FROM item',
      ]);
      assert.equal(Number(result.rows[0]?.n), 2);
    } finally {
      await conn.release();
      off();
    }
    assert.deepEqual(seen, ["INSERT INTO item (id, name) VALUES (1, 'a')", "INSERT INTO item (id, name) VALUES (2, 'why?')", 'SELECT COUNT(*) AS n FROM item']);
    assert.deepEqual(await names(), ['a', 'why?']);
  });

  it('stops at the first statement that fails (outside a transaction: PostgreSQL undoes the script, the others keep what ran)', async () => {
    await engine.execute('DELETE FROM item');
    const conn = await engine.connect();
    try {
      await assert.rejects(
        conn.executeScript(["INSERT INTO item (id, name) VALUES (1, 'kept')", 'INSERT INTO no_such_table (id) VALUES (1)', "INSERT INTO item (id, name) VALUES (2, 'never')"]),
        { name: 'DriverError', sql: /no_such_table/ },
      );
    } finally {
      await conn.release();
    }
    assert.deepEqual(await names(), ctx.dialect === 'postgresql' ? [] : ['kept']);
  });

  it('a script with BEGIN and COMMIT is one transaction; a failure in it leaves it open to be rolled back', async () => {
    await engine.execute('DELETE FROM item');
    const conn = await engine.connect();
    try {
      await conn.executeScript(['BEGIN', "INSERT INTO item (id, name) VALUES (1, 'a')", 'COMMIT']);
      assert.equal(conn.inTransaction, false);
      await assert.rejects(conn.executeScript(['BEGIN', "INSERT INTO item (id, name) VALUES (2, 'b')", "INSERT INTO item (id, name) VALUES (1, 'dup')", 'COMMIT']));
      assert.equal(conn.inTransaction, true, 'the transaction is still open after the failure');
      await conn.execute('ROLLBACK');
    } finally {
      await conn.release();
    }
    assert.deepEqual(await names(), ['a']);
  });

  if (ctx.dialect !== 'sqlite') {
    it('execute() of several statements in one string returns the last one\'s result', async () => {
      const { rows } = await engine.execute('SELECT 1 AS a; SELECT 2 AS b');
      assert.deepEqual(rows.map((r) => ({ ...r })), [{ b: 2 }]);
    });
  }

  if (ctx.dialect === 'postgresql') {
    it('sends the script to the server in one query string', async () => {
      const conn = await engine.connect();
      try {
        const result = await conn.executeScript(['SELECT 1 AS one', PG_CURRENT]);
        assert.equal(String(result.rows[0]?.q), `SELECT 1 AS one;\n${PG_CURRENT}`);
      } finally {
        await conn.release();
      }
    });

    it('a BEGIN goes to the server with the next statement, in one query string', async () => {
      await engine.transaction(async (tx) => {
        const { rows } = await tx.execute<{ q: string }>(PG_CURRENT);
        assert.equal(rows[0]?.q, `BEGIN;\n${PG_CURRENT}`);
      });
    });

    it('a BEGIN before a statement with parameters is sent alone, and the transaction holds', async () => {
      await engine.execute('DELETE FROM item');
      await assert.rejects(
        engine.transaction(async (tx) => {
          const { rows } = await tx.execute<{ q: string }>(`${PG_CURRENT} AND ? = 1`, [1]);
          assert.equal(rows[0]?.q, `${PG_CURRENT} AND $1 = 1`, 'the statement went without the BEGIN');
          assert.equal(tx.inTransaction, true);
          await tx.execute('INSERT INTO item (id, name) VALUES (?, ?)', [1, 'gone']);
          throw new Error('undo');
        }),
        /undo/,
      );
      assert.deepEqual(await names(), [], 'the BEGIN ran: the insert was rolled back');
    });

    it('BEGIN then ROLLBACK or COMMIT with nothing between sends nothing and leaves no transaction open', async () => {
      const conn = await engine.connect();
      try {
        await conn.execute('BEGIN');
        assert.equal(conn.inTransaction, true, 'a deferred BEGIN counts as an open transaction');
        await conn.execute('ROLLBACK');
        assert.equal(conn.inTransaction, false);
        await conn.execute('BEGIN');
        await conn.execute('COMMIT');
        const { rows } = await conn.execute<{ q: string }>(PG_CURRENT);
        assert.equal(rows[0]?.q, PG_CURRENT);
      } finally {
        await conn.release();
      }
    });

    it('a statement the server cannot parse after BEGIN fails inside the transaction, as if sent alone', async () => {
      await engine.execute('DELETE FROM item');
      const conn = await engine.connect();
      try {
        await conn.execute('BEGIN');
        await assert.rejects(conn.execute('SELEC oops'), { name: 'DriverError', message: /syntax error/ });
        assert.equal(conn.inTransaction, true);
        // the transaction is open and aborted: later statements fail until ROLLBACK
        await assert.rejects(conn.execute("INSERT INTO item (id, name) VALUES (1, 'x')"), { driverCode: '25P02' });
        await conn.execute('ROLLBACK');
      } finally {
        await conn.release();
      }
      assert.deepEqual(await names(), []);
    });

    it('a BEGIN left pending when the connection returns to the pool is dropped', async () => {
      const conn = await engine.connect();
      const id = conn.backendId;
      await conn.execute('BEGIN');
      await conn.release();
      await engine.withConnection(async (again) => {
        assert.equal(again.backendId, id);
        assert.equal(again.inTransaction, false);
      });
    });
  }
});
