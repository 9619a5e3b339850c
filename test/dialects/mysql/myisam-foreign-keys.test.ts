// MyISAM tables keep no foreign keys: MySQL and MariaDB accept the clause and drop it. Models that
// declare a key on such a table got an addForeignKey that ran without error and changed nothing,
// so `retort check` never matched and every autogenerate wrote it again. Through the CLI: the key
// is a warning naming the engine, check matches; once the table is InnoDB, the key is added.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import { forEachDialect } from '../../helpers/databases.js';
import { createProject, writtenId, type Project } from '../../cli/project.js';

const MODELS = (engine: string): string => `import { MetaData, Table, Index, column } from 'retort';
export const metadata = new MetaData();
new Table(metadata, 'order', { id: column.integer().primaryKey() }, { engine: 'MyISAM' });
new Table(metadata, 'line', {
  id: column.integer().primaryKey().autoincrement(false),
  order_id: column.integer().references('order.id'),
}, new Index('order_id', ['order_id'])${engine});
`;

forEachDialect('foreign keys of MyISAM tables', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let engine: Engine;
  let project: Project;

  before(async () => {
    const url = await ctx.freshUrl('myisamfk');
    engine = createEngine(url);
    await engine.execute('CREATE TABLE `order` (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY) ENGINE=MyISAM');
    await engine.execute('CREATE TABLE line (id INT NOT NULL PRIMARY KEY, order_id INT, KEY order_id (order_id)) ENGINE=MyISAM');
    await engine.execute('INSERT INTO `order` VALUES (1)');
    await engine.execute('INSERT INTO line VALUES (1, 1)');
    project = createProject('myisamfk');
    await project.run(['init', '--url', url]);
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });

  it('a key on a MyISAM table is a warning, not a migration; check matches', async () => {
    project.writeModels(MODELS(", { engine: 'MyISAM' }"));
    const warning = 'warning: line: foreign key fk_line_order_id_order -> order (id): the table\'s engine MyISAM ignores foreign keys, '
      + 'so it is not added; ALTER TABLE ... ENGINE=InnoDB first to have it\n';
    const r = await project.run(['revision', '--autogenerate', '-m', 'fk']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^no changes detected/m);
    assert.equal(r.stderr, warning);
    const check = await project.run(['check']);
    assert.equal(check.code, 0, check.stdout + check.stderr);
  });

  it('once both tables are InnoDB, the key is added and kept', async () => {
    await engine.execute('ALTER TABLE `order` ENGINE=InnoDB');
    await engine.execute('ALTER TABLE line ENGINE=InnoDB');
    project.writeModels(MODELS('').replace(", { engine: 'MyISAM' }", ''));
    const r = await project.run(['revision', '--autogenerate', '-m', 'fk']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(project.migration(writtenId(r)), /op\.createForeignKey\('fk_line_order_id_order', 'line', \['order_id'\], 'order', \['id'\]\)/);
    assert.equal((await project.run(['upgrade', 'head'])).code, 0);
    const check = await project.run(['check']);
    assert.equal(check.code, 0, check.stdout + check.stderr);
  });
});
