// ALTER COLUMN statements of the PostgreSQL DDL compiler run on a real database with rows in the
// table: type changes across families (text -> integer, varchar -> enum, integer -> enum, enum -> text) keep the
// data and the default, identity comes and goes (the sequence starts past existing ids), and a `?`
// (JSONB operator) inside DDL reaches the server untouched.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, postgresDialect, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import type { ColumnChanges } from '../../../src/engine/dialect.js';
import type { ColumnSnapshot, TableSnapshot } from '../../../src/schema/snapshot.js';
import { describePostgres } from './helpers.js';

const ddl = postgresDialect.ddl;

describePostgres('ALTER COLUMN on a table with rows', (ctx) => {
  let engine: Engine;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('pg_alter'));
    await engine.execute(`CREATE TYPE state AS ENUM ('new', 'done');
      CREATE TABLE task (id integer NOT NULL PRIMARY KEY, points text DEFAULT '1', state varchar(10) NOT NULL DEFAULT 'new', label text,
        doc jsonb NOT NULL DEFAULT '{}');
      INSERT INTO task (id, points, state, label) VALUES (1, '3', 'new', 'a'), (2, '5', 'done', NULL)`);
  });
  after(() => engine.dispose());

  async function table(): Promise<TableSnapshot> {
    const t = (await inspect(engine, { include: ['task'] })).tables[0];
    assert.ok(t);
    return t;
  }

  async function alter(name: string, to: Partial<ColumnSnapshot>, changes: ColumnChanges): Promise<ColumnSnapshot> {
    const t = await table();
    const from = t.columns.find((c) => c.name === name);
    assert.ok(from);
    await engine.transaction(async (tx) => {
      for (const s of ddl.alterColumn(t, from, { ...from, ...to }, changes)) await tx.execute(s);
    });
    const after = (await table()).columns.find((c) => c.name === name);
    assert.ok(after);
    return after;
  }

  it('text -> integer keeps the values and the default', async () => {
    const c = await alter('points', { type: { kind: 'integer' } }, { type: true });
    assert.deepEqual(c.type, { kind: 'integer' });
    assert.equal(postgresDialect.normalizer.defaultValue(c.default, c), '1');
    assert.deepEqual((await engine.execute('SELECT points FROM task ORDER BY id')).rows, [{ points: 3 }, { points: 5 }]);
  });

  it('varchar -> enum and back keeps the values and the default', async () => {
    const asEnum = await alter('state', { type: { kind: 'enum', name: 'state', values: ['new', 'done'] } }, { type: true });
    assert.deepEqual(asEnum.type, { kind: 'enum', name: 'state', values: ['new', 'done'] });
    assert.deepEqual(asEnum.default, { kind: 'expression', sql: "'new'::state" });
    const asText = await alter('state', { type: { kind: 'text' } }, { type: true });
    assert.deepEqual(asText.type, { kind: 'text' });
    assert.equal(postgresDialect.normalizer.defaultValue(asText.default, asText), "'new'");
    assert.deepEqual((await engine.execute('SELECT state FROM task ORDER BY id')).rows, [{ state: 'new' }, { state: 'done' }]);
  });

  it('integer -> enum goes through text (there is no integer-to-enum cast), and back', async () => {
    await engine.execute(`CREATE TYPE rank AS ENUM ('1', '2', '3'); ALTER TABLE task ADD COLUMN rank integer; UPDATE task SET rank = id`);
    const asEnum = await alter('rank', { type: { kind: 'enum', name: 'rank', values: ['1', '2', '3'] } }, { type: true });
    assert.deepEqual(asEnum.type, { kind: 'enum', name: 'rank', values: ['1', '2', '3'] });
    const asInteger = await alter('rank', { type: { kind: 'integer' } }, { type: true });
    assert.deepEqual(asInteger.type, { kind: 'integer' });
    assert.deepEqual((await engine.execute('SELECT rank FROM task ORDER BY id')).rows, [{ rank: 1 }, { rank: 2 }]);
    await engine.execute('ALTER TABLE task DROP COLUMN rank; DROP TYPE rank');
  });

  it('nullability, default and comment in one go', async () => {
    const c = await alter('label', { nullable: false, default: { kind: 'literal', value: 'none' }, comment: "it's a label" }, { default: true, comment: true });
    assert.equal(c.nullable, true); // nullable was not among the changes
    assert.equal(c.comment, "it's a label");
    await engine.execute("UPDATE task SET label = 'b' WHERE label IS NULL");
    const d = await alter('label', { nullable: false, default: null }, { nullable: true, default: true });
    assert.equal(d.nullable, false);
    assert.equal(d.default, null);
  });

  it('identity on continues after the existing ids, and off again keeps the rows', async () => {
    const on = await alter('id', { autoincrement: true }, { autoincrement: true });
    assert.equal(on.autoincrement, true);
    await engine.execute("INSERT INTO task (label) VALUES ('c')");
    assert.deepEqual((await engine.execute('SELECT id FROM task ORDER BY id')).rows, [{ id: 1 }, { id: 2 }, { id: 3 }]);
    const off = await alter('id', { autoincrement: false }, { autoincrement: true });
    assert.equal(off.autoincrement, false);
    assert.equal(off.default, null);
    await assert.rejects(engine.execute("INSERT INTO task (label) VALUES ('d')"), /null value in column "id"/);
  });

  it('turns a serial column into a plain one', async () => {
    await engine.execute('CREATE TABLE legacy (id serial PRIMARY KEY, v text)');
    const t = (await inspect(engine, { include: ['legacy'] })).tables[0]!;
    const id = t.columns[0]!;
    assert.equal(id.autoincrement, true);
    for (const s of ddl.alterColumn(t, id, { ...id, autoincrement: false }, { autoincrement: true })) await engine.execute(s);
    const after = (await inspect(engine, { include: ['legacy'] })).tables[0]!.columns[0]!;
    assert.equal(after.autoincrement, false);
    assert.equal(after.default, null);
  });

  it('sends a `?` operator inside DDL to the server untouched', async () => {
    const t = await table();
    const statements = [
      ...ddl.addCheck(t, { name: 'ck_task_doc', expression: "NOT doc ? 'forbidden'" }),
      ...ddl.createIndex(t, { name: 'ix_task_tagged', columns: ['id'], expressions: null, unique: false, where: "doc ?| array['a', 'b']", method: null }),
    ];
    for (const s of statements) await engine.execute(s);
    const after = await table();
    assert.match(after.checks.find((c) => c.name === 'ck_task_doc')?.expression ?? '', /doc \? 'forbidden'/);
    assert.match(after.indexes.find((i) => i.name === 'ix_task_tagged')?.where ?? '', /doc \?\| ARRAY\['a'::text, 'b'::text\]/);
    await assert.rejects(engine.execute(`INSERT INTO task (id, label, doc) VALUES (9, 'x', '{"forbidden": 1}')`), /ck_task_doc/);
    // a statement without parameters keeps a lone ? even next to a ?? (which stands for one ?)
    assert.equal(postgresDialect.prepareSql("SELECT '{\"a\":1}'::jsonb ? 'a' AS has, '??' AS q, 1 ?? 2", 0), "SELECT '{\"a\":1}'::jsonb ? 'a' AS has, '??' AS q, 1 ? 2");
    assert.deepEqual((await engine.execute("SELECT '{\"a\":1}'::jsonb ? 'a' AS has, '??' AS q")).rows, [{ has: true, q: '??' }]);
    assert.deepEqual((await engine.execute("SELECT ?::jsonb ?? 'a' AS has", ['{"a":1}'])).rows, [{ has: true }]);
  });
});
