// A serial column whose model says .identity({ always: true }): autogenerate writes the identity
// kind change, and the upgrade failed ('column "id" of relation "tag" is not an identity column'),
// since reflection cannot tell a serial from a BY DEFAULT identity. The change now makes a serial
// an identity first (its sequence found whatever its name: a renamed table keeps the old one).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import { createProject, type Project } from '../../cli/project.js';
import { describePostgres } from './helpers.js';

describePostgres('serial to GENERATED ALWAYS AS IDENTITY', (ctx) => {
  let url: string;
  let engine: Engine;
  let project: Project;
  before(async () => {
    url = await ctx.freshUrl('pg_serial_identity');
    engine = createEngine(url);
    await engine.execute(`CREATE TABLE old_tag (id serial PRIMARY KEY, label text);
      ALTER TABLE old_tag RENAME TO tag;
      INSERT INTO tag (label) VALUES ('a'), ('b');`);
    project = createProject('serial-identity');
  });
  after(async () => {
    await engine.dispose();
    project.remove();
  });

  it('upgrade makes it an identity that goes on after the rows; check matches; downgrade runs', async () => {
    assert.equal((await project.run(['init', '--url', url])).code, 0);
    project.writeModels(`import { MetaData, Table, column } from 'retort';
export const metadata = new MetaData({ namingConvention: {} });
new Table(metadata, 'tag', { id: column.integer().primaryKey().identity({ always: true }), label: column.text() });
`);
    const r = await project.run(['revision', '--autogenerate', '-m', 'identity']);
    assert.equal(r.code, 0, r.stderr);
    const up = await project.run(['upgrade']);
    assert.equal(up.code, 0, up.stderr);
    const kind = async (): Promise<string> => (await engine.execute<{ k: string }>("SELECT attidentity AS k FROM pg_attribute WHERE attrelid = 'tag'::regclass AND attname = 'id'")).rows[0]!.k;
    assert.equal(await kind(), 'a');
    assert.deepEqual((await engine.execute<{ id: number }>("INSERT INTO tag (label) VALUES ('c') RETURNING id")).rows, [{ id: 3 }]);
    // the serial's sequence (named after the table's old name) is gone
    assert.deepEqual((await engine.execute("SELECT 1 FROM pg_class WHERE relname = 'old_tag_id_seq'")).rows, []);
    const check = await project.run(['check']);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    const down = await project.run(['downgrade', 'base']);
    assert.equal(down.code, 0, down.stderr);
    // serial and a BY DEFAULT identity are alike to retort: the downgrade gives the latter
    assert.equal(await kind(), 'd');
    assert.deepEqual((await engine.execute<{ id: number }>("INSERT INTO tag (label) VALUES ('d') RETURNING id")).rows, [{ id: 4 }]);
  });
});
