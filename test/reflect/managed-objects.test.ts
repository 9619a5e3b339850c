// Objects the database manages for something else are not the user's tables: SQLite's shadow
// tables of an FTS5 index, a PostgreSQL extension's views and tables. Reflection leaves them
// out, so autogenerate never proposes to drop them (which would break the index or extension).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { compare, type CompareWarning } from '../../src/autogenerate/index.js';
import { column, createEngine, inspect, MetaData, Table, type Engine } from '../../src/index.js';
import { renderSchemaTree, summarizeSchema } from '../../src/reflect/tree.js';
import { retort } from '../helpers/cli.js';
import { forEachDialect } from '../helpers/databases.js';

forEachDialect('objects managed by the database are not reflected', (ctx) => {
  if (ctx.dialect === 'mysql') return;
  let engine: Engine;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('managed'));
    await engine.execute('CREATE TABLE note (id INTEGER NOT NULL, body TEXT, CONSTRAINT pk_note PRIMARY KEY (id))');
    if (ctx.dialect === 'sqlite') await engine.execute('CREATE VIRTUAL TABLE note_fts USING fts5(body, content=note, content_rowid=id)');
    else await engine.execute('CREATE EXTENSION IF NOT EXISTS pg_buffercache');
  });
  after(() => engine.dispose());

  it('reflection lists only the user table, and models of it compare empty', async () => {
    const snapshot = await inspect(engine);
    assert.deepEqual([...snapshot.tables.map((t) => t.name), ...snapshot.views.map((v) => v.name)], ['note']);
    const models = new MetaData();
    // SQLite makes the INTEGER key the rowid (autoincrement); PostgreSQL's is a plain integer
    new Table(models, 'note', { id: column.integer().primaryKey().autoincrement(ctx.dialect === 'sqlite'), body: column.text() });
    assert.deepEqual(compare(models.snapshot(engine.dialect), snapshot, { dialect: engine.dialect }), []);
  });
});

forEachDialect('SQLite virtual tables', (ctx) => {
  if (ctx.dialect !== 'sqlite') return;
  let engine: Engine;
  let url: string;
  const FTS = 'CREATE VIRTUAL TABLE note_fts USING fts5(body, content=note, content_rowid=id)';
  before(async () => {
    url = await ctx.freshUrl('virtual');
    engine = createEngine(url);
    await engine.execute(`CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT); ${FTS};
      CREATE TRIGGER note_ai AFTER INSERT ON note BEGIN INSERT INTO note_fts (rowid, body) VALUES (new.id, new.body); END;`);
  });
  after(() => engine.dispose());

  it('are listed by reflection apart from tables (not their shadow tables), with their CREATE text', async () => {
    const snapshot = await inspect(engine);
    assert.deepEqual(snapshot.tables.map((t) => t.name), ['note']);
    assert.deepEqual(snapshot.virtualTables, [{ name: 'note_fts', schema: null, definition: FTS }]);
    assert.ok(renderSchemaTree(snapshot, engine.dialect).includes('virtual table note_fts USING fts5(body, content=note, content_rowid=id)'));
    assert.equal(summarizeSchema(snapshot), '1 table, 1 virtual table, 1 trigger');
  });

  it('retort diff warns about one only one side has, with the statement that creates it', async () => {
    const empty = createEngine(await ctx.freshUrl('virtual_empty'));
    try {
      await empty.execute('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)');
      const warnings: CompareWarning[] = [];
      compare(await inspect(engine), await inspect(empty), { dialect: engine.dialect, targetIsDatabase: true, onWarning: (w) => warnings.push(w) });
      assert.ok(warnings.some((w) => w.message === `virtual table note_fts: only the target has it; retort does not manage virtual tables: create it with op.execute (${FTS})`),
        warnings.map((w) => w.message).join('\n'));
    } finally {
      await empty.dispose();
    }
    const r = await retort(['reflect', '--json', '--url', url]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as { virtualTables: unknown }).virtualTables, [{ name: 'note_fts', schema: null, definition: FTS }]);
  });
});
