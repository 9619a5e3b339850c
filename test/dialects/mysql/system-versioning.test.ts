// MariaDB system-versioned tables (`WITH SYSTEM VERSIONING`, 10.3+): the server keeps every old
// version of a row (hidden row_start / row_end columns) and refuses an ALTER TABLE that changes
// the columns unless the session sets system_versioning_alter_history = KEEP. Through the CLI on a
// real database with history rows: reflect shows the option; models from MetaData.reflect create
// the table versioned elsewhere; `retort diff` names a versioning only one side has; autogenerate
// warns, in the file too, when a migration changes a versioned table's columns, naming the SET to
// run first, and following it the upgrade and the downgrade run.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { createEngine, MetaData, type Engine } from '../../../src/index.js';
import { forEachDialect } from '../../helpers/databases.js';
import { createProject, writtenId, type Project } from '../../cli/project.js';
import { catalogRows, isMariadb } from './catalog.js';

const MODELS = (extra: string): string => `import { MetaData, Table, column } from 'retort';
export const metadata = new MetaData();
new Table(metadata, 'price', {
  id: column.integer().primaryKey().autoincrement(false),
  amount: column.numeric(8, 2).notNull(),${extra}
});
`;

forEachDialect('MariaDB system-versioned tables', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let url: string;
  let engine: Engine;
  let project: Project;
  let mariadb = true;
  const history = async (): Promise<number> => Number((await catalogRows(engine, 'SELECT COUNT(*) AS n FROM price FOR SYSTEM_TIME ALL'))[0]!.n);

  before(async () => {
    url = await ctx.freshUrl('sysver');
    engine = createEngine(url);
    mariadb = await isMariadb(engine);
    project = createProject('sysver');
    if (!mariadb) return;
    await engine.execute('CREATE TABLE price (id INT NOT NULL PRIMARY KEY, amount DECIMAL(8,2) NOT NULL) WITH SYSTEM VERSIONING');
    await engine.execute('INSERT INTO price VALUES (1, 9.99)');
    await engine.execute('UPDATE price SET amount = 10.99 WHERE id = 1');
    await project.run(['init', '--url', url]);
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });

  it('reflect shows the option; models from MetaData.reflect create the table versioned; diff names the difference', async (t) => {
    if (!mariadb) return t.skip('MariaDB only');
    const r = await project.run(['reflect']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^table price \(WITH SYSTEM VERSIONING\)$/m);
    const otherUrl = await ctx.freshUrl('sysver_copy');
    const other = createEngine(otherUrl);
    try {
      await (await MetaData.reflect(engine)).createAll(other);
      assert.match(String((await catalogRows(other, 'SHOW CREATE TABLE price'))[0]!['Create Table']), /WITH SYSTEM VERSIONING$/);
      const same = await project.run(['diff', '--from', otherUrl, '--to', url]);
      assert.deepEqual([same.code, same.stdout.trim(), same.stderr], [0, 'no differences', '']);
      await other.execute('ALTER TABLE price DROP SYSTEM VERSIONING');
      const d = await project.run(['diff', '--from', otherUrl, '--to', url]);
      assert.match(d.stderr, /^warning: price: table option WITH SYSTEM VERSIONING: the target has it, the database does not; .*ADD SYSTEM VERSIONING/m);
    } finally {
      await other.dispose();
    }
  });

  it('a model without the option leaves it alone: check matches', async (t) => {
    if (!mariadb) return t.skip('MariaDB only');
    project.writeModels(MODELS(''));
    const check = await project.run(['check']);
    assert.equal(check.code, 0, check.stdout + check.stderr);
  });

  it('adding a column: a warning names the SET to run first; following it, upgrade and downgrade keep the history', async (t) => {
    if (!mariadb) return t.skip('MariaDB only');
    project.writeModels(MODELS("\n  currency: column.char(3).notNull().serverDefault('EUR'),"));
    const r = await project.run(['revision', '--autogenerate', '-m', 'currency']);
    assert.equal(r.code, 0, r.stderr);
    const warning = "price: system-versioned table: MariaDB refuses to change its columns unless the session allows it: "
      + "run op.execute(\"SET @@system_versioning_alter_history = 'KEEP'\") first (in upgrade and downgrade; the history rows change along)";
    assert.ok(r.stderr.includes(`warning: ${warning}`), r.stderr);
    const file = project.migration(writtenId(r));
    assert.ok(file.includes(warning), file);
    // as generated, the upgrade stops at the server's refusal, with nothing run
    const refused = await project.run(['upgrade', 'head']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /system_versioning_alter_history to proceed with ALTER\. \[errno 4119\]/);
    // the user follows the warning
    const name = readdirSync(join(project.dir, 'migrations')).find((n) => n.includes(writtenId(r)))!;
    const path = join(project.dir, 'migrations', name);
    const set = "  await op.execute(\"SET @@system_versioning_alter_history = 'KEEP'\");\n";
    writeFileSync(path, readFileSync(path, 'utf8').replace(/(export async function (?:upgrade|downgrade)\(op: Operations\): Promise<void> \{\n)/g, `$1${set}`));
    const up = await project.run(['upgrade', 'head']);
    assert.equal(up.code, 0, up.stderr);
    assert.equal((await project.run(['check'])).code, 0);
    assert.equal(await history(), 2);
    const down = await project.run(['downgrade', 'base']);
    assert.equal(down.code, 0, down.stderr);
    assert.deepEqual((await catalogRows(engine, 'SELECT * FROM price')).map((row) => Object.keys(row)), [['id', 'amount']]);
    assert.equal(await history(), 2);
  });

  it('named period columns (GENERATED ALWAYS AS ROW START / ROW END): models from MetaData.reflect create the table again', async (t) => {
    if (!mariadb) return t.skip('MariaDB only');
    const sourceUrl = await ctx.freshUrl('sysver_period');
    const source = createEngine(sourceUrl);
    const copyUrl = await ctx.freshUrl('sysver_period_copy');
    const copy = createEngine(copyUrl);
    try {
      await source.execute('CREATE TABLE acct (id INT NOT NULL PRIMARY KEY, bal INT, valid_from TIMESTAMP(6) GENERATED ALWAYS AS ROW START INVISIBLE,'
        + ' valid_to TIMESTAMP(6) GENERATED ALWAYS AS ROW END INVISIBLE, PERIOD FOR SYSTEM_TIME (valid_from, valid_to)) WITH SYSTEM VERSIONING');
      await source.execute('INSERT INTO acct (id, bal) VALUES (1, 5)');
      await (await MetaData.reflect(source)).createAll(copy);
      const created = String((await catalogRows(copy, 'SHOW CREATE TABLE acct'))[0]!['Create Table']);
      assert.match(created, /`valid_from` timestamp\(6\) GENERATED ALWAYS AS ROW START INVISIBLE/);
      assert.match(created, /PERIOD FOR SYSTEM_TIME \(`valid_from`, `valid_to`\)/);
      const d = await project.run(['diff', '--from', copyUrl, '--to', sourceUrl]);
      assert.deepEqual([d.code, d.stdout.trim(), d.stderr], [0, 'no differences', '']);
    } finally {
      await source.dispose();
      await copy.dispose();
    }
  });
});
