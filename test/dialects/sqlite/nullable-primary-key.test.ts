// SQLite lets a primary key column that is not the rowid take NULLs unless it is declared NOT NULL
// (a legacy of its early versions), so hand-written schemas are full of `code TEXT PRIMARY KEY` and
// `PRIMARY KEY (a, b)` over nullable columns. Reflection says so; models from MetaData.reflect
// keep such columns nullable (they failed with 'a primary key column cannot be declared
// nullable'), compare as the database, and createAll builds them again.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { compare } from '../../../src/autogenerate/index.js';
import { createEngine, MetaData, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { forEachDialect } from '../../helpers/databases.js';

forEachDialect('primary key columns that take NULLs', (ctx) => {
  if (ctx.dialect !== 'sqlite') return; // PostgreSQL and MySQL make every key column NOT NULL
  let engine: Engine;
  let copy: Engine;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('nullable_pk'));
    copy = createEngine(await ctx.freshUrl('nullable_pk_copy'));
    await engine.execute('CREATE TABLE tag_link (post TEXT, tag TEXT, PRIMARY KEY (post, tag))');
    await engine.execute('CREATE TABLE country (code TEXT PRIMARY KEY, name TEXT NOT NULL)');
  });
  after(async () => {
    await engine.dispose();
    await copy.dispose();
  });

  it('MetaData.reflect gives models that compare equal and that createAll builds as they were', async () => {
    const database = await inspect(engine);
    assert.deepEqual(database.tables.map((t) => t.columns.map((c) => `${c.name}:${c.nullable}`)), [['code:true', 'name:false'], ['post:true', 'tag:true']]);
    const metadata = await MetaData.reflect(engine);
    assert.deepEqual(compare(metadata.snapshot(engine.dialect), database, { dialect: engine.dialect }), []);
    await metadata.createAll(copy);
    const rebuilt = await inspect(copy);
    assert.deepEqual(rebuilt.tables, database.tables);
  });
});
