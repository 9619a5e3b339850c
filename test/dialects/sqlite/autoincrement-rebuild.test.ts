// An AUTOINCREMENT table whose primary key is dropped and added again in one migration (renaming
// the table renames its conventionally named key: pk_author -> pk_writer). The rebuild without the
// key made a table without AUTOINCREMENT, whose DROP took the sqlite_sequence row along; the
// rebuild that added the key back started the sequence again from the largest id left, so the
// ids of deleted rows came back. The row now follows the table through every rebuild.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import { createProject, writtenId, type Project } from '../../cli/project.js';
import { forSqlite } from './helpers.js';

forSqlite('AUTOINCREMENT through a rebuild that drops and adds the key', (ctx) => {
  let engine: Engine;
  let project: Project;
  before(async () => {
    const url = await ctx.freshUrl('autoinc_rebuild');
    engine = createEngine(url);
    await engine.execute('CREATE TABLE author (id INTEGER CONSTRAINT pk_author PRIMARY KEY AUTOINCREMENT NOT NULL, name TEXT NOT NULL)');
    await engine.execute("INSERT INTO author (name) VALUES ('a'), ('b'), ('c')");
    await engine.execute('DELETE FROM author WHERE id = 3');
    project = createProject('autoinc-rebuild');
    assert.equal((await project.run(['init', '--url', url])).code, 0);
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });
  const sequence = async (): Promise<unknown[]> => (await engine.execute("SELECT name, seq FROM sqlite_sequence WHERE name NOT LIKE 'retort%' ORDER BY name")).rows;

  it('keeps the high-water mark: the next id is not the id of a deleted row, after upgrade and after downgrade', async () => {
    project.writeModels(`import { MetaData, Table, column } from 'retort';
export const metadata = new MetaData();
new Table(metadata, 'writer', { id: column.integer().primaryKey(), name: column.text().notNull() }, { sqliteAutoincrement: true });
`);
    const made = await project.run(['autogenerate', '-m', 'writer', '--rename', 'author:writer']);
    assert.equal(made.code, 0, made.stderr);
    const source = project.migration(writtenId(made));
    assert.match(source, /await op\.dropPrimaryKey\('pk_author', 'author'\);/);
    assert.match(source, /await op\.createPrimaryKey\('pk_writer', 'writer', \['id'\]\);/);

    const up = await project.run(['upgrade']);
    assert.equal(up.code, 0, up.stderr);
    assert.equal((await project.run(['check'])).code, 0);
    assert.deepEqual(await sequence(), [{ name: 'writer', seq: 3 }]);
    await engine.execute("INSERT INTO writer (name) VALUES ('d')");
    assert.deepEqual((await engine.execute("SELECT id FROM writer WHERE name = 'd'")).rows, [{ id: 4 }]);
    await engine.execute("DELETE FROM writer WHERE name = 'd'");

    const down = await project.run(['downgrade', 'base']);
    assert.equal(down.code, 0, down.stderr);
    assert.deepEqual(await sequence(), [{ name: 'author', seq: 4 }]);
    assert.deepEqual((await engine.execute('SELECT id, name FROM author ORDER BY id')).rows, [{ id: 1, name: 'a' }, { id: 2, name: 'b' }]);
  });
});
