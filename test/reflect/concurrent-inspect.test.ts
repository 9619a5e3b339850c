// inspect(engine, { concurrent: true }): the caller has other work meanwhile (retort check and
// autogenerate load the models while the catalog is read). SQLite, whose driver blocks the thread
// it runs on, then reads a large catalog of a file in a worker thread; the snapshot is the same as
// an inline read on every dialect, filters included.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../src/index.js';
import { inspect } from '../../src/reflect/inspect.js';
import { forEachDialect } from '../helpers/databases.js';

/** Tables (each with an index and a foreign key to the one before): SQLite's catalog then lists 2 objects a table. */
function ddl(tables: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < tables; i++) {
    const t = `t${String(i).padStart(3, '0')}`;
    const fk = i === 0 ? '' : `, parent_id INTEGER REFERENCES t${String(i - 1).padStart(3, '0')} (id) ON DELETE CASCADE`;
    out.push(`CREATE TABLE ${t} (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) DEFAULT 'x', qty INTEGER NOT NULL CHECK (qty >= 0)${fk})`);
    out.push(`CREATE INDEX ix_${t}_name ON ${t} (name)`);
  }
  return out;
}

forEachDialect('inspect with concurrent: true', (ctx) => {
  // SQLite reads off the main thread from 500 catalog objects; the servers need no such size
  const tables = ctx.dialect === 'sqlite' ? 260 : 12;
  let engine: Engine;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('concurrent_inspect'));
    if (ctx.dialect === 'sqlite') {
      await engine.transaction(async (tx) => {
        for (const statement of ddl(tables)) await tx.execute(statement);
      });
    } else {
      for (const statement of ddl(tables)) await engine.execute(statement);
    }
  });
  after(async () => engine.dispose());

  it('gives the snapshot an inline read gives, whole and filtered', async () => {
    const inline = await inspect(engine);
    assert.equal(inline.tables.length, tables);
    assert.deepEqual(await inspect(engine, { concurrent: true }), inline);
    const include = ['t001', 't007'];
    assert.deepEqual(await inspect(engine, { concurrent: true, include }), await inspect(engine, { include }));
    const exclude = ['t000', 't002'];
    const excluded = await inspect(engine, { concurrent: true, exclude });
    assert.equal(excluded.tables.length, tables - 2);
    assert.deepEqual(excluded, await inspect(engine, { exclude }));
  });

  if (ctx.dialect === 'sqlite') {
    it('reads a large catalog of a file on a connection of its own (the engine runs only a count)', async () => {
      const seen: string[] = [];
      const stop = engine.onQuery((event) => void seen.push(event.sql));
      try {
        await inspect(engine, { concurrent: true });
        assert.deepEqual(seen, ['SELECT count(*) AS n FROM sqlite_master']);
        seen.length = 0;
        await inspect(engine);
        assert.ok(seen.some((sql) => sql.includes('pragma_table_xinfo')), 'an inline read runs the catalog queries on the engine');
      } finally {
        stop();
      }
    });

    it('reads a small catalog, or an in-memory database, inline', async () => {
      const small = createEngine(await ctx.freshUrl('concurrent_small'));
      const memory = createEngine('sqlite://:memory:');
      try {
        for (const e of [small, memory]) {
          await e.execute('CREATE TABLE a (id INTEGER PRIMARY KEY)');
          const seen: string[] = [];
          const stop = e.onQuery((event) => void seen.push(event.sql));
          const snapshot = await inspect(e, { concurrent: true });
          stop();
          assert.deepEqual(snapshot.tables.map((t) => t.name), ['a']);
          assert.ok(seen.some((sql) => sql.includes('pragma_table_xinfo')), `${e.url}: read inline`);
        }
      } finally {
        await small.dispose();
        await memory.dispose();
      }
    });
  }
});
