import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compare } from '../../src/autogenerate/compare.js';
import { testDialect } from '../helpers/compare-dialects.js';
import { col, fk, ix, pk, snapshot, t, table, uq } from '../helpers/snapshots.js';

const mysql = testDialect('mysql');
const pg = testDialect('postgresql');

const columns = [col('id', t.integer, { nullable: false }), col('email', t.string(255)), col('author_id', t.integer)];
const user = table('user', [col('id', t.integer, { nullable: false })], { primaryKey: pk(null, ['id']) });

describe('MySQL: a UNIQUE constraint is a unique index', () => {
  it('a declared unique matches a reflected unique index of the same name, and the other way round', () => {
    const declared = snapshot([table('a', columns, { uniques: [uq('uq_a_email', ['email'])] })]);
    const reflected = snapshot([table('a', columns, { indexes: [ix('uq_a_email', ['email'], { unique: true })] })]);
    assert.deepEqual(compare(declared, reflected, { dialect: mysql }), []);
    assert.deepEqual(compare(reflected, declared, { dialect: mysql }), []);
    // on PostgreSQL they are two objects
    assert.deepEqual(compare(declared, reflected, { dialect: pg }).map((o) => o.kind), ['dropIndex', 'addUnique']);
  });

  it('an unnamed declared unique matches the unique index MySQL named after the column', () => {
    const declared = snapshot([table('a', columns, { uniques: [uq(null, ['email'])] })]);
    const reflected = snapshot([table('a', columns, { indexes: [ix('email', ['email'], { unique: true })] })]);
    assert.deepEqual(compare(declared, reflected, { dialect: mysql }), []);
  });

  it('reflection listing one object both as a unique and as its index is one object', () => {
    const declared = snapshot([table('a', columns, { uniques: [uq('uq_a_email', ['email'])] })]);
    const both = snapshot([table('a', columns, { uniques: [uq('uq_a_email', ['email'])], indexes: [ix('uq_a_email', ['email'], { unique: true })] })]);
    assert.deepEqual(compare(declared, both, { dialect: mysql }), []);
    // and when it goes it is dropped once
    const none = snapshot([table('a', columns)]);
    assert.deepEqual(compare(none, both, { dialect: mysql }).map((o) => o.kind), ['dropUnique']);
  });

  it('a changed unique is still a change', () => {
    const declared = snapshot([table('a', columns, { uniques: [uq('uq_a_email', ['email', 'id'])] })]);
    const reflected = snapshot([table('a', columns, { indexes: [ix('uq_a_email', ['email'], { unique: true })] })]);
    assert.deepEqual(compare(declared, reflected, { dialect: mysql }).map((o) => o.kind), ['dropIndex', 'addUnique']);
  });
});

describe('MySQL: the index InnoDB creates for an FK', () => {
  const fkAuthor = fk('fk_a_author_id_user', ['author_id'], 'user', ['id']);
  const declared = snapshot([user, table('a', columns, { foreignKeys: [fkAuthor] })]);

  it('named after the FK is not a change', () => {
    const reflected = snapshot([user, table('a', columns, { foreignKeys: [fkAuthor], indexes: [ix('fk_a_author_id_user', ['author_id'])] })]);
    assert.deepEqual(compare(declared, reflected, { dialect: mysql }), []);
    // PostgreSQL creates no such index: there it is a real index the models lack
    assert.deepEqual(compare(declared, reflected, { dialect: pg }).map((o) => o.kind), ['dropIndex']);
  });

  it('named after the column of an FK without a name of its own is not a change', () => {
    const reflected = snapshot([user, table('a', columns, {
      foreignKeys: [{ ...fkAuthor, name: 'a_ibfk_1' }],
      indexes: [ix('author_id', ['author_id'])],
    })]);
    const unnamed = snapshot([user, table('a', columns, { foreignKeys: [{ ...fkAuthor, name: null }] })]);
    assert.deepEqual(compare(unnamed, reflected, { dialect: mysql }), []);
  });

  it('is dropped after its FK when the FK goes', () => {
    const reflected = snapshot([user, table('a', columns, { foreignKeys: [fkAuthor], indexes: [ix('fk_a_author_id_user', ['author_id'])] })]);
    const noFk = snapshot([user, table('a', columns)]);
    assert.deepEqual(compare(noFk, reflected, { dialect: mysql }).map((o) => o.kind), ['dropForeignKey', 'dropIndex']);
  });

  it('an index covering other columns is a real index', () => {
    const reflected = snapshot([user, table('a', columns, { foreignKeys: [fkAuthor], indexes: [ix('fk_a_author_id_user', ['author_id', 'id'])] })]);
    assert.deepEqual(compare(declared, reflected, { dialect: mysql }).map((o) => o.kind), ['dropIndex']);
  });
});

describe('MySQL: an FK added to an existing table brings its index along', () => {
  const fkAuthor = fk('fk_a_author_id_user', ['author_id'], 'user', ['id']);
  const before = snapshot([user, table('a', columns)]);

  it('creates the index InnoDB would create, before the FK, so that the downgrade drops it after the FK', () => {
    const ops = compare(snapshot([user, table('a', columns, { foreignKeys: [fkAuthor] })]), before, { dialect: mysql });
    assert.deepEqual(ops.map((o) => [o.kind, o.kind === 'createIndex' ? o.index.name : '']), [['createIndex', 'fk_a_author_id_user'], ['addForeignKey', '']]);
    const index = ops[0]?.kind === 'createIndex' ? ops[0].index : null;
    assert.deepEqual(index?.columns, ['author_id']);
    // PostgreSQL creates no index for an FK
    assert.deepEqual(compare(snapshot([user, table('a', columns, { foreignKeys: [fkAuthor] })]), before, { dialect: pg }).map((o) => o.kind), ['addForeignKey']);
  });

  it('not when a declared index or key starts with the FK columns, nor when the FK is only changed', () => {
    const covered = snapshot([user, table('a', columns, { foreignKeys: [fkAuthor], indexes: [ix('ix_a_author', ['author_id', 'email'])] })]);
    const created = compare(covered, before, { dialect: mysql }).flatMap((o) => (o.kind === 'createIndex' ? [o.index.name] : []));
    assert.deepEqual(created, ['ix_a_author'], 'only the declared index');
    const reflected = snapshot([user, table('a', columns, { foreignKeys: [fkAuthor], indexes: [ix('fk_a_author_id_user', ['author_id'])] })]);
    const cascading = snapshot([user, table('a', columns, { foreignKeys: [{ ...fkAuthor, onDelete: 'CASCADE' }] })]);
    assert.deepEqual(compare(cascading, reflected, { dialect: mysql }).map((o) => o.kind), ['dropForeignKey', 'addForeignKey']);
  });
});

describe('MySQL: a column an FK uses cannot change type while the FK exists', () => {
  const fkAuthor = fk('fk_a_author_id_user', ['author_id'], 'user', ['id']);
  const fkIndex = ix('fk_a_author_id_user', ['author_id']);
  const wide = { kind: 'bigint' } as const;
  const before = snapshot([user, table('a', columns, { foreignKeys: [fkAuthor], indexes: [fkIndex] })]);

  it('the FK is dropped before and added back after a type change on either side', () => {
    const bigUser = table('user', [col('id', wide, { nullable: false })], { primaryKey: pk(null, ['id']) });
    const bigA = table('a', columns.map((c) => (c.name === 'author_id' ? { ...c, type: wide } : c)), { foreignKeys: [fkAuthor] });
    const ops = compare(snapshot([bigUser, bigA]), before, { dialect: mysql });
    assert.deepEqual(ops.map((o) => `${o.kind} ${'table' in o ? o.table : ''}`), [
      'dropForeignKey a', 'alterColumn a', 'alterColumn user', 'addForeignKey a',
    ]);
    // the parent alone changing type is enough
    assert.deepEqual(compare(snapshot([bigUser, table('a', columns, { foreignKeys: [fkAuthor] })]), before, { dialect: mysql }).map((o) => o.kind), [
      'dropForeignKey', 'alterColumn', 'addForeignKey',
    ]);
    // PostgreSQL alters the columns under the FK
    assert.deepEqual(compare(snapshot([bigUser, bigA]), before, { dialect: pg }).map((o) => o.kind), ['dropIndex', 'alterColumn', 'alterColumn']);
  });
});
