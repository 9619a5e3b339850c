// INVISIBLE columns (MariaDB 10.3+, MySQL 8.0.23+): `SELECT *` and an INSERT without a column
// list leave them out, so an application may rely on it. Through the CLI on a real database with
// rows: reflect shows them; a migration that changes another attribute of one (MODIFY restates
// the whole column) keeps it invisible, and its downgrade too; models from MetaData.reflect create
// them invisible in another database; `.invisible()` in a model is compared and written; a model
// that says nothing leaves the database's invisibility alone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { column, createEngine, MetaData, Table, type Engine } from '../../../src/index.js';
import { compare } from '../../../src/autogenerate/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { forEachDialect } from '../../helpers/databases.js';
import { createProject, writtenId, type Project } from '../../cli/project.js';
import { catalogRows } from './catalog.js';

const MODELS = (secret: string): string => `import { MetaData, Table, column } from 'retort';
export const metadata = new MetaData();
new Table(metadata, 'account', {
  id: column.integer().primaryKey().autoincrement(false),
  email: column.string(100).notNull(),
  secret: ${secret},
});
`;

forEachDialect('INVISIBLE columns', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let url: string;
  let engine: Engine;
  let project: Project;
  const showCreate = async (e: Engine = engine): Promise<string> => String((await catalogRows(e, 'SHOW CREATE TABLE account'))[0]!['Create Table']);

  before(async () => {
    url = await ctx.freshUrl('invisible');
    engine = createEngine(url);
    await engine.execute('CREATE TABLE account (id INT NOT NULL PRIMARY KEY, email VARCHAR(100) NOT NULL, secret VARCHAR(30) INVISIBLE)');
    await engine.execute("INSERT INTO account (id, email, secret) VALUES (1, 'a@x', 's1')");
    project = createProject('invisible');
    await project.run(['init', '--url', url]);
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });

  it('reflect shows the column as invisible', async () => {
    const r = await project.run(['reflect']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ {2}secret +VARCHAR\(30\) +INVISIBLE$/m);
  });

  it('a model that says nothing: check matches; widening the column keeps it invisible, up and down', async () => {
    project.writeModels(MODELS('column.string(30)'));
    const check = await project.run(['check']);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    project.writeModels(MODELS('column.string(60)'));
    const r = await project.run(['revision', '--autogenerate', '-m', 'wider secret']);
    assert.equal(r.code, 0, r.stderr);
    const up = await project.run(['upgrade', 'head']);
    assert.equal(up.code, 0, up.stderr);
    assert.match(await showCreate(), /`secret` varchar\(60\) INVISIBLE DEFAULT NULL/);
    assert.equal((await project.run(['check'])).code, 0);
    const down = await project.run(['downgrade', 'base']);
    assert.equal(down.code, 0, down.stderr);
    assert.match(await showCreate(), /`secret` varchar\(30\) INVISIBLE DEFAULT NULL/);
    assert.deepEqual((await catalogRows(engine, 'SELECT * FROM account')).map((row) => Object.keys(row)), [['id', 'email']]);
  });

  it('.invisible() in a model is compared: making it visible is a migration, and its downgrade hides it again', async () => {
    assert.equal((await project.run(['upgrade', 'head'])).code, 0);
    project.writeModels(MODELS('column.string(60).invisible()'));
    const same = await project.run(['check']);
    assert.equal(same.code, 0, same.stdout + same.stderr);
    project.writeModels(MODELS('column.string(60).invisible(false)'));
    const r = await project.run(['revision', '--autogenerate', '-m', 'show secret']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /~ column account\.secret: invisible -> visible/);
    const text = project.migration(writtenId(r));
    assert.match(text, /await op\.alterColumn\('account', 'secret', \{ invisible: false \}\);/);
    assert.match(text, /await op\.alterColumn\('account', 'secret', \{ invisible: true \}\);/);
    assert.equal((await project.run(['upgrade', 'head'])).code, 0);
    assert.match(await showCreate(), /`secret` varchar\(60\) DEFAULT NULL/);
    assert.equal((await project.run(['check'])).code, 0);
    assert.equal((await project.run(['downgrade', '-1'])).code, 0);
    assert.match(await showCreate(), /`secret` varchar\(60\) INVISIBLE DEFAULT NULL/);
  });

  it('models from MetaData.reflect create the column invisible in another database', async () => {
    const models = await MetaData.reflect(engine);
    const other = createEngine(await ctx.freshUrl('invisible_copy'));
    try {
      await models.createAll(other);
      assert.match(await showCreate(other), /`secret` varchar\(60\) INVISIBLE DEFAULT NULL/);
      assert.deepEqual(compare(await inspect(engine), await inspect(other), { dialect: other.dialect, targetIsDatabase: true }), []);
    } finally {
      await other.dispose();
    }
  });
});

describe('.invisible() outside MySQL', () => {
  it('is refused by name on PostgreSQL and SQLite', () => {
    const metadata = new MetaData();
    new Table(metadata, 'account', { id: column.integer().primaryKey(), secret: column.string(30).invisible() });
    for (const dialect of ['postgresql', 'sqlite']) {
      assert.throws(() => metadata.snapshot(dialect), { message: `table "account", column "secret": invisible() (INVISIBLE) exists on mysql only, not on ${dialect}` });
    }
    assert.equal(metadata.snapshot('mysql').tables[0]!.columns[1]!.invisible, true);
  });
});
