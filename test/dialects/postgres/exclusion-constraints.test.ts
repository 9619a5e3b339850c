// PostgreSQL exclusion constraints (`EXCLUDE USING gist (room WITH =, during WITH &&)`, the usual
// guard of a booking table) are listed by reflection as triggers are, not managed: `retort reflect`
// shows them under their table, `retort diff` between two databases warns about the ones only one
// side has, naming the statement that adds each (a rebuilt database used to lose them silently).
// Against models, the database's are left alone.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { compare, createEngine, MetaData, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { retort } from '../../helpers/cli.js';
import { describePostgres } from './helpers.js';

const BOOKING = `CREATE EXTENSION IF NOT EXISTS btree_gist;
  CREATE TABLE booking (id integer PRIMARY KEY, room integer NOT NULL, during tstzrange NOT NULL,
    CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (room > 0));`;

describePostgres('exclusion constraints', (ctx) => {
  let url: string;
  let engine: Engine;
  before(async () => {
    url = await ctx.freshUrl('pg_exclude');
    engine = createEngine(url);
    await engine.execute(BOOKING);
  });
  after(() => engine.dispose());

  it('reflection lists them with the statement that adds them; retort reflect shows them', async () => {
    const booking = (await inspect(engine)).tables.find((t) => t.name === 'booking')!;
    assert.deepEqual(booking.exclusions, [{
      name: 'no_overlap',
      sql: 'ALTER TABLE "booking" ADD CONSTRAINT "no_overlap" EXCLUDE USING gist (room WITH =, during WITH &&) WHERE ((room > 0))',
    }]);
    assert.deepEqual(booking.indexes, [], 'the index behind the constraint is not an index of its own');
    const tree = await retort(['reflect', '--url', url]);
    assert.match(tree.stdout, /^  EXCLUDE no_overlap USING gist \(room WITH =, during WITH &&\) WHERE \(\(room > 0\)\)$/m);
    const doc = JSON.parse((await retort(['reflect', '--url', url, '--json'])).stdout) as { tables: { exclusions: { name: string }[] }[] };
    assert.deepEqual(doc.tables.map((t) => t.exclusions.map((x) => x.name)), [['no_overlap']]);
  });

  it('retort diff warns about one only the target has; the statement it names makes the databases the same', async () => {
    const emptyUrl = await ctx.freshUrl('pg_exclude_empty');
    const empty = createEngine(emptyUrl);
    try {
      await empty.execute('CREATE EXTENSION IF NOT EXISTS btree_gist');
      const r = await retort(['diff', '--from', emptyUrl, '--to', url, '--sql']);
      assert.equal(r.code, 1, r.stderr);
      const warning = /^warning: exclusion constraint no_overlap on booking: only the target has it; retort does not manage exclusion constraints: create it with op\.execute \((ALTER TABLE .*)\)$/m.exec(r.stderr);
      assert.ok(warning, r.stderr);
      for (const s of r.stdout.split(/;\n/).map((x) => x.trim().replace(/;$/, '')).filter((x) => x && !/^(BEGIN|COMMIT)$/i.test(x))) await empty.execute(s);
      assert.equal((await retort(['diff', '--from', emptyUrl, '--to', url])).code, 1, 'the script alone leaves the constraint out');
      await empty.execute(warning[1]!);
      const again = await retort(['diff', '--from', emptyUrl, '--to', url]);
      assert.equal(again.code, 0, again.stdout + again.stderr);
      assert.equal(again.stderr, '');
    } finally {
      await empty.dispose();
    }
  });

  it('against models, the database\'s exclusion constraints are left alone', async () => {
    const reflected = await inspect(engine);
    const models = (await MetaData.reflect(engine)).snapshot(engine.dialect);
    assert.deepEqual(compare(models, reflected, { dialect: engine.dialect }), []);
  });
});
