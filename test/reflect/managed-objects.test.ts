// Objects the database manages for something else are not the user's tables: SQLite's shadow
// tables of an FTS5 index, a PostgreSQL extension's views and tables. Reflection leaves them
// out, so autogenerate never proposes to drop them (which would break the index or extension).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { compare } from '../../src/autogenerate/index.js';
import { column, createEngine, inspect, MetaData, Table, type Engine } from '../../src/index.js';
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
