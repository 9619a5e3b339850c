// Issue 4: `MetaData.reflect` then `createAll` into a second database of the same dialect gives an
// identical reflection, for the fixture that uses every type, constraint kind and odd identifier.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createEngine, MetaData, type Engine } from '../../src/index.js';
import { inspect } from '../../src/reflect/inspect.js';
import { buildSchemaFixture } from '../fixtures/schema-fixture.js';
import { forEachDialect } from '../helpers/databases.js';

forEachDialect('MetaData.reflect then createAll elsewhere', (ctx) => {
  let source: Engine;
  let copy: Engine;
  before(async () => {
    source = createEngine(await ctx.freshUrl('mdreflect_src'));
    copy = createEngine(await ctx.freshUrl('mdreflect_copy'));
    await buildSchemaFixture(ctx.dialect).createAll(source);
  });
  after(async () => {
    await source.dispose();
    await copy.dispose();
  });

  it('builds a database whose reflection equals the original one', async () => {
    const reflected = await MetaData.reflect(source);
    await reflected.createAll(copy);
    const [a, b] = await Promise.all([inspect(source), inspect(copy)]);
    const local = (s: typeof a) => ({ ...s, schema: null });
    assert.deepEqual(local(b), local(a));
  });
});
