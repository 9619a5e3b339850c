// Reflect the hand-written shop schema, build its DDL back from the snapshot with the SQLite DDL
// compiler (tables in foreign-key order, then indexes; the view from its reflected SELECT, the
// triggers from their reflected text), run it
// on a second database, reflect that: the two snapshots are identical, and compare() finds nothing.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { compare } from '../../../src/autogenerate/index.js';
import { createEngine, type Engine } from '../../../src/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { sortTables } from '../../../src/schema/index.js';
import type { SchemaSnapshot } from '../../../src/schema/snapshot.js';
import { forSqlite, SHOP_SQL } from './helpers.js';

forSqlite('reflect, recreate from the snapshot, reflect again', (ctx) => {
  let source: Engine;
  let copy: Engine;
  let first: SchemaSnapshot;
  let second: SchemaSnapshot;
  const statements: string[] = [];

  before(async () => {
    source = createEngine(await ctx.freshUrl('shop_source'));
    copy = createEngine(await ctx.freshUrl('shop_copy'));
    await source.execute(SHOP_SQL);
    first = await inspect(source);
    const ddl = copy.dialect.ddl;
    const { order, cycleForeignKeys } = sortTables(first);
    assert.deepEqual(cycleForeignKeys, []);
    for (const table of order) statements.push(...ddl.createTable(table));
    for (const table of order) for (const index of table.indexes) statements.push(...ddl.createIndex(table, index));
    for (const view of first.views) statements.push(`CREATE VIEW ${copy.dialect.quoteIdentifier(view.name)} AS ${view.definition ?? ''}`);
    for (const table of order) for (const trigger of table.triggers ?? []) statements.push(trigger.sql);
    await copy.transaction(async (tx) => {
      for (const s of statements) await tx.execute(s);
    });
    second = await inspect(copy);
  });
  after(async () => {
    await source.dispose();
    await copy.dispose();
  });

  it('gives back the identical snapshot', () => {
    assert.equal(second.tables.length, 32);
    assert.deepEqual(second, first);
  });

  it('compares as no change in either direction', () => {
    assert.deepEqual(compare(first, second, { dialect: copy.dialect }), []);
    assert.deepEqual(compare(second, first, { dialect: copy.dialect }), []);
  });

  it('wrote expression defaults in parentheses and kept literals bare', () => {
    const customer = statements.find((s) => s.startsWith('CREATE TABLE "customer"'))!;
    assert.match(customer, /"public_id" TEXT DEFAULT \(lower\(hex\(randomblob\(16\)\)\)\) NOT NULL/);
    assert.match(customer, /"is_active" BOOLEAN DEFAULT TRUE NOT NULL/);
    assert.match(customer, /"created_at" DATETIME DEFAULT current_timestamp NOT NULL/);
  });
});
