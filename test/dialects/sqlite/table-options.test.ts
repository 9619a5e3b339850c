// SQLite table options STRICT and WITHOUT ROWID: models declare them and createAll writes them,
// reflection reads them from the CREATE TABLE text, a rebuild keeps them (they were silently
// lost before), a STRICT table refuses column types SQLite's strict tables refuse, and compare
// warns (no operation) where the model's options differ from the database's.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, it } from 'node:test';
import { compare } from '../../../src/autogenerate/index.js';
import { createEngine, OperationError, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { column, MetaData, Table } from '../../../src/schema/index.js';
import { forSqlite, masterSql, migrateSqlite } from './helpers.js';

function models(options: { strict?: boolean; withoutRowid?: boolean } = { strict: true, withoutRowid: true }): MetaData {
  const metadata = new MetaData();
  new Table(metadata, 'kv', { k: column.text().primaryKey(), v: column.integer(), n: column.custom('REAL'), b: column.largeBinary() }, options);
  return metadata;
}


forSqlite('SQLite table options STRICT and WITHOUT ROWID', (ctx) => {
  let engine: Engine;
  beforeEach(async () => {
    engine = createEngine(await ctx.freshUrl('tableopts'));
  });
  afterEach(() => engine.dispose());

  it('createAll writes them, reflection reads them, and compare finds nothing', async () => {
    const md = models();
    await md.createAll(engine);
    assert.match((await masterSql(engine, 'kv')) ?? '', /\) WITHOUT ROWID, STRICT$/);
    const reflected = await inspect(engine);
    assert.deepEqual([reflected.tables[0]?.strict, reflected.tables[0]?.withoutRowid], [true, true]);
    assert.deepEqual(compare(md.snapshot('sqlite'), reflected, { dialect: engine.dialect }), []);
    await assert.rejects(engine.execute("INSERT INTO kv (k, v) VALUES ('a', 'not a number')"), /cannot store TEXT value in INTEGER column/);
  });

  it('a rebuild keeps them (and the rows)', async () => {
    await engine.execute('CREATE TABLE kv (k TEXT PRIMARY KEY, v INT, n REAL, b BLOB) WITHOUT ROWID, STRICT');
    await engine.execute("INSERT INTO kv (k, v) VALUES ('a', 1)");
    await migrateSqlite(engine, (op) => op.alterColumn('kv', 'v', { nullable: false }));
    assert.match((await masterSql(engine, 'kv')) ?? '', /"v" INTEGER NOT NULL[\s\S]*\) WITHOUT ROWID, STRICT$/);
    assert.deepEqual((await engine.execute('SELECT k, v FROM kv')).rows, [{ k: 'a', v: 1 }]);
  });

  it('a STRICT table refuses a type SQLite does not take there, naming table and column', async () => {
    const md = new MetaData();
    new Table(md, 'bad', { id: column.integer().primaryKey(), title: column.string(50) }, { strict: true });
    await assert.rejects(md.createAll(engine), (e: unknown) => e instanceof OperationError && /column "title" of STRICT table "bad" has type VARCHAR\(50\)/.test(e.message));
    assert.deepEqual((await inspect(engine)).tables, [], 'nothing created');
  });

  it('compare warns where the declared options differ, and leaves undeclared ones alone', async () => {
    await models({}).createAll(engine);
    const reflected = await inspect(engine);
    const warnings: string[] = [];
    const ops = compare(models().snapshot('sqlite'), reflected, { dialect: engine.dialect, onWarning: (w) => warnings.push(w.message) });
    assert.deepEqual(ops, []);
    assert.deepEqual(warnings.map((w) => w.split(':')[0]), ['table option STRICT', 'table option WITHOUT ROWID']);
    const quiet: string[] = [];
    compare(models({}).snapshot('sqlite'), { ...reflected, tables: reflected.tables.map((t) => ({ ...t, strict: true })) }, { dialect: engine.dialect, onWarning: (w) => quiet.push(w.message) });
    assert.deepEqual(quiet, []);
  });
});

forSqlite('SQLite AUTOINCREMENT keys', (ctx) => {
  let engine: Engine;
  beforeEach(async () => {
    engine = createEngine(await ctx.freshUrl('autoinc'));
  });
  afterEach(() => engine.dispose());

  it('createAll writes it, reflection reads it, compare finds nothing', async () => {
    const md = new MetaData();
    new Table(md, 'ev', { id: column.integer().primaryKey(), name: column.text() }, { sqliteAutoincrement: true });
    await md.createAll(engine);
    assert.match((await masterSql(engine, 'ev')) ?? '', /"id" INTEGER CONSTRAINT "pk_ev" PRIMARY KEY AUTOINCREMENT NOT NULL/);
    const reflected = await inspect(engine);
    assert.equal(reflected.tables[0]?.sqliteAutoincrement, true);
    assert.deepEqual(compare(md.snapshot('sqlite'), reflected, { dialect: engine.dialect }), []);
  });

  it('a rebuild keeps AUTOINCREMENT and its high-water mark: ids of deleted rows do not come back', async () => {
    await engine.execute('CREATE TABLE ev (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT)');
    await engine.execute("INSERT INTO ev (name) VALUES ('a'), ('b'), ('c')");
    await engine.execute('DELETE FROM ev WHERE id >= 2');
    await migrateSqlite(engine, (op) => op.alterColumn('ev', 'name', { nullable: false }));
    assert.match((await masterSql(engine, 'ev')) ?? '', /PRIMARY KEY AUTOINCREMENT/);
    await engine.execute("INSERT INTO ev (name) VALUES ('d')");
    assert.deepEqual((await engine.execute('SELECT id, name FROM ev ORDER BY id')).rows, [{ id: 1, name: 'a' }, { id: 4, name: 'd' }]);
    assert.deepEqual((await engine.execute('SELECT name, seq FROM sqlite_sequence')).rows, [{ name: 'ev', seq: 4 }]);
  });
});
