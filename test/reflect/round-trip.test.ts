// Invariant 1 of DESIGN.md: createAll(M) then reflect then compare(M, reflected) is empty, and the
// reflected model equals the declared one field by field, for the fixture that uses every type,
// default, constraint kind and odd identifier, on every dialect.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, type Engine } from '../../src/index.js';
import { inspect } from '../../src/reflect/inspect.js';
import { compare } from '../../src/autogenerate/index.js';
import { buildSchemaFixture } from '../fixtures/schema-fixture.js';
import { forEachDialect } from '../helpers/databases.js';
import { snapshotDifferences } from '../helpers/snapshot-equivalence.js';

forEachDialect('round trip of the schema fixture', (ctx) => {
  let engine: Engine;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('roundtrip'));
    await buildSchemaFixture(ctx.dialect).createAll(engine);
  });
  after(() => engine.dispose());

  it('reflects exactly what was declared, field by field', async () => {
    const declared = buildSchemaFixture(ctx.dialect).snapshot(engine.dialect);
    const reflected = await inspect(engine);
    assert.deepEqual(snapshotDifferences(declared, reflected, engine.dialect), []);
  });

  it('compare finds no changes (no phantom diffs)', async () => {
    const declared = buildSchemaFixture(ctx.dialect).snapshot(engine.dialect);
    const reflected = await inspect(engine);
    assert.deepEqual(compare(declared, reflected, { dialect: engine.dialect }), []);
  });

  it('createAll with checkFirst on an existing schema runs nothing', async () => {
    const statements: string[] = [];
    const off = engine.onQuery((e) => statements.push(e.sql));
    await buildSchemaFixture(ctx.dialect).createAll(engine, { checkFirst: true });
    off();
    assert.ok(statements.every((s) => !/^\s*(CREATE|ALTER)\b/i.test(s)), `DDL ran: ${statements.filter((s) => /CREATE|ALTER/i.test(s)).join('; ')}`);
  });

  it('dropAll leaves the database empty', async () => {
    const other = createEngine(await ctx.freshUrl('dropall'));
    try {
      const metadata = buildSchemaFixture(ctx.dialect);
      await metadata.createAll(other);
      await metadata.dropAll(other);
      const left = await inspect(other);
      assert.deepEqual(left.tables.map((t) => t.name), []);
      assert.deepEqual(left.enums.map((e) => e.name), []);
    } finally {
      await other.dispose();
    }
  });
});
