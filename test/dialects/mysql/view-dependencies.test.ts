// MySQL keeps a view as its text: dropping or renaming a column or table the view reads succeeds
// and leaves the view broken (every read of it fails). Reflection reads what each view reads from
// its stored definition, and autogenerate / diff warn when a change drops or renames it, so the
// migration says what to add. retort does not manage views: the migration is written as it was,
// with the warning at the top of its upgrade.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { viewUses } from '../../../src/dialects/mysql/view-definition.js';
import { retort } from '../../helpers/cli.js';
import { forEachDialect } from '../../helpers/databases.js';
import { createProject, writtenId, type Project } from '../../cli/project.js';

const MODELS = `import { MetaData, Model, column } from 'retort';

export const metadata = new MetaData();
const Base = Model.base(metadata);

export class Film extends Base.table({
  id: column.integer().primaryKey(),
  name: column.string(100).notNull(),
  year: column.integer(),
  rating: column.integer(),
}) {}
`;

it('viewUses reads qualified columns, aliases (with and without AS) and whole tables, and skips literals and other databases', () => {
  const definition = "select `f`.`id` AS `id`,`shop`.`film`.`title` AS `t`,'`shop`.`film`.`year`' AS `s`,`c`.`n` AS `n`,`o`.`x` AS `x` "
    + 'from ((`shop`.`film` `f` join `shop`.`crew` AS `c`) join `other`.`film` `o`) join `shop`.`tag`';
  assert.deepEqual(viewUses(definition, 'shop').map((u) => `${u.table}.${u.column ?? '*'}`), ['crew.n', 'film.id', 'film.title', 'tag.*']);
});

forEachDialect('views that read a dropped or renamed column', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let url: string;
  let engine: Engine;
  let project: Project;
  before(async () => {
    url = await ctx.freshUrl('my_viewdeps');
    engine = createEngine(url);
    for (const statement of [
      'CREATE TABLE film (id INT PRIMARY KEY, title VARCHAR(100) NOT NULL, year INT, length INT, rating INT)',
      'CREATE VIEW film_list AS SELECT f.id, f.title, f.length FROM film f',
      'CREATE VIEW film_count AS SELECT count(*) AS n FROM film',
      "CREATE VIEW rated AS SELECT film.id AS id, 'film.length' AS label FROM film WHERE film.rating > 3",
    ]) await engine.execute(statement);
    project = createProject('my-viewdeps');
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });

  it('reflection records the tables and columns each view reads', async () => {
    const snap = await inspect(engine);
    const uses = (name: string) => snap.views.find((v) => v.name === name)?.uses?.map((u) => `${u.schema ?? ''}.${u.table}.${u.column ?? '*'}`);
    assert.deepEqual(uses('film_list'), ['.film.id', '.film.length', '.film.title']);
    assert.deepEqual(uses('film_count'), ['.film.*']);
    assert.deepEqual(uses('rated'), ['.film.id', '.film.rating']);
  });

  it('revision --autogenerate warns, on stderr and in the migration, about a drop and a rename that break a view; upgrade breaks it', async () => {
    assert.equal((await project.run(['init', '--url', url])).code, 0);
    project.writeModels(MODELS);
    const r = await project.run(['revision', '--autogenerate', '-m', 'name', '--rename', 'film.title:name']);
    assert.equal(r.code, 0, r.stderr);
    const dropWarning = 'column film.length is read by view film_list: MySQL drops it and leaves the view broken (an error on every read); change or drop the view with it (op.execute)';
    const renameWarning = 'column film.title is read by view film_list: MySQL renames it and leaves the view broken (an error on every read); create the view again after the rename (op.execute)';
    assert.ok(r.stderr.includes(`warning: film: ${dropWarning}\n`), r.stderr);
    assert.ok(r.stderr.includes(`warning: film: ${renameWarning}\n`), r.stderr);
    assert.doesNotMatch(r.stderr, /rated|film_count|film\.year/);
    const migration = project.migration(writtenId(r));
    assert.ok(migration.includes(dropWarning), migration);
    assert.ok(migration.includes(renameWarning), migration);

    const up = await project.run(['upgrade', 'head']);
    assert.equal(up.code, 0, up.stderr);
    await assert.rejects(engine.execute('SELECT * FROM film_list'), /invalid|film_list/i);
    assert.deepEqual((await engine.execute('SELECT count(*) AS n FROM rated')).rows, [{ n: 0 }]);
  });

  it('retort diff warns when tables views read would be dropped', async () => {
    const r = await retort(['diff', '--from', url, '--to', await ctx.freshUrl('my_viewdeps_empty')]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^warning: film: table film is read by views film_count, film_list, rated: MySQL drops it and leaves the views broken \(an error on every read\); change or drop the views with it \(op\.execute\)$/m);
  });
});
