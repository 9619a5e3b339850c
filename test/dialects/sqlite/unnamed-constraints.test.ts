// A SQLite database made without retort keeps its foreign keys, uniques and checks without names
// (`REFERENCES parent (id)`, `UNIQUE (code)`, `CHECK (qty > 0)`). Models that change them make a
// migration that drops the unnamed ones by what they are, upgrades and downgrades, keeping the rows.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, inspect, type Engine } from '../../../src/index.js';
import { createProject, writtenId, type Project } from '../../cli/project.js';
import type { DialectContext } from '../../helpers/databases.js';
import { forSqlite } from './helpers.js';

const MODELS = `import { CheckConstraint, MetaData, Table, UniqueConstraint, column } from 'retort';
export const metadata = new MetaData();
new Table(metadata, 'parent', { id: column.integer().primaryKey() });
new Table(metadata, 'child', {
  id: column.integer().primaryKey(),
  parent_id: column.integer().references('parent.id', { onDelete: 'cascade' }),
  code: column.text(),
  qty: column.integer(),
}, new UniqueConstraint(['code', 'qty']), new CheckConstraint('qty >= 0', 'ck_child_qty'));
`;

/** A database made without retort (parent, child with unnamed constraints, a row each) and a project on it. */
function legacyDatabase(ctx: DialectContext, label: string): { readonly engine: Engine; readonly project: Project } {
  const state = {} as { engine: Engine; project: Project };
  before(async () => {
    const url = await ctx.freshUrl(label);
    state.engine = createEngine(url);
    await state.engine.execute('CREATE TABLE parent (id INTEGER PRIMARY KEY)');
    await state.engine.execute('CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id), code TEXT, qty INTEGER, UNIQUE (code), CHECK (qty > 0))');
    await state.engine.execute('INSERT INTO parent (id) VALUES (1)');
    await state.engine.execute("INSERT INTO child (id, parent_id, code, qty) VALUES (1, 1, 'a', 2)");
    state.project = createProject(label);
    assert.equal((await state.project.run(['init', '--url', url])).code, 0);
  });
  after(async () => {
    await state.engine.dispose();
    state.project.remove();
  });
  return state;
}

forSqlite('unnamed constraints of a SQLite database', (ctx) => {
  const db = legacyDatabase(ctx, 'unnamed');

  it('autogenerate drops them by what they are; upgrade and downgrade run and keep the rows', async () => {
    const { engine, project } = db;
    const before = (await inspect(engine, { include: ['child'] })).tables[0]!;
    project.writeModels(MODELS);
    const r = await project.run(['autogenerate', '-m', 'name the constraints']);
    assert.equal(r.code, 0, r.stderr);
    const source = project.migration(writtenId(r));
    assert.match(source, /await op\.dropForeignKey\(null, 'child', \{\s+columns: \['parent_id'\],\s+referredTable: 'parent',\s+referredColumns: \['id'\],\s+\}\);/);
    assert.match(source, /await op\.dropUnique\(null, 'child', \{ columns: \['code'\] \}\);/);
    assert.match(source, /await op\.dropCheck\(null, 'child', \{ expression: 'qty > 0' \}\);/);

    const up = await project.run(['upgrade']);
    assert.equal(up.code, 0, up.stderr);
    assert.equal((await project.run(['check'])).code, 0);
    const rows = async (): Promise<unknown[]> => (await engine.execute('SELECT id, parent_id, code, qty FROM child')).rows;
    assert.deepEqual(await rows(), [{ id: 1, parent_id: 1, code: 'a', qty: 2 }]);

    const down = await project.run(['downgrade', 'base']);
    assert.equal(down.code, 0, down.stderr);
    const back = (await inspect(engine, { include: ['child'] })).tables[0]!;
    assert.deepEqual([back.foreignKeys, back.uniques, back.checks], [before.foreignKeys, before.uniques, before.checks]);
    assert.deepEqual(await rows(), [{ id: 1, parent_id: 1, code: 'a', qty: 2 }]);
  });
});

// Models whose constraints stay unnamed too (a naming convention without fk / uq / ck, or models
// built with MetaData.reflect from such a database): changing an unnamed foreign key's action, or
// an unnamed unique's columns, is a drop and an add of unnamed constraints, and the downgrade drops
// the added ones by what they are instead of refusing to reverse them.
const UNNAMED_MODELS = `import { CheckConstraint, MetaData, Table, UniqueConstraint, column } from 'retort';
export const metadata = new MetaData({ namingConvention: {} });
new Table(metadata, 'parent', { id: column.integer().primaryKey() });
new Table(metadata, 'child', {
  id: column.integer().primaryKey(),
  parent_id: column.integer().references('parent.id', { onDelete: 'cascade' }),
  code: column.text(),
  qty: column.integer(),
}, new UniqueConstraint(['code', 'qty']), new CheckConstraint('qty >= 0'));
`;

forSqlite('unnamed constraints changed by models that leave them unnamed', (ctx) => {
  const db = legacyDatabase(ctx, 'unnamed_both');

  it('autogenerate writes a downgrade that drops the added unnamed constraints by what they are', async () => {
    const { engine, project } = db;
    const before = (await inspect(engine, { include: ['child'] })).tables[0]!;
    project.writeModels(UNNAMED_MODELS);
    const r = await project.run(['autogenerate', '-m', 'cascade']);
    assert.equal(r.code, 0, r.stderr);
    const source = project.migration(writtenId(r));
    const downgrade = source.slice(source.indexOf('export async function downgrade'));
    assert.match(downgrade, /await op\.dropForeignKey\(null, 'child', \{\s+columns: \['parent_id'\],\s+referredTable: 'parent',\s+referredColumns: \['id'\],\s+\}\);/);
    assert.match(downgrade, /await op\.dropUnique\(null, 'child', \{ columns: \['code', 'qty'\] \}\);/);
    assert.match(downgrade, /await op\.dropCheck\(null, 'child', \{ expression: 'qty >= 0' \}\);/);

    assert.equal((await project.run(['upgrade'])).code, 0);
    assert.equal((await project.run(['check'])).code, 0);
    const fk = (await inspect(engine, { include: ['child'] })).tables[0]!.foreignKeys[0]!;
    assert.equal(fk.onDelete, 'CASCADE');

    const down = await project.run(['downgrade', 'base']);
    assert.equal(down.code, 0, down.stderr);
    const back = (await inspect(engine, { include: ['child'] })).tables[0]!;
    assert.deepEqual([back.foreignKeys, back.uniques, back.checks], [before.foreignKeys, before.uniques, before.checks]);
    assert.deepEqual((await engine.execute('SELECT id, parent_id, code, qty FROM child')).rows, [{ id: 1, parent_id: 1, code: 'a', qty: 2 }]);
  });
});
