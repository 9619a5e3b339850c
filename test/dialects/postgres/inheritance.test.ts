// PostgreSQL table inheritance (CREATE TABLE capital (...) INHERITS (city)) was reflected as
// independent tables, silently: a migration dropping capital's inherited column failed at upgrade
// ('cannot drop inherited column'). retort does not manage inheritance; reflect lists it (tree and
// JSON), autogenerate warns about a change it refuses or carries to the children, and `retort diff`
// names the ALTER TABLE ... INHERIT a database lacking it needs.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import type { SchemaDocument } from '../../../src/reflect/json-document.js';
import { retort } from '../../helpers/cli.js';
import { createProject, writtenId, type Project } from '../../cli/project.js';
import { describePostgres } from './helpers.js';

const CITIES = `CREATE TABLE city (id serial PRIMARY KEY, name text NOT NULL, population integer);
  CREATE TABLE capital (state char(2) NOT NULL) INHERITS (city);`;

const models = (city: string, capital: string): string => `import { MetaData, Table, column, sql } from 'retort';
export const metadata = new MetaData({ namingConvention: {} });
new Table(metadata, 'city', { id: column.integer().primaryKey(), name: column.text().notNull(), ${city} });
new Table(metadata, 'capital', { id: column.integer().notNull().serverDefault(sql\`nextval('city_id_seq'::regclass)\`), name: column.text().notNull(), ${capital} state: column.char(2).notNull() });
`;

describePostgres('table inheritance', (ctx) => {
  let url: string;
  let engine: Engine;
  let project: Project;
  before(async () => {
    url = await ctx.freshUrl('pg_inherits');
    engine = createEngine(url);
    await engine.execute(`${CITIES}
      INSERT INTO city (name, population) VALUES ('a', 1);
      INSERT INTO capital (name, population, state) VALUES ('b', 2, 'CA');`);
    project = createProject('inherits');
    assert.equal((await project.run(['init', '--url', url])).code, 0);
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });

  it('retort reflect lists the parents and the inherited columns (tree and JSON)', async () => {
    const tree = await retort(['reflect', '--url', url]);
    assert.equal(tree.code, 0, tree.stderr);
    assert.match(tree.stdout, /^table capital \(INHERITS city\)$/m);
    assert.match(tree.stdout, /^ {2}population +INTEGER +inherited from city$/m);
    assert.match(tree.stdout, /^ {2}state +CHAR\(2\) +NOT NULL$/m);
    const json = await retort(['reflect', '--json', '--url', url]);
    const tables = (JSON.parse(json.stdout) as SchemaDocument).tables;
    assert.deepEqual(tables.find((t) => t.name === 'capital')?.inherits, [{ schema: null, table: 'city', columns: ['id', 'name', 'population'] }]);
    assert.deepEqual(tables.find((t) => t.name === 'city')?.inherits, []);
  });

  it('models that match the tables as they are: check finds nothing', async () => {
    project.writeModels(models('population: column.integer(),', 'population: column.integer(),'));
    const r = await project.run(['check']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });

  it('autogenerate warns that a drop in the child fails and that the parent\'s type change reaches the child', async () => {
    project.writeModels(models('population: column.bigInteger(),', ''));
    const r = await project.run(['revision', '--autogenerate', '-m', 'population']);
    assert.equal(r.code, 0, r.stderr);
    const drop = 'column capital.population is inherited from city: PostgreSQL cannot drop it from capital alone; drop it from city (every table inheriting it loses it) '
      + 'or detach capital first (ALTER TABLE capital NO INHERIT city) (op.execute)';
    const retype = 'column city.population is inherited by capital: PostgreSQL changes its type in capital too';
    assert.ok(r.stderr.includes(`warning: capital: ${drop}\n`), r.stderr);
    assert.ok(r.stderr.includes(`warning: city: ${retype}\n`), r.stderr);
    const migration = project.migration(writtenId(r));
    assert.ok(migration.includes(drop) && migration.includes(retype), migration);
  });

  it('retort diff names the ALTER TABLE ... INHERIT a database without the inheritance needs', async () => {
    const fromUrl = await ctx.freshUrl('pg_inherits_flat');
    const from = createEngine(fromUrl);
    try {
      await from.execute(`CREATE TABLE city (id serial PRIMARY KEY, name text NOT NULL, population integer);
        CREATE TABLE capital (id integer NOT NULL DEFAULT nextval('city_id_seq'::regclass), name text NOT NULL, population integer, state char(2) NOT NULL);`);
      const r = await retort(['diff', '--from', fromUrl, '--to', url]);
      const m = /^warning: table inheritance capital INHERITS city: only the target has it; retort does not manage table inheritances: create it with op\.execute \((.*)\)$/m.exec(r.stderr);
      assert.ok(m, r.stderr);
      await from.execute(m[1]!);
      const again = await retort(['diff', '--from', fromUrl, '--to', url]);
      assert.equal(again.code, 0, again.stdout + again.stderr);
    } finally {
      await from.dispose();
    }
  });
});
