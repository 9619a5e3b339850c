// PostgreSQL refuses to change the type of a column a view reads, or to drop it or its table
// ("cannot alter type of a column used by a view or rule"). Reflection records what each view
// reads (its rule's dependencies), and autogenerate / diff warn when a change touches it, so the
// migration says what to add before it fails at upgrade. retort does not manage views: the
// migration is written as it was, with the warning at the top of its upgrade.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { MetaData, Table, check, column, createEngine, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { retort } from '../../helpers/cli.js';
import { createProject, writtenId, type Project } from '../../cli/project.js';
import { describePostgres } from './helpers.js';

const MODELS = `import { MetaData, Model, column } from 'retort';

export const metadata = new MetaData();
const Base = Model.base(metadata);

export class Film extends Base.table({
  id: column.integer().primaryKey(),
  title: column.text().notNull(),
  year: column.integer(),
}) {}
`;

describePostgres('views that read a changed column', (ctx) => {
  let url: string;
  let engine: Engine;
  let project: Project;
  before(async () => {
    url = await ctx.freshUrl('pg_viewdeps');
    engine = createEngine(url);
    await engine.execute(`CREATE TABLE film (id integer PRIMARY KEY, title varchar(100) NOT NULL, year integer, rating integer);
      CREATE VIEW film_list AS SELECT f.id, f.title, f.rating FROM film f;
      CREATE VIEW film_count AS SELECT count(*) AS n FROM film;`);
    project = createProject('viewdeps');
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });

  it('reflection records the tables and columns each view reads', async () => {
    const snap = await inspect(engine);
    const uses = (name: string) => snap.views.find((v) => v.name === name)?.uses?.map((u) => `${u.schema ?? ''}.${u.table}.${u.column ?? '*'}`).sort();
    // the table itself (*) when the view reads none of its columns
    assert.deepEqual(uses('film_list'), ['.film.id', '.film.rating', '.film.title']);
    assert.deepEqual(uses('film_count'), ['.film.*']);
  });

  it('revision --autogenerate warns, on stderr and in the migration, about a type change and a drop a view blocks', async () => {
    assert.equal((await project.run(['init', '--url', url])).code, 0);
    project.writeModels(MODELS);
    const r = await project.run(['revision', '--autogenerate', '-m', 'title text']);
    assert.equal(r.code, 0, r.stderr);
    const typeWarning = 'column film.title is read by view film_list: PostgreSQL cannot change its type while the view exists; drop the view before this change and create it again after (op.execute)';
    const dropWarning = 'column film.rating is read by view film_list: PostgreSQL cannot drop it while the view exists; drop or change the view first (op.execute)';
    assert.ok(r.stderr.includes(`warning: film: ${typeWarning}\n`), r.stderr);
    assert.ok(r.stderr.includes(`warning: film: ${dropWarning}\n`), r.stderr);
    assert.doesNotMatch(r.stderr, /film\.year|film_count/);
    const migration = project.migration(writtenId(r));
    assert.ok(migration.includes(typeWarning), migration);
    assert.ok(migration.includes(dropWarning), migration);
  });

  it('retort diff warns when a table a view reads would be dropped', async () => {
    const r = await retort(['diff', '--from', url, '--to', await ctx.freshUrl('pg_viewdeps_empty')]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^warning: film: table film is read by views film_count, film_list: PostgreSQL cannot drop it while the view exists; drop or change the view first \(op\.execute\)$/m);
  });
});

describePostgres('views of another schema that read a changed column', (ctx) => {
  let engine: Engine;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('pg_viewdeps_other'));
    // as AdventureWorks' convenience views (schema pe) over its person tables
    await engine.execute(`CREATE TABLE film (id integer PRIMARY KEY, title varchar(100) NOT NULL, year integer, rating integer);
      CREATE SCHEMA report;
      CREATE VIEW report.film_list AS SELECT f.id, f.title, f.rating FROM film f;
      CREATE MATERIALIZED VIEW report.film_years AS SELECT DISTINCT year FROM film;`);
  });
  after(() => engine.dispose());

  it('reflection lists them as the views that read the schema\'s tables, apart from its own views', async () => {
    const snap = await inspect(engine);
    assert.deepEqual(snap.views, []);
    assert.deepEqual(snap.dependentViews?.map((v) => `${v.schema}.${v.name}: ${v.uses?.map((u) => `${u.schema ?? ''}.${u.table}.${u.column ?? '*'}`).sort().join(' ')}`), [
      'report.film_list: .film.id .film.rating .film.title',
      'report.film_years: .film.year',
    ]);
  });

  it('check warns about a type change and drops they block, naming them with their schema', async () => {
    const md = new MetaData();
    new Table(md, 'film', { id: column.integer().primaryKey(), title: column.text().notNull() });
    const dir = mkdtempSync(join(tmpdir(), 'retort-viewdeps-'));
    try {
      const result = await check({ engine, metadata: md, cwd: dir, migrations: join(dir, 'migrations') });
      assert.deepEqual(result.warnings.map((w) => w.message).sort(), [
        'column film.rating is read by view report.film_list: PostgreSQL cannot drop it while the view exists; drop or change the view first (op.execute)',
        'column film.title is read by view report.film_list: PostgreSQL cannot change its type while the view exists; drop the view before this change and create it again after (op.execute)',
        'column film.year is read by materialized view report.film_years: PostgreSQL cannot drop it while the view exists; drop or change the view first (op.execute)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
