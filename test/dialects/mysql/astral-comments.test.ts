// Comments with quotes, backslashes, non-ASCII text and emoji on tables and columns with reserved
// names (`group`, `key`, `order`). MySQL and MariaDB keep comments in utf8mb3, so an emoji is stored
// as '?': `retort check` then reported the comment as changed forever. Now it compares as the
// server keeps it, with a warning naming the characters; the rest of the text round-trips.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import { forEachDialect } from '../../helpers/databases.js';
import { createProject, type Project } from '../../cli/project.js';
import { catalogRows } from './catalog.js';

forEachDialect('comments MySQL keeps in utf8mb3', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let engine: Engine;
  let project: Project;

  before(async () => {
    const url = await ctx.freshUrl('astral');
    engine = createEngine(url);
    await engine.execute('CREATE TABLE `group` (`key` INT NOT NULL PRIMARY KEY, `order` VARCHAR(10))');
    project = createProject('astral');
    await project.run(['init', '--url', url]);
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });

  it('upgrade writes them; check matches, with a warning naming the emoji', async () => {
    project.writeModels(`import { MetaData, Table, column } from 'retort';
export const metadata = new MetaData();
new Table(metadata, 'group', {
  key: column.integer().primaryKey().autoincrement(false),
  order: column.string(10).comment('it\\'s a \\\\path\\\\ “ü” 🍕 -- and /* not */'),
}, { comment: 'Gruppe: \\'x\\' 🙂' });
`);
    const r = await project.run(['revision', '--autogenerate', '-m', 'comments']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((await project.run(['upgrade', 'head'])).code, 0);
    const [row] = await catalogRows(engine, "SELECT COLUMN_COMMENT AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'order'");
    assert.equal(row!.c, 'it\'s a \\path\\ “ü” ? -- and /* not */');
    const check = await project.run(['check']);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    assert.equal(check.stderr, [
      "warning: group: column order: its comment holds 🍕, which MySQL / MariaDB store as '?' (comments are utf8mb3)",
      "warning: group: its comment holds 🙂, which MySQL / MariaDB store as '?' (comments are utf8mb3)",
      '',
    ].join('\n'));
  });
});
