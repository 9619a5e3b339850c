// A migration that rebuilds a SQLite table and drops a column a view reads (the view left as it
// was). The in-place DROP COLUMN fails at upgrade with SQLite's 'error in view ...', but the
// rebuild (its rename runs in legacy mode, which checks no view) succeeded: `retort check` said the
// models matched, and every read of the view failed with 'no such column: note'. The rebuild now
// has SQLite check the views and triggers against the new table, so it fails and rolls back too.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import { createProject, writtenId, type Project } from '../../cli/project.js';
import { forSqlite } from './helpers.js';

forSqlite('a table rebuild that would break a view', (ctx) => {
  let engine: Engine;
  let project: Project;
  before(async () => {
    const url = await ctx.freshUrl('rebuild_views');
    engine = createEngine(url);
    await engine.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT, note TEXT, CHECK (note <> 'x'))");
    await engine.execute('CREATE VIEW item_note AS SELECT id, note FROM item');
    await engine.execute("INSERT INTO item (name, note) VALUES ('a', 'n')");
    project = createProject('rebuild-views');
    assert.equal((await project.run(['init', '--url', url])).code, 0);
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });

  it('fails at upgrade naming the view, and rolls back; once the view is changed it runs', async () => {
    project.writeModels(`import { MetaData, Table, column } from 'retort';
export const metadata = new MetaData();
new Table(metadata, 'item', { id: column.integer().primaryKey(), name: column.text().notNull().serverDefault('') });
`);
    const made = await project.run(['autogenerate', '-m', 'drop note']);
    assert.equal(made.code, 0, made.stderr);
    assert.match(project.migration(writtenId(made)), /await op\.dropColumn\('item', 'note'\);/);

    const up = await project.run(['upgrade']);
    assert.equal(up.code, 1, up.stdout);
    assert.match(up.stderr, /error in view item_note: no such column: note/);
    assert.match(up.stderr, /the migration's transaction was rolled back: the database stays at base/);
    assert.deepEqual((await engine.execute('SELECT id, note FROM item_note')).rows, [{ id: 1, note: 'n' }]);

    await engine.execute('DROP VIEW item_note');
    await engine.execute('CREATE VIEW item_note AS SELECT id, name FROM item');
    const again = await project.run(['upgrade']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal((await project.run(['check'])).code, 0);
    assert.deepEqual((await engine.execute('SELECT id, name FROM item_note')).rows, [{ id: 1, name: 'a' }]);
  });
});
