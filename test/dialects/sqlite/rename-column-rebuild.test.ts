// Renaming a column of a SQLite table that the same migration also rebuilds (a CHECK that names
// the column changes with it, a column becomes NOT NULL). The rename used to be carried out by the
// rebuild (copy into a table with the new name): SQLite's RENAME COLUMN, which rewrites the views
// and triggers that name the column, never ran, and the rebuild created the table's triggers again
// from their old text (and autogenerate warned that the generated column reading it needed a drop
// and an add, when the rename rewrites its expression). The upgrade succeeded and `retort check` said the models matched, but every
// read of the view failed with 'no such column: price' and the trigger watched a column that was gone.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import { createProject, writtenId, type Project } from '../../cli/project.js';
import { forSqlite } from './helpers.js';

const MODELS = `import { CheckConstraint, MetaData, Table, column, sql } from 'retort';
export const metadata = new MetaData({ namingConvention: {} });
new Table(metadata, 'item', {
  id: column.integer().primaryKey(),
  unit_price: column.float().notNull(),
  qty: column.integer(),
  total: column.float().computed(sql\`unit_price * qty\`),
  note: column.text().notNull().serverDefault(''),
}, new CheckConstraint('unit_price >= 0'));
new Table(metadata, 'audit', { id: column.integer().primaryKey(), price: column.float() });
`;

forSqlite('renaming a column of a table the migration rebuilds', (ctx) => {
  let engine: Engine;
  let project: Project;
  before(async () => {
    const url = await ctx.freshUrl('rename_rebuild');
    engine = createEngine(url);
    await engine.execute('CREATE TABLE item (id INTEGER PRIMARY KEY, price REAL NOT NULL, qty INTEGER, total REAL GENERATED ALWAYS AS (price * qty) VIRTUAL, note TEXT, CHECK (price >= 0))');
    await engine.execute('CREATE TABLE audit (id INTEGER PRIMARY KEY, price REAL)');
    await engine.execute('CREATE TRIGGER item_price AFTER UPDATE OF price ON item BEGIN INSERT INTO audit (price) VALUES (NEW.price); END');
    await engine.execute('CREATE VIEW item_price_view AS SELECT id, price FROM item');
    await engine.execute("INSERT INTO item (price, qty, note) VALUES (2, 3, 'a')");
    project = createProject('rename-rebuild');
    assert.equal((await project.run(['init', '--url', url])).code, 0);
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });

  const master = async (): Promise<string[]> =>
    (await engine.execute<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type IN ('view', 'trigger') ORDER BY name")).rows.map((r) => r.sql);

  it('the views and triggers that name the column follow the rename; downgrade brings them back', async () => {
    const original = await master();
    project.writeModels(MODELS);
    const made = await project.run(['autogenerate', '-m', 'unit price', '--rename', 'item.price:unit_price']);
    assert.equal(made.code, 0, made.stderr);
    assert.match(project.migration(writtenId(made)), /await op\.renameColumn\('item', 'price', 'unit_price'\);/);
    // RENAME COLUMN rewrites the generated column's expression too: nothing to warn about
    assert.doesNotMatch(`${made.stderr}${project.migration(writtenId(made))}`, /generated column total/);

    const up = await project.run(['upgrade']);
    assert.equal(up.code, 0, up.stderr);
    assert.equal((await project.run(['check'])).code, 0);
    assert.deepEqual((await engine.execute('SELECT id, unit_price FROM item_price_view')).rows, [{ id: 1, unit_price: 2 }]);
    await engine.execute('UPDATE item SET unit_price = 5');
    assert.deepEqual((await engine.execute('SELECT price FROM audit')).rows, [{ price: 5 }], 'the trigger fires on the renamed column');
    assert.deepEqual((await engine.execute('SELECT total, note FROM item')).rows, [{ total: 15, note: 'a' }]);

    const down = await project.run(['downgrade', 'base']);
    assert.equal(down.code, 0, down.stderr);
    assert.deepEqual((await master()).map((s) => s.replaceAll('"', '')), original);
    assert.deepEqual((await engine.execute('SELECT id, price FROM item_price_view')).rows, [{ id: 1, price: 5 }]);
  });
});
