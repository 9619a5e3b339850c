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
import { createProject, writtenId, type Project } from '../../cli/project.js';
import { forSqlite, tableInfo } from './helpers.js';

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

// Such a key column that the models declare NOT NULL (`column.text().primaryKey()`) was never
// compared (a key column counted as NOT NULL whatever the database said), so no migration made it
// NOT NULL; and `id INT PRIMARY KEY` (not the rowid: it takes NULLs) made the rowid by a model
// change came back from the downgrade as `INT PRIMARY KEY NOT NULL`.
forSqlite('primary key columns that take NULLs, through the CLI', (ctx) => {
  let engine: Engine;
  let project: Project;
  before(async () => {
    const url = await ctx.freshUrl('nullable_pk_cli');
    engine = createEngine(url);
    await engine.execute('CREATE TABLE country (code TEXT PRIMARY KEY, name TEXT)');
    await engine.execute('CREATE TABLE legacy (id INT PRIMARY KEY, x TEXT)');
    await engine.execute("INSERT INTO country VALUES ('fr', 'France')");
    await engine.execute("INSERT INTO legacy VALUES (10, 'a'), (NULL, 'b')");
    project = createProject('nullable-pk');
    assert.equal((await project.run(['init', '--url', url])).code, 0);
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });
  const notNull = async (table: string): Promise<number | undefined> => (await tableInfo(engine, table)).find((c) => c.pk === 1)?.notnull;

  it('a model change to NOT NULL is a migration; the downgrade gives back the key columns that take NULLs', async () => {
    await engine.execute('DELETE FROM legacy WHERE id IS NULL'); // the rowid cannot hold it
    project.writeModels(`import { MetaData, Table, column } from 'retort';
export const metadata = new MetaData();
new Table(metadata, 'country', { code: column.text().primaryKey(), name: column.text() });
new Table(metadata, 'legacy', { id: column.integer().primaryKey(), x: column.text() });
`);
    const made = await project.run(['autogenerate', '-m', 'keys not null']);
    assert.equal(made.code, 0, made.stderr);
    const source = project.migration(writtenId(made));
    assert.match(source, /await op\.alterColumn\('country', 'code', \{ nullable: false \}\);/);
    assert.match(source, /await op\.alterColumn\('legacy', 'id', \{ nullable: false, autoincrement: true \}\);/);
    const up = await project.run(['upgrade']);
    assert.equal(up.code, 0, up.stderr);
    assert.equal((await project.run(['check'])).code, 0);
    await assert.rejects(engine.execute("INSERT INTO country VALUES (NULL, 'nowhere')"), /NOT NULL constraint failed: country\.code/);

    const down = await project.run(['downgrade', 'base']);
    assert.equal(down.code, 0, down.stderr);
    assert.deepEqual([await notNull('country'), await notNull('legacy')], [0, 0]);
    await engine.execute("INSERT INTO country VALUES (NULL, 'nowhere')");
    assert.deepEqual((await engine.execute('SELECT id, x FROM legacy ORDER BY x')).rows, [{ id: 10, x: 'a' }]);
  });
});
