// Models whose tables all live in one named schema (PostgreSQL schema, MySQL database), such as a
// project for one of AdventureWorks' schemas or models from MetaData.reflect(engine, { schema }):
// check and autogenerate read that schema, not the connection's default one. Models whose tables
// span several schemas are refused with an error naming them (compare pairs tables by name).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { MetaData, Table, autogenerate, check, column, createEngine, upgrade, type Engine } from '../../src/index.js';
import { forEachDialect } from '../helpers/databases.js';

forEachDialect('models of one named schema', (ctx) => {
  if (ctx.dialect === 'sqlite') return;
  let engine: Engine;
  let dir: string;
  let schema: string;
  const options = () => ({ engine, cwd: dir, migrations: join(dir, 'migrations') });
  const models = (extra = false): MetaData => {
    const md = new MetaData({ schema });
    new Table(md, 'country', { code: column.string(3).primaryKey(), name: column.string(50).notNull() });
    new Table(md, 'city', {
      id: column.integer().primaryKey(),
      countryCode: column.string(3).notNull().references(() => md.table('country', schema).columns.code!),
      ...(extra ? { population: column.integer() } : {}),
    });
    return md;
  };

  before(async () => {
    const url = await ctx.freshUrl('mschema');
    engine = createEngine(url);
    if (ctx.dialect === 'postgresql') {
      schema = 'geo';
      await engine.execute('CREATE SCHEMA geo');
    } else {
      // on MySQL a schema is a database: a second fresh one, on the same server
      schema = new URL(await ctx.freshUrl('mschema_geo')).pathname.slice(1);
    }
    dir = mkdtempSync(join(tmpdir(), 'retort-models-schema-'));
  });
  after(async () => {
    await engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('autogenerate creates the tables once; check then matches, and a new column is the only change', async () => {
    const first = await autogenerate({ ...options(), metadata: models(), message: 'geo' });
    assert.deepEqual(first.operations.map((o) => o.kind), ['createTable', 'createTable']);
    await upgrade({ ...options(), target: 'head' });

    const result = await check({ ...options(), metadata: models() });
    assert.equal(result.upToDate, true);
    assert.deepEqual(result.differences, []);
    assert.equal(result.matches, true);

    const next = await check({ ...options(), metadata: models(true) });
    assert.deepEqual(next.operations.map((o) => `${o.kind} ${'schema' in o ? o.schema : ''}`), [`addColumn ${schema}`]);
  });

  it('models whose tables span several schemas are refused, naming the schemas', async () => {
    const md = models();
    new Table(md, 'note', { id: column.integer().primaryKey() }, { schema: ctx.dialect === 'postgresql' ? 'public' : 'other_db' });
    await assert.rejects(check({ ...options(), metadata: md }), (e: Error) => /several schemas/.test(e.message) && e.message.includes(schema));
  });
});
