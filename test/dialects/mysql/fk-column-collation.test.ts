// A new collation for a column on both sides of a foreign key (currency codes made case-sensitive:
// utf8mb4_bin). MySQL refuses to change a column a foreign key uses (error 1832/1833) as it does
// for a new type; the migration changed the columns with the key in place and failed at upgrade.
// Now the key is dropped before and added back after, as for a type change. Through the CLI on
// tables with rows: the file, upgrade, check, downgrade.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import { forEachDialect } from '../../helpers/databases.js';
import { createProject, writtenId, type Project } from '../../cli/project.js';
import { catalogRows } from './catalog.js';

forEachDialect('a new collation for columns of a foreign key', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let engine: Engine;
  let project: Project;
  const showCreate = async (): Promise<string> => String((await catalogRows(engine, 'SHOW CREATE TABLE price'))[0]!['Create Table']);

  before(async () => {
    const url = await ctx.freshUrl('fkcoll');
    engine = createEngine(url);
    await engine.execute('CREATE TABLE cur (code VARCHAR(3) NOT NULL PRIMARY KEY)');
    await engine.execute('CREATE TABLE price (id INT NOT NULL PRIMARY KEY, code VARCHAR(3) NOT NULL, CONSTRAINT fk_price_cur FOREIGN KEY (code) REFERENCES cur (code))');
    await engine.execute("INSERT INTO cur VALUES ('EUR'), ('usd')");
    await engine.execute("INSERT INTO price VALUES (1, 'EUR'), (2, 'usd')");
    project = createProject('fkcoll');
    await project.run(['init', '--url', url]);
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });

  it('drops the key before, adds it back after; upgrade, check and downgrade run', async () => {
    const before = await showCreate();
    project.writeModels(`import { MetaData, Table, column } from 'retort';
export const metadata = new MetaData();
new Table(metadata, 'cur', { code: column.string(3).primaryKey().collate('utf8mb4_bin') });
new Table(metadata, 'price', {
  id: column.integer().primaryKey().autoincrement(false),
  code: column.string(3).notNull().collate('utf8mb4_bin').references('cur.code', { name: 'fk_price_cur' }),
});
`);
    const r = await project.run(['revision', '--autogenerate', '-m', 'binary codes']);
    assert.equal(r.code, 0, r.stderr);
    const file = project.migration(writtenId(r));
    const upgrade = file.slice(file.indexOf('upgrade('), file.indexOf('downgrade('));
    assert.ok(upgrade.indexOf('dropForeignKey') < upgrade.indexOf("alterColumn('cur'"), upgrade);
    assert.ok(upgrade.indexOf("alterColumn('price'") < upgrade.indexOf('createForeignKey'), upgrade);
    const up = await project.run(['upgrade', 'head']);
    assert.equal(up.code, 0, up.stderr);
    assert.match(await showCreate(), /`code` varchar\(3\) (CHARACTER SET utf8mb4 )?COLLATE utf8mb4_bin NOT NULL/);
    const check = await project.run(['check']);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    const down = await project.run(['downgrade', 'base']);
    assert.equal(down.code, 0, down.stderr);
    assert.equal(await showCreate(), before);
  });
});
