import { test } from 'node:test';
import assert from 'node:assert/strict';
import { metadataFromSnapshot } from '../../src/schema/index.js';
import { buildSchemaFixture, type FixtureDialect } from '../fixtures/schema-fixture.js';

for (const dialect of ['postgresql', 'mysql', 'sqlite'] as FixtureDialect[]) {
  test(`a snapshot turned into a MetaData gives the same snapshot back [${dialect}]`, () => {
    const snapshot = buildSchemaFixture(dialect).snapshot(dialect);
    const again = metadataFromSnapshot(snapshot).snapshot(dialect);
    assert.deepEqual(again, snapshot);
  });
}
