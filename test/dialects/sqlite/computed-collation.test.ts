// Generated columns and collations on SQLite database files: createAll writes them and reflection
// reads back exactly what the models declare; hand-written DDL in any spelling reflects to the
// canonical snapshot (plain columns get no new keys); rebuilds keep generated columns (rows,
// values, expression); a STORED generated column is added by a rebuild, a VIRTUAL one in place;
// a collation change shows in comparisons and in reflection; MySQL's ON UPDATE and PostgreSQL's
// identity ALWAYS are nothing on SQLite.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, it } from 'node:test';
import { createEngine, sql, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { column, MetaData, Table } from '../../../src/schema/index.js';
import type { ColumnSnapshot, TableSnapshot } from '../../../src/schema/snapshot.js';
import { forSqlite, masterSql, migrateSqlite } from './helpers.js';

/** line(id, price, qty, total STORED = price * qty, label VIRTUAL NOT NULL = upper(name), name NOCASE, code RTRIM). */
function shop(): MetaData {
  const metadata = new MetaData();
  new Table(metadata, 'line', {
    id: column.integer().primaryKey(),
    price: column.integer().notNull(),
    qty: column.integer().notNull(),
    total: column.integer().computed(sql`price * qty`, { stored: true }),
    label: column.text().notNull().computed("upper(coalesce(name, ''))"),
    name: column.string(50).collate('NOCASE'),
    code: column.string(10).collate('RTRIM').onUpdate(sql`CURRENT_TIMESTAMP`),
  });
  return metadata;
}


const table = async (engine: Engine, name: string): Promise<TableSnapshot> => (await inspect(engine, { include: [name] })).tables[0]!;
const columnOf = (t: TableSnapshot, name: string): ColumnSnapshot => t.columns.find((c) => c.name === name)!;
const rebuilds = (ran: readonly string[]): number => ran.filter((s) => s.startsWith('CREATE TABLE "_retort_tmp_')).length;

forSqlite('SQLite generated columns and collations', (ctx) => {
  let engine: Engine;
  beforeEach(async () => {
    engine = createEngine(await ctx.freshUrl('computed'));
  });
  afterEach(() => engine.dispose());

  it('createAll writes COLLATE and GENERATED ALWAYS AS, and reflection gives back exactly the declared fields', async () => {
    await shop().createAll(engine);
    const text = (await masterSql(engine, 'line')) ?? '';
    assert.match(text, /"total" INTEGER GENERATED ALWAYS AS \(price \* qty\) STORED,/);
    assert.match(text, /"label" TEXT GENERATED ALWAYS AS \(upper\(coalesce\(name, ''\)\)\) VIRTUAL NOT NULL,/);
    assert.match(text, /"name" VARCHAR\(50\) COLLATE "NOCASE",/);
    assert.doesNotMatch(text, /ON UPDATE|CURRENT_TIMESTAMP/, 'no ON UPDATE on SQLite');
    await engine.execute("INSERT INTO line (id, price, qty, name, code) VALUES (1, 3, 4, 'Ann', 'a  ')");
    assert.deepEqual((await engine.execute('SELECT total, label FROM line')).rows, [{ total: 12, label: 'ANN' }]);

    const reflected = await table(engine, 'line');
    const model = shop().snapshot(engine.dialect).tables[0]!;
    const extras = (c: ColumnSnapshot) => [c.name, c.computed ?? null, c.collation ?? null, c.default, c.nullable];
    assert.deepEqual(reflected.columns.map(extras), model.columns.map(extras));
    for (const c of reflected.columns) assert.ok(!('onUpdate' in c) && !('identityAlways' in c), c.name);
    assert.deepEqual(Object.keys(columnOf(reflected, 'price')), ['name', 'type', 'nullable', 'default', 'autoincrement', 'comment']);
  });

  it('reflects hand-written DDL in any spelling to the canonical snapshot, and plain columns get no new keys', async () => {
    await engine.execute(`CREATE TABLE hand (
      id INTEGER PRIMARY KEY,
      a INT DEFAULT 2,
      b TEXT collate nocase,
      c TEXT COLLATE "rtrim" NOT NULL DEFAULT 'x',
      d TEXT COLLATE BINARY,
      e AS (a * 2),
      f INT GENERATED ALWAYS AS ( a + length(b) ) STORED NOT NULL,
      g TEXT COLLATE [NoCase] GENERATED ALWAYS AS (b || c) VIRTUAL
    )`);
    const hand = await table(engine, 'hand');
    assert.deepEqual(hand.columns, [
      { name: 'id', type: { kind: 'integer' }, nullable: false, default: null, autoincrement: true, comment: null },
      { name: 'a', type: { kind: 'integer' }, nullable: true, default: { kind: 'expression', sql: '2' }, autoincrement: false, comment: null },
      { name: 'b', type: { kind: 'text' }, nullable: true, default: null, autoincrement: false, comment: null, collation: 'NOCASE' },
      { name: 'c', type: { kind: 'text' }, nullable: false, default: { kind: 'expression', sql: "'x'" }, autoincrement: false, comment: null, collation: 'RTRIM' },
      { name: 'd', type: { kind: 'text' }, nullable: true, default: null, autoincrement: false, comment: null },
      { name: 'e', type: { kind: 'custom', sql: '' }, nullable: true, default: null, autoincrement: false, comment: null, computed: { sql: 'a * 2', stored: false } },
      { name: 'f', type: { kind: 'integer' }, nullable: false, default: null, autoincrement: false, comment: null, computed: { sql: 'a + length(b)', stored: true } },
      { name: 'g', type: { kind: 'text' }, nullable: true, default: null, autoincrement: false, comment: null, computed: { sql: 'b || c', stored: false }, collation: 'NOCASE' },
    ]);
    for (const name of ['id', 'a', 'd']) {
      assert.deepEqual(Object.keys(columnOf(hand, name)), ['name', 'type', 'nullable', 'default', 'autoincrement', 'comment'], name);
    }
  });

  it('a rebuild of a table with generated columns keeps its rows, their generated values and the expressions', async () => {
    await shop().createAll(engine);
    await engine.execute("INSERT INTO line (id, price, qty, name) VALUES (1, 3, 4, 'ann'), (2, 5, 6, NULL)");
    const ran = await migrateSqlite(engine, async (op) => {
      await op.alterColumn('line', 'price', { nullable: true });
    });
    assert.equal(rebuilds(ran), 1, ran.join(';\n'));
    const copy = ran.find((s) => s.startsWith('INSERT INTO "_retort_tmp_line"'))!;
    assert.equal(copy, 'INSERT INTO "_retort_tmp_line" ("id", "price", "qty", "name", "code") SELECT "id", "price", "qty", "name", "code" FROM "line"');
    assert.deepEqual((await engine.execute('SELECT id, total, label, name FROM line ORDER BY id')).rows, [
      { id: 1, total: 12, label: 'ANN', name: 'ann' }, { id: 2, total: 30, label: '', name: null },
    ]);
    const after = await table(engine, 'line');
    assert.deepEqual(columnOf(after, 'total').computed, { sql: 'price * qty', stored: true });
    assert.deepEqual(columnOf(after, 'label').computed, { sql: "upper(coalesce(name, ''))", stored: false });
    assert.equal(columnOf(after, 'name').collation, 'NOCASE');
    assert.equal(columnOf(after, 'price').nullable, true);
    await engine.execute('UPDATE line SET qty = 10 WHERE id = 1');
    assert.deepEqual((await engine.execute('SELECT total FROM line WHERE id = 1')).rows, [{ total: 30 }], 'still computed on write');
  });

  it('adds a STORED generated column by a rebuild, a VIRTUAL one in place', async () => {
    await engine.execute('CREATE TABLE item (id INTEGER PRIMARY KEY, n INT NOT NULL)');
    await engine.execute('INSERT INTO item (id, n) VALUES (1, 2), (2, 5)');
    const ran = await migrateSqlite(engine, async (op) => {
      await op.addColumn('item', 'twice', column.integer().notNull().computed('n * 2', { stored: true }));
      await op.addColumn('item', 'half', column.double().notNull().computed('n / 2.0'));
    });
    assert.equal(rebuilds(ran), 1, ran.join(';\n'));
    assert.ok(ran.includes('ALTER TABLE "item" ADD COLUMN "half" DOUBLE GENERATED ALWAYS AS (n / 2.0) VIRTUAL NOT NULL'), ran.join(';\n'));
    assert.deepEqual((await engine.execute('SELECT id, n, twice, half FROM item ORDER BY id')).rows, [
      { id: 1, n: 2, twice: 4, half: 1 }, { id: 2, n: 5, twice: 10, half: 2.5 },
    ]);
    const item = await table(engine, 'item');
    assert.deepEqual(item.columns.map((c) => [c.name, c.computed ?? null, c.nullable]), [
      ['id', null, false], ['n', null, false], ['twice', { sql: 'n * 2', stored: true }, false], ['half', { sql: 'n / 2.0', stored: false }, false],
    ]);
  });

  it('a collation change rebuilds the table, shows in comparisons and in reflection, and back', async () => {
    await engine.execute('CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT, twice AS (id * 2) STORED)');
    await engine.execute("INSERT INTO person (id, name) VALUES (1, 'Ann'), (2, 'BOB')");
    const matches = async (): Promise<number[]> =>
      (await engine.execute<{ id: number }>("SELECT id FROM person WHERE name = 'ann' OR name = 'bob' ORDER BY id")).rows.map((r) => r.id);
    assert.deepEqual(await matches(), []);
    const ran = await migrateSqlite(engine, async (op) => {
      await op.alterColumn('person', 'name', { collation: 'NOCASE' });
    });
    assert.equal(rebuilds(ran), 1);
    assert.deepEqual(await matches(), [1, 2]);
    const person = await table(engine, 'person');
    assert.equal(columnOf(person, 'name').collation, 'NOCASE');
    assert.deepEqual(columnOf(person, 'twice').computed, { sql: 'id * 2', stored: true });
    assert.deepEqual((await engine.execute('SELECT twice FROM person ORDER BY id')).rows, [{ twice: 2 }, { twice: 4 }]);

    await migrateSqlite(engine, async (op) => {
      await op.alterColumn('person', 'name', { collation: null });
    });
    assert.deepEqual(await matches(), []);
    assert.ok(!('collation' in columnOf(await table(engine, 'person'), 'name')));
  });

  it("MySQL's onUpdate and PostgreSQL's identityAlways are nothing on SQLite: no statement, no rebuild", async () => {
    await engine.execute('CREATE TABLE stamp (id INTEGER PRIMARY KEY, at TEXT)');
    const before = await masterSql(engine, 'stamp');
    const ran = await migrateSqlite(engine, async (op) => {
      await op.alterColumn('stamp', 'at', { onUpdate: sql`CURRENT_TIMESTAMP` });
      await op.alterColumn('stamp', 'id', { identityAlways: true });
    });
    assert.deepEqual(ran, []);
    assert.equal(await masterSql(engine, 'stamp'), before);
  });
});
