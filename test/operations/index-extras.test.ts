// INCLUDE columns and NULLS NOT DISTINCT of an index: the DDL of each dialect (PostgreSQL writes
// them, MySQL and SQLite refuse them), and the snapshot after dropping or renaming an INCLUDE column.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mysqlDialect, postgresDialect, sqliteDialect } from '../../src/dialects/index.js';
import { OperationError } from '../../src/errors/index.js';
import { applyOperation } from '../../src/operations/apply.js';
import { ix } from '../helpers/snapshots.js';
import { col, snap, tbl } from './helpers.js';

const post = tbl('post', [col('id'), col('a'), col('b')]);
const covering = ix('ix_post_a', ['a'], { unique: true, include: ['b', 'id'], nullsNotDistinct: true, where: 'a > 0' });

describe('INCLUDE / NULLS NOT DISTINCT DDL', () => {
  test('postgresql: INCLUDE after the elements, then NULLS NOT DISTINCT, then WHERE', () => {
    assert.deepEqual(postgresDialect.ddl.createIndex(post, covering), [
      'CREATE UNIQUE INDEX "ix_post_a" ON "post" ("a") INCLUDE ("b", "id") NULLS NOT DISTINCT WHERE a > 0',
    ]);
    assert.deepEqual(postgresDialect.ddl.createIndex(post, ix('ix_post_a', ['a'], { include: ['b'] })), ['CREATE INDEX "ix_post_a" ON "post" ("a") INCLUDE ("b")']);
  });

  test('mysql and sqlite refuse them, naming the index', () => {
    for (const dialect of [mysqlDialect, sqliteDialect]) {
      for (const [index, option] of [[ix('ix_inc', ['a'], { include: ['b'] }), 'INCLUDE'], [ix('ix_nnd', ['a'], { unique: true, nullsNotDistinct: true }), 'NULLS NOT DISTINCT']] as const) {
        assert.throws(() => dialect.ddl.createIndex(post, index), (e: unknown) => e instanceof OperationError
          && e.message.includes(`index "${index.name}"`) && e.message.includes(option) && e.message.includes('postgresql only'), `${dialect.name} ${index.name}`);
      }
    }
  });
});

describe('INCLUDE columns in the applied snapshot', () => {
  const before = snap([{ ...post, indexes: [ix('ix_post_a', ['a'], { include: ['b'] })] }]);

  test('renaming an INCLUDE column renames it in the index', () => {
    const after = applyOperation(before, { kind: 'renameColumn', schema: null, table: 'post', from: 'b', to: 'c' });
    assert.deepEqual(after.tables[0]?.indexes[0]?.include, ['c']);
  });

  test('dropping an INCLUDE column drops the index, as PostgreSQL does', () => {
    const after = applyOperation(before, { kind: 'dropColumn', schema: null, table: 'post', name: 'b', column: col('b') });
    assert.deepEqual(after.tables[0]?.indexes, []);
  });
});
