// Reflect the shop schema, build DDL from the snapshot with the MySQL DDL compiler, run it in a
// second database, reflect again: the same snapshot (tables; views are not recreated).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../../src/index.js';
import { compare } from '../../../src/autogenerate/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { sortTables } from '../../../src/schema/index.js';
import type { SchemaSnapshot } from '../../../src/schema/snapshot.js';
import { buildSchemaFixture } from '../../fixtures/schema-fixture.js';
import { forEachDialect } from '../../helpers/databases.js';
import { loadShop } from './shop-schema.js';

/**
 * The statements that recreate a reflected snapshot: tables in foreign-key order without their
 * foreign keys, then every index, then the foreign keys. Indexes come before the foreign keys
 * because InnoDB gives a foreign key without an index one of its own, named after the constraint:
 * with the reflected indexes in place first, every foreign key finds the index it had before
 * (including InnoDB's own ones, which reflection lists as indexes, and ones named after a column).
 */
function recreateStatements(engine: Engine, snapshot: SchemaSnapshot): string[] {
  const { ddl } = engine.dialect;
  const { order } = sortTables(snapshot);
  return [
    ...order.flatMap((t) => ddl.createTable(t, { omitForeignKeys: t.foreignKeys })),
    ...order.flatMap((t) => t.indexes.flatMap((ix) => ddl.createIndex(t, ix))),
    ...order.flatMap((t) => t.foreignKeys.flatMap((fk) => ddl.addForeignKey(t, fk))),
  ];
}

async function run(engine: Engine, statements: readonly string[]): Promise<void> {
  await engine.withConnection(async (conn) => {
    for (const s of statements) await conn.execute(s);
  });
}

forEachDialect('reflect, recreate from the snapshot, reflect again', (ctx) => {
  if (ctx.dialect !== 'mysql') return;
  let source: Engine;
  let copy: Engine;
  before(async () => {
    source = createEngine(await ctx.freshUrl('recreate_src'));
    copy = createEngine(await ctx.freshUrl('recreate_copy'));
  });
  after(async () => {
    await source.dispose();
    await copy.dispose();
  });

  it('recreates the shop schema identically', async () => {
    await loadShop(source);
    const first = await inspect(source);
    await run(copy, recreateStatements(copy, first));
    const second = await inspect(copy);
    assert.deepEqual(second.tables, first.tables);
    assert.deepEqual(second.views, []);
    assert.deepEqual(compare(first, second, { dialect: copy.dialect }), []);
  });

  it('recreates the schema fixture identically', async () => {
    const a = createEngine(await ctx.freshUrl('recreate_fx_a'));
    const b = createEngine(await ctx.freshUrl('recreate_fx_b'));
    try {
      await buildSchemaFixture('mysql').createAll(a);
      const first = await inspect(a);
      await run(b, recreateStatements(b, first));
      assert.deepEqual((await inspect(b)).tables, first.tables);
    } finally {
      await a.dispose();
      await b.dispose();
    }
  });
});
