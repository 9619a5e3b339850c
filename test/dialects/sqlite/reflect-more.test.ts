// More of SQLite reflection: include / exclude applied in the SQL, the same number of queries for
// 5 and for 60 tables, the one schema `main`, views apart, what is left out (SQLite's own tables,
// virtual tables) and what is kept (generated columns, `_retort_tmp_` leftovers of a failed rebuild).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import { ReflectionError } from '../../../src/errors/index.js';
import { inspect, inspectTable } from '../../../src/reflect/inspect.js';
import { forSqlite } from './helpers.js';

/** Creates `n` tables t00.. each with a foreign key to the previous one and an index. */
async function createTables(engine: Engine, n: number): Promise<void> {
  await engine.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const name = `t${String(i).padStart(2, '0')}`;
      const parent = i === 0 ? '' : `, parent_id INTEGER REFERENCES t${String(i - 1).padStart(2, '0')} (id) ON DELETE CASCADE`;
      await tx.execute(`CREATE TABLE ${name} (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE CHECK (label <> '')${parent})`);
      await tx.execute(`CREATE INDEX ix_${name}_label ON ${name} (lower(label))`);
    }
  });
}

/**
 * Statements (and their parameters) an inspect() runs: `all` of them, and in `queries` the four
 * catalog queries the filters apply to (the first, listing shadow tables, takes no filter).
 */
async function traced(engine: Engine, options: Parameters<typeof inspect>[1] = {}) {
  const all: { sql: string; params: readonly unknown[] }[] = [];
  const off = engine.onQuery((e) => all.push({ sql: e.sql, params: e.params }));
  try {
    const snapshot = await inspect(engine, options);
    return { snapshot, all, queries: all.filter((q) => !q.sql.includes('pragma_table_list')) };
  } finally {
    off();
  }
}

forSqlite('SQLite reflection: filters, query count, schemas, views', (ctx) => {
  let small: Engine;
  let large: Engine;
  before(async () => {
    small = createEngine(await ctx.freshUrl('small'));
    large = createEngine(await ctx.freshUrl('large'));
    await createTables(small, 5);
    await createTables(large, 60);
    await small.execute('CREATE VIEW v_labels AS SELECT label FROM t00 UNION ALL SELECT label FROM t01');
  });
  after(async () => {
    await small.dispose();
    await large.dispose();
  });

  describe('query count', () => {
    it('is the same for 5 tables and for 60, and every table is read', async () => {
      const a = await traced(small);
      const b = await traced(large);
      assert.equal(a.snapshot.tables.length, 5);
      assert.equal(b.snapshot.tables.length, 60);
      assert.equal(b.snapshot.tables.filter((t) => t.foreignKeys.length === 1 && t.uniques.length === 1 && t.checks.length === 1 && t.indexes.length === 1).length, 59);
      assert.equal(a.all.length, 5);
      assert.equal(b.all.length, a.all.length);
    });
  });

  describe('include / exclude', () => {
    it('include reads only the named tables, the names bound as parameters of every query', async () => {
      const { snapshot, queries } = await traced(large, { include: ['t10', 't11', 'nope'] });
      assert.deepEqual(snapshot.tables.map((t) => t.name), ['t10', 't11']);
      for (const q of queries) {
        assert.match(q.sql, /IN \(\?, \?, \?\)/);
        assert.deepEqual(q.params, ['t10', 't11', 'nope']);
      }
      // t10's parent t09 was not read: its foreign key still names it
      assert.deepEqual(snapshot.tables[0]!.foreignKeys.map((f) => [f.referredTable, f.referredColumns]), [['t09', ['id']]]);
    });

    it('exclude leaves the named tables out, in the SQL too', async () => {
      const { snapshot, queries } = await traced(small, { exclude: ['t01', 't03'] });
      assert.deepEqual(snapshot.tables.map((t) => t.name), ['t00', 't02', 't04']);
      for (const q of queries) assert.match(q.sql, /NOT IN \(\?, \?\)/);
    });

    it('takes include and exclude together, and many names as one JSON parameter', async () => {
      const names = Array.from({ length: 700 }, (_, i) => `t${String(i).padStart(2, '0')}`);
      const { snapshot, queries } = await traced(large, { include: names, exclude: ['t00'] });
      assert.equal(snapshot.tables.length, 59);
      assert.match(queries[0]!.sql, /IN \(SELECT value FROM json_each\(\?\)\) AND m\.tbl_name NOT IN \(\?\)/);
      assert.equal(queries[0]!.params.length, 2);
    });

    it('include: [] reads nothing', async () => {
      const { snapshot, all } = await traced(small, { include: [] });
      assert.deepEqual(snapshot.tables, []);
      assert.deepEqual(all, []);
    });

    it('inspectTable reads one table', async () => {
      const t = await inspectTable(small, 't02');
      assert.equal(t?.name, 't02');
      assert.equal(await inspectTable(small, 'missing'), undefined);
    });
  });

  describe('schemas', () => {
    it('accepts main and refuses any other schema', async () => {
      assert.equal((await inspect(small, { schema: 'main' })).tables.length, 5);
      await assert.rejects(inspect(small, { schema: 'other' }), (e: unknown) => e instanceof ReflectionError && /schema "other" does not exist/.test(e.message));
    });
  });

  describe('what is listed', () => {
    it('lists views apart from tables', async () => {
      const snapshot = await inspect(small);
      assert.deepEqual(snapshot.views, [{ name: 'v_labels', schema: null, definition: 'SELECT label FROM t00 UNION ALL SELECT label FROM t01' }]);
      assert.ok(!snapshot.tables.some((t) => t.name === 'v_labels'));
    });

    it("leaves out SQLite's own tables and virtual tables, and keeps generated columns and rebuild leftovers", async () => {
      const engine = createEngine(await ctx.freshUrl('odd'));
      try {
        await engine.execute(`
          CREATE TABLE counter (id INTEGER PRIMARY KEY AUTOINCREMENT, n INT, twice INT GENERATED ALWAYS AS (n * 2) STORED, half AS (n / 2));
          INSERT INTO counter (n) VALUES (1);
          CREATE VIRTUAL TABLE doc USING fts5(body);
          CREATE TABLE "_retort_tmp_counter" (id INTEGER PRIMARY KEY);
          ANALYZE;`);
        const snapshot = await inspect(engine);
        const names = snapshot.tables.map((t) => t.name);
        assert.ok(!names.includes('sqlite_sequence') && !names.includes('sqlite_stat1') && !names.includes('doc'), names.join(', '));
        assert.ok(names.includes('_retort_tmp_counter'), 'a failed rebuild shows');
        const counter = snapshot.tables.find((t) => t.name === 'counter')!;
        assert.deepEqual(counter.columns.map((c) => [c.name, c.computed ?? null]), [
          ['id', null], ['n', null], ['twice', { sql: 'n * 2', stored: true }], ['half', { sql: 'n / 2', stored: false }],
        ]);
      } finally {
        await engine.dispose();
      }
    });

    it('reads a parent named in another case under its own name', async () => {
      const engine = createEngine(await ctx.freshUrl('case'));
      try {
        await engine.execute('CREATE TABLE Parent (Id INTEGER PRIMARY KEY, Code TEXT UNIQUE); CREATE TABLE child (pid INT REFERENCES PARENT (ID), code TEXT REFERENCES parent (code), CONSTRAINT uq UNIQUE (PID))');
        const child = (await inspect(engine)).tables.find((t) => t.name === 'child')!;
        assert.deepEqual(child.foreignKeys.map((f) => `${f.columns}->${f.referredTable}(${f.referredColumns})`), ['code->Parent(Code)', 'pid->Parent(Id)']);
        assert.deepEqual(child.uniques, [{ name: 'uq', columns: ['pid'] }]);
      } finally {
        await engine.dispose();
      }
    });
  });
});
