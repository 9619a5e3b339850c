// INCLUDE columns and NULLS NOT DISTINCT on PostgreSQL, end to end: createAll then reflection gives
// the model's fields back, hand-written indexes are reflected, autogenerate sees no phantom diff,
// and a changed INCLUDE list is a drop + create that a generated migration carries out.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { compare } from '../../../src/autogenerate/index.js';
import { autogenerate, check, column, createEngine, Index, MetaData, Table, upgrade, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { catalogIndexes, describePostgres } from './helpers.js';

/** A `member` table with a covering unique index on `email`, INCLUDE columns as given. */
function members(include: readonly string[]): MetaData {
  const metadata = new MetaData();
  new Table(metadata, 'member', {
    id: column.integer().primaryKey(),
    email: column.string(100),
    displayName: column.string(50),
    joined: column.date(),
  },
  new Index('ix_member_email', ['email'], { unique: true, include, nullsNotDistinct: true }),
  new Index('ix_member_joined', ['joined'], { include: ['id'], where: 'joined IS NOT NULL' }));
  return metadata;
}

describePostgres('covering indexes and NULLS NOT DISTINCT', (ctx) => {
  let engine: Engine;
  let hand: Engine;
  let dir: string;
  const options = () => ({ engine, cwd: dir, migrations: join(dir, 'migrations') });

  before(async () => {
    engine = createEngine(await ctx.freshUrl('pg_covering'));
    hand = createEngine(await ctx.freshUrl('pg_covering_hand'));
    dir = mkdtempSync(join(tmpdir(), 'retort-covering-'));
  });
  after(async () => {
    await engine.dispose();
    await hand.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('createAll, then reflection gives the same index fields; nothing to compare', async () => {
    const metadata = members(['displayName']);
    await metadata.createAll(hand);
    const declared = metadata.snapshot(hand.dialect).tables[0]?.indexes;
    const reflected = (await inspect(hand)).tables.find((t) => t.name === 'member')?.indexes;
    assert.deepEqual(reflected?.map(({ name, include, nullsNotDistinct }) => ({ name, include, nullsNotDistinct })), [
      { name: 'ix_member_email', include: ['display_name'], nullsNotDistinct: true },
      { name: 'ix_member_joined', include: ['id'], nullsNotDistinct: undefined },
    ]);
    assert.deepEqual(reflected?.map((ix) => Object.keys(ix).sort()), declared?.map((ix) => Object.keys(ix).sort()));
    assert.deepEqual(compare(metadata.snapshot(hand.dialect), await inspect(hand), { dialect: hand.dialect }), []);
    await hand.execute('DROP TABLE member');
  });

  it('reflects hand-written INCLUDE and NULLS NOT DISTINCT indexes; plain indexes get neither field', async () => {
    await hand.execute(`CREATE TABLE hand (id integer PRIMARY KEY, a integer, b text, c text);
      CREATE UNIQUE INDEX hand_a_key ON hand (a) INCLUDE (c, b) NULLS NOT DISTINCT;
      CREATE INDEX hand_lower_b ON hand (lower(b) DESC) INCLUDE (a) WHERE a > 0;
      CREATE INDEX hand_c ON hand (c);`);
    const indexes = (await inspect(hand)).tables.find((t) => t.name === 'hand')?.indexes;
    assert.deepEqual(indexes, [
      { name: 'hand_a_key', columns: ['a'], expressions: null, unique: true, where: null, method: null, include: ['c', 'b'], nullsNotDistinct: true },
      { name: 'hand_c', columns: ['c'], expressions: null, unique: false, where: null, method: null },
      { name: 'hand_lower_b', columns: [], expressions: ['lower(b) DESC'], unique: false, where: '(a > 0)', method: null, include: ['a'] },
    ]);
  });

  it('autogenerate: no phantom diff; a changed INCLUDE list is drop + create, and the migration runs', async () => {
    const v1 = members(['displayName']);
    await autogenerate({ ...options(), metadata: v1, message: 'members' });
    await upgrade(options());
    const same = await check({ ...options(), metadata: v1 });
    assert.deepEqual([same.matches, same.operations.length], [true, 0]);

    const v2 = members(['displayName', 'joined']);
    const result = await autogenerate({ ...options(), metadata: v2, message: 'more included' });
    assert.deepEqual(result.operations.map((o) => o.kind), ['dropIndex', 'createIndex']);
    assert.match(result.written?.source ?? '', /include: \['display_name', 'joined'\],\n\s+nullsNotDistinct: true,/);
    await upgrade(options());
    assert.ok((await catalogIndexes(engine)).includes(
      'CREATE UNIQUE INDEX ix_member_email ON public.member USING btree (email) INCLUDE (display_name, joined) NULLS NOT DISTINCT'));
    const after2 = await check({ ...options(), metadata: v2 });
    assert.deepEqual([after2.matches, after2.operations.length], [true, 0]);
  });
});
