import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, sql, type Engine } from '../../src/index.js';
import { forEachDialect } from '../helpers/databases.js';

class Boom extends Error {}

forEachDialect('transactions', (ctx) => {
  let engine: Engine;

  before(async () => {
    engine = createEngine(await ctx.freshUrl('tx'), { pool: { max: 2 } });
    await engine.execute('CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL)');
  });
  after(() => engine.dispose());

  const names = async (): Promise<string[]> =>
    (await engine.execute<{ name: string }>('SELECT name FROM item ORDER BY id')).rows.map((r) => r.name);
  const reset = () => engine.execute('DELETE FROM item');

  it('commits when the function returns, and returns its value', async () => {
    await reset();
    const value = await engine.transaction(async (tx) => {
      assert.equal(tx.inTransaction, true);
      await tx.execute('INSERT INTO item (id, name) VALUES (?, ?)', [1, 'a']);
      await tx.execute(sql`INSERT INTO item (id, name) VALUES (${2}, ${'b'})`);
      return 42;
    });
    assert.equal(value, 42);
    assert.deepEqual(await names(), ['a', 'b']);
  });

  it('rolls back when the function throws, and rethrows the same error', async () => {
    await reset();
    const boom = new Boom('no');
    await assert.rejects(
      engine.transaction(async (tx) => {
        await tx.execute('INSERT INTO item (id, name) VALUES (?, ?)', [1, 'gone']);
        throw boom;
      }),
      (e) => e === boom,
    );
    assert.deepEqual(await names(), []);
  });

  it('rolls back when a statement fails', async () => {
    await reset();
    await assert.rejects(
      engine.transaction(async (tx) => {
        await tx.execute('INSERT INTO item (id, name) VALUES (?, ?)', [1, 'gone']);
        await tx.execute('INSERT INTO item (id, name) VALUES (?, ?)', [1, 'duplicate key']);
      }),
      { name: 'DriverError' },
    );
    assert.deepEqual(await names(), []);
  });

  it('a failing nested transaction rolls back to its savepoint; the outer one commits', async () => {
    await reset();
    await engine.transaction(async (tx) => {
      await tx.execute('INSERT INTO item (id, name) VALUES (?, ?)', [1, 'outer-before']);
      await assert.rejects(
        tx.transaction(async (inner) => {
          await inner.execute('INSERT INTO item (id, name) VALUES (?, ?)', [2, 'inner']);
          throw new Boom('inner fails');
        }),
        Boom,
      );
      assert.equal(tx.inTransaction, true);
      await tx.execute('INSERT INTO item (id, name) VALUES (?, ?)', [3, 'outer-after']);
    });
    assert.deepEqual(await names(), ['outer-before', 'outer-after']);
  });

  it('a nested transaction that succeeds is kept, two levels deep', async () => {
    await reset();
    await engine.transaction(async (tx) => {
      await tx.transaction(async (inner) => {
        await inner.execute('INSERT INTO item (id, name) VALUES (?, ?)', [1, 'level 2']);
        await inner.transaction(async (deepest) => {
          await deepest.execute('INSERT INTO item (id, name) VALUES (?, ?)', [2, 'level 3']);
        });
      });
    });
    assert.deepEqual(await names(), ['level 2', 'level 3']);
  });

  it('an outer rollback also undoes committed savepoints', async () => {
    await reset();
    await assert.rejects(
      engine.transaction(async (tx) => {
        await tx.transaction(async (inner) => {
          await inner.execute('INSERT INTO item (id, name) VALUES (?, ?)', [1, 'inner']);
        });
        throw new Boom('outer fails');
      }),
      Boom,
    );
    assert.deepEqual(await names(), []);
  });

  it('the connection is usable and outside any transaction afterwards', async () => {
    await reset();
    const conn = await engine.connect();
    try {
      await assert.rejects(conn.transaction(async () => Promise.reject(new Boom('x'))), Boom);
      assert.equal(conn.inTransaction, false);
      await conn.execute('INSERT INTO item (id, name) VALUES (?, ?)', [1, 'autocommitted']);
    } finally {
      await conn.release();
    }
    assert.deepEqual(await names(), ['autocommitted']);
  });
});
