// Reflection options and scaling on PostgreSQL: include / exclude applied in the catalog queries,
// a constant number of queries whatever the number of tables, schemas (named, unknown, objects
// of other schemas), views listed apart.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, ReflectionError, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { retort } from '../../helpers/cli.js';
import { unfrozenPaths } from '../../helpers/snapshots.js';
import { describePostgres } from './helpers.js';

function tableDdl(prefix: string, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = `${prefix}${String(i).padStart(3, '0')}`;
    const fk = i > 0 ? `, parent_id integer REFERENCES ${prefix}${String(i - 1).padStart(3, '0')} (id) ON DELETE CASCADE` : '';
    out.push(`CREATE TABLE ${name} (id serial PRIMARY KEY, label varchar(40) NOT NULL DEFAULT 'x', qty integer CHECK (qty >= 0)${fk});`
      + `CREATE INDEX ${name}_label_idx ON ${name} (lower(label));`);
  }
  return out.join('\n');
}

describePostgres('reflection options and scaling', (ctx) => {
  let engine: Engine;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('pg_reflect_more'));
    await engine.execute(`${tableDdl('s', 5)}
      CREATE VIEW s_view AS SELECT id, label FROM s000;
      CREATE MATERIALIZED VIEW s_matview AS SELECT count(*) AS n FROM s001;
      CREATE SCHEMA big;
      SET search_path TO big; ${tableDdl('b', 60)} SET search_path TO public;
      CREATE SCHEMA other;
      CREATE TYPE other.mood AS ENUM ('ok', 'sad');
      CREATE TABLE other.ref (id integer PRIMARY KEY);
      CREATE TABLE uses_other (id integer PRIMARY KEY, ref_id integer REFERENCES other.ref (id), mood other.mood, moods other.mood[]);
      CREATE TABLE parted (id integer NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
      CREATE TABLE parted_2024 PARTITION OF parted FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');`);
  });
  after(() => engine.dispose());

  async function counted<T>(fn: () => Promise<T>): Promise<{ result: T; statements: { sql: string; params: readonly unknown[] }[] }> {
    const statements: { sql: string; params: readonly unknown[] }[] = [];
    const off = engine.onQuery((e) => statements.push({ sql: e.sql, params: e.params }));
    try {
      return { result: await fn(), statements };
    } finally {
      off();
    }
  }

  it('issues the same number of queries for 5 tables as for 60', async () => {
    const small = await counted(() => inspect(engine));
    const big = await counted(() => inspect(engine, { schema: 'big' }));
    assert.equal(big.result.tables.length, 60);
    assert.ok(small.result.tables.length >= 5);
    assert.equal(small.statements.length, big.statements.length);
    assert.ok(big.statements.length <= 8, `${big.statements.length} queries`);
    const b059 = big.result.tables.find((t) => t.name === 'b059');
    assert.deepEqual(b059?.foreignKeys.map((f) => `${f.referredTable}(${f.referredColumns.join()}) ${f.onDelete}`), ['b058(id) CASCADE']);
    assert.deepEqual(b059?.indexes.map((i) => i.expressions), [['lower((label)::text)']]);
  });

  it('returns a snapshot frozen all the way down', async () => {
    const snap = await inspect(engine);
    assert.deepEqual(unfrozenPaths(snap), []);
    assert.ok(snap.tables.some((t) => t.columns.some((c) => c.default !== null)) && snap.tables.some((t) => t.checks.length > 0));
  });

  it('applies include and exclude in the catalog query, as parameters', async () => {
    const only = await counted(() => inspect(engine, { include: ['s001', 's003', 'missing'] }));
    assert.deepEqual(only.result.tables.map((t) => t.name), ['s001', 's003']);
    // a foreign key to a table left out still names its columns
    assert.deepEqual(only.result.tables[0]?.foreignKeys.map((f) => `${f.referredTable}(${f.referredColumns.join()})`), ['s000(id)']);
    const relations = only.statements.find((s) => /pg_class c\b/.test(s.sql) && /relkind IN/.test(s.sql));
    assert.ok(relations, 'the relations query ran');
    assert.match(relations.sql, /c\.relname = ANY\(/);
    assert.ok(relations.params.some((p) => Array.isArray(p) && p.includes('s003')), 'the names are a parameter');
    // the other queries read only the kept tables (by oid), never by name afterwards
    assert.ok(only.statements.every((s) => !s.sql.includes('s002')));

    const but = await counted(() => inspect(engine, { exclude: ['s000', 's002', 's_view'] }));
    assert.deepEqual(but.result.tables.map((t) => t.name), ['parted', 's001', 's003', 's004', 'uses_other']);
    assert.deepEqual(but.result.views.map((v) => v.name), ['s_matview']);
    assert.ok(but.statements.some((s) => /c\.relname <> ALL\(/.test(s.sql)));

    assert.deepEqual((await inspect(engine, { include: [] })).tables, []);
  });

  it('lists plain and materialized views apart from tables, and partitioned tables without their partitions', async () => {
    const snap = await inspect(engine);
    assert.deepEqual(snap.views.map((v) => v.name), ['s_matview', 's_view']);
    assert.match(snap.views[1]?.definition ?? '', /FROM s000/);
    assert.ok(!snap.tables.some((t) => t.name.startsWith('s_')));
    assert.ok(snap.tables.some((t) => t.name === 'parted'));
    assert.ok(!snap.tables.some((t) => t.name === 'parted_2024'));
    assert.deepEqual(snap.tables.find((t) => t.name === 'parted')?.primaryKey, { name: 'parted_pkey', columns: ['id', 'at'] });
  });

  it('keeps the schema of objects in other schemas: referred tables and enum types', async () => {
    const snap = await inspect(engine, { include: ['uses_other'] });
    const t = snap.tables[0];
    assert.deepEqual(t?.foreignKeys.map((f) => [f.referredSchema, f.referredTable]), [['other', 'ref']]);
    assert.deepEqual(t?.columns.map((c) => c.type), [
      { kind: 'integer' },
      { kind: 'integer' },
      { kind: 'custom', sql: '"other"."mood"' },
      { kind: 'array', of: { kind: 'custom', sql: '"other"."mood"' } },
    ]);
    assert.deepEqual(snap.enums, []);
    const other = await inspect(engine, { schema: 'other' });
    assert.equal(other.schema, 'other');
    assert.deepEqual(other.enums, [{ name: 'mood', schema: 'other', values: ['ok', 'sad'] }]);
    assert.deepEqual(other.tables.map((x) => [x.schema, x.name]), [['other', 'ref']]);
  });

  it('keeps columns in ordinal order after their catalog rows were rewritten', async () => {
    await engine.execute(`CREATE TABLE reordered (a integer, b text, c integer, d integer);
      ALTER TABLE reordered ALTER COLUMN a SET NOT NULL, ALTER COLUMN c TYPE bigint;
      ALTER TABLE reordered DROP COLUMN b;
      ALTER TABLE reordered ADD COLUMN e text`);
    const physical = (await engine.execute<{ attname: string }>(
      "SELECT attname FROM pg_attribute WHERE attrelid = 'reordered'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY ctid")).rows.map((r) => r.attname);
    assert.notDeepEqual(physical, ['a', 'c', 'd', 'e'], 'the catalog rows are out of order (else this test shows nothing)');
    // read the catalog rows in their physical order, as a large schema's sequential scan does
    const snap = await engine.withConnection(async (conn) => {
      await conn.execute('SET enable_indexscan = off; SET enable_bitmapscan = off');
      try {
        return await inspect(conn, { include: ['reordered'] });
      } finally {
        await conn.execute('RESET enable_indexscan; RESET enable_bitmapscan');
      }
    });
    assert.deepEqual(snap.tables[0]?.columns.map((c) => c.name), ['a', 'c', 'd', 'e']);
    await engine.execute('DROP TABLE reordered');
  });

  it('reads the current schema by default and says when a schema does not exist', async () => {
    const snap = await inspect(engine);
    assert.equal(snap.schema, null);
    assert.ok(snap.tables.every((t) => t.schema === null));
    await assert.rejects(inspect(engine, { schema: 'nope' }), (e: unknown) => e instanceof ReflectionError && e.message === 'schema "nope" does not exist');
    const lost = createEngine(`${await ctx.freshUrl('pg_no_schema')}?options=${encodeURIComponent('-c search_path=nowhere')}`);
    try {
      await assert.rejects(inspect(lost), ReflectionError);
    } finally {
      await lost.dispose();
    }
  });
});

describePostgres('retort reflect on a database whose tables live in other schemas', (ctx) => {
  it('says which schemas hold tables when the one it read has none; nothing when it has some', async () => {
    const url = await ctx.freshUrl('pg_other_schemas');
    const engine = createEngine(url);
    try {
      await engine.execute('CREATE SCHEMA sales; CREATE SCHEMA person; CREATE SCHEMA empty_one;'
        + ' CREATE TABLE sales.orders (id int PRIMARY KEY); CREATE TABLE sales.lines (id int PRIMARY KEY); CREATE TABLE person.person (id int PRIMARY KEY)');
    } finally {
      await engine.dispose();
    }
    const r = await retort(['reflect', '--url', url]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /: 0 tables\n/);
    assert.equal(r.stderr, 'note: the default schema has no tables; these schemas do: person (1), sales (2); pass --schema NAME to read one\n');
    const json = await retort(['reflect', '--url', url, '--json', '--schema', 'empty_one']);
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(JSON.parse(json.stdout).tables, []);
    assert.match(json.stderr, /^note: schema empty_one has no tables; these schemas do: person \(1\), sales \(2\);/);
    const sales = await retort(['reflect', '--url', url, '--schema', 'sales']);
    assert.equal(sales.stderr, '');
    assert.match(sales.stdout, /: 2 tables\n/);
  });
});
