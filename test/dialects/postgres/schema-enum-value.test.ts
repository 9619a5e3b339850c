// Models in a named schema (new MetaData({ schema: 'sales' })) whose enum type loses a value: the
// migration that drops it (an upgrade, or the downgrade of one that added it) failed with
// 'enum type "state" does not exist', since the columns using the type were looked for in the
// connection's default schema. The drop reads the type's own schema.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import { createProject, type Project } from '../../cli/project.js';
import { describePostgres } from './helpers.js';

const models = (values: string): string => `import { MetaData, Table, column } from 'retort';
export const metadata = new MetaData({ namingConvention: {}, schema: 'sales' });
new Table(metadata, 'order', { id: column.integer().primaryKey(), st: column.enum([${values}], { name: 'state' }).notNull().serverDefault('new') });
`;

describePostgres('an enum value dropped in a named schema', (ctx) => {
  let url: string;
  let engine: Engine;
  let project: Project;
  before(async () => {
    url = await ctx.freshUrl('pg_schema_enum');
    engine = createEngine(url);
    await engine.execute(`CREATE SCHEMA sales; CREATE TYPE sales.state AS ENUM ('new', 'paid', 'void');
      CREATE TABLE sales."order" (id integer PRIMARY KEY, st sales.state NOT NULL DEFAULT 'new');
      INSERT INTO sales."order" VALUES (1, 'new'), (2, 'paid');`);
    project = createProject('schema-enum');
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });

  const values = async (): Promise<string[]> =>
    (await engine.execute<{ v: string }>("SELECT e.enumlabel AS v FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'sales' AND t.typname = 'state' ORDER BY e.enumsortorder")).rows.map((r) => r.v);

  it('upgrade drops the value, check matches, downgrade brings it back, the rows kept', async () => {
    assert.equal((await project.run(['init', '--url', url])).code, 0);
    project.writeModels(models("'new', 'paid'"));
    const r = await project.run(['revision', '--autogenerate', '-m', 'no void']);
    assert.equal(r.code, 0, r.stderr);
    const up = await project.run(['upgrade']);
    assert.equal(up.code, 0, up.stderr);
    assert.deepEqual(await values(), ['new', 'paid']);
    const check = await project.run(['check']);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    const down = await project.run(['downgrade', 'base']);
    assert.equal(down.code, 0, down.stderr);
    assert.deepEqual(await values(), ['new', 'paid', 'void']);
    assert.deepEqual((await engine.execute<{ id: number; st: string }>('SELECT id, st::text AS st FROM sales."order" ORDER BY id')).rows, [{ id: 1, st: 'new' }, { id: 2, st: 'paid' }]);
  });
});
