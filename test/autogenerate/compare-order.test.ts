import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compare } from '../../src/autogenerate/compare.js';
import type { Operation } from '../../src/operations/operation.js';
import type { SchemaSnapshot } from '../../src/schema/snapshot.js';
import { testDialect } from '../helpers/compare-dialects.js';
import { col, enumType, fk, ix, pk, snapshot, t, table, uq } from '../helpers/snapshots.js';

const pg = testDialect('postgresql');
const sqlite = testDialect('sqlite');

function label(op: Operation): string {
  switch (op.kind) {
    case 'createTable': return `createTable ${op.table.name}${op.omitForeignKeys ? ` omit ${op.omitForeignKeys.join(',')}` : ''}`;
    case 'dropTable': return `dropTable ${op.name}`;
    case 'addForeignKey': return `addForeignKey ${op.table}.${op.foreignKey.name ?? '?'}`;
    case 'dropForeignKey': return `dropForeignKey ${op.table}.${op.name}`;
    case 'addColumn': return `addColumn ${op.table}.${op.column.name}`;
    case 'dropColumn': return `dropColumn ${op.table}.${op.name}`;
    case 'renameTable': return `renameTable ${op.from}->${op.to}`;
    case 'renameColumn': return `renameColumn ${op.table}.${op.from}->${op.to}`;
    case 'createIndex': return `createIndex ${op.index.name}`;
    case 'dropIndex': return `dropIndex ${op.name}`;
    case 'addUnique': return `addUnique ${op.unique.name ?? '?'}`;
    case 'dropUnique': return `dropUnique ${op.name}`;
    case 'createEnum': return `createEnum ${op.enum.name}`;
    case 'dropEnum': return `dropEnum ${op.name}`;
    case 'addEnumValue': return `addEnumValue ${op.name}.${op.value}`;
    case 'dropEnumValue': return `dropEnumValue ${op.name}.${op.value}`;
    case 'alterColumn': return `alterColumn ${op.table}.${op.name}`;
    default: return op.kind;
  }
}

const id = () => col('id', t.integer, { nullable: false });
const user = table('user', [id(), col('code', t.string(10))], { primaryKey: pk('pk_user', ['id']) });
const post = table('post', [id(), col('author_id', t.integer)], {
  primaryKey: pk('pk_post', ['id']),
  foreignKeys: [fk('fk_post_author_id_user', ['author_id'], 'user', ['id'])],
});
const comment = table('comment', [id(), col('post_id', t.integer), col('user_id', t.integer)], {
  primaryKey: pk('pk_comment', ['id']),
  foreignKeys: [fk('fk_comment_post_id_post', ['post_id'], 'post', ['id']), fk('fk_comment_user_id_user', ['user_id'], 'user', ['id'])],
});
const a = table('a', [id(), col('b_id', t.integer)], { primaryKey: pk('pk_a', ['id']), foreignKeys: [fk('fk_a_b', ['b_id'], 'b', ['id'])] });
const b = table('b', [id(), col('a_id', t.integer)], { primaryKey: pk('pk_b', ['id']), foreignKeys: [fk('fk_b_a', ['a_id'], 'a', ['id'])] });

describe('compare orders operations so they can run', () => {
  it('creates tables parents first, deterministically', () => {
    const ops = compare(snapshot([comment, post, user]), snapshot([]), { dialect: pg });
    assert.deepEqual(ops.map(label), ['createTable user', 'createTable post', 'createTable comment']);
    assert.deepEqual(compare(snapshot([user, comment, post]), snapshot([]), { dialect: pg }), ops);
  });

  it('breaks FK cycles: the FK closing the cycle is added after the creates (kept inline on SQLite)', () => {
    const ops = compare(snapshot([b, a]), snapshot([]), { dialect: pg });
    assert.deepEqual(ops.map(label), ['createTable a omit fk_a_b', 'createTable b', 'addForeignKey a.fk_a_b']);
    assert.deepEqual(compare(snapshot([b, a]), snapshot([]), { dialect: sqlite }).map(label), ['createTable a', 'createTable b']);
  });

  it('an unnamed FK closing a cycle is left out of the created table and added after', () => {
    const a2 = { ...a, foreignKeys: [{ ...fk(null, ['b_id'], 'b', ['id']) }] };
    const ops = compare(snapshot([b, a2]), snapshot([]), { dialect: pg });
    assert.deepEqual(ops.map(label), ['createTable a', 'createTable b', 'addForeignKey a.?']);
    assert.deepEqual(ops[0]?.kind === 'createTable' ? ops[0].table.foreignKeys : null, []);
  });

  it('a self-referencing table is no cycle', () => {
    const tree = table('node', [id(), col('parent_id', t.integer)], { primaryKey: pk('pk_node', ['id']), foreignKeys: [fk('fk_node_parent', ['parent_id'], 'node', ['id'])] });
    assert.deepEqual(compare(snapshot([tree]), snapshot([]), { dialect: pg }).map(label), ['createTable node']);
  });

  it('drops tables children first', () => {
    const ops = compare(snapshot([]), snapshot([user, post, comment]), { dialect: pg });
    assert.deepEqual(ops.map(label), ['dropTable comment', 'dropTable post', 'dropTable user']);
  });

  it('drops the FKs of a cycle first and keeps each dropped table as it is then', () => {
    const ops = compare(snapshot([]), snapshot([a, b]), { dialect: pg });
    assert.deepEqual(ops.map(label), ['dropForeignKey a.fk_a_b', 'dropTable b', 'dropTable a']);
    const dropA = ops.find((o) => o.kind === 'dropTable' && o.name === 'a');
    assert.deepEqual(dropA?.kind === 'dropTable' ? dropA.table?.foreignKeys : null, []);
  });

  it('drops FKs pointing to a dropped table or column before dropping it', () => {
    const postNoFk = { ...post, foreignKeys: [] };
    assert.deepEqual(compare(snapshot([postNoFk]), snapshot([user, post]), { dialect: pg }).map(label), [
      'dropForeignKey post.fk_post_author_id_user', 'dropTable user',
    ]);
    const byCode = { ...post, foreignKeys: [fk('fk_post_author_code', ['author_id'], 'user', ['code'])] };
    const userNoCode = { ...user, columns: [id()] };
    assert.deepEqual(compare(snapshot([userNoCode, postNoFk]), snapshot([user, byCode]), { dialect: pg }).map(label), [
      'dropForeignKey post.fk_post_author_code', 'dropColumn user.code',
    ]);
  });

  it('runs the phases in order: enums, drops, renames, columns, constraints, creates, FKs, enum drops', () => {
    const current: SchemaSnapshot = snapshot([
      table('user', [id(), col('old', t.text), col('name', t.string(50))], { primaryKey: pk('pk_user', ['id']), indexes: [ix('ix_user_old', ['old'])] }),
      table('legacy', [id(), col('user_id', t.integer)], { foreignKeys: [fk('fk_legacy_user', ['user_id'], 'user', ['id'])] }),
    ], [enumType('gone', ['x']), enumType('mood', ['ok'])]);
    const target: SchemaSnapshot = snapshot([
      table('user', [id(), col('name', t.string(100)), col('mood', { kind: 'enum', name: 'mood', values: ['ok', 'sad'] })], {
        primaryKey: pk('pk_user', ['id']),
        uniques: [uq('uq_user_name', ['name'])],
      }),
      table('profile', [id(), col('user_id', t.integer)], { foreignKeys: [fk('fk_profile_user', ['user_id'], 'user', ['id'])] }),
    ], [enumType('kind', ['a']), enumType('mood', ['ok', 'sad'])]);
    const ops = compare(target, current, { dialect: pg });
    assert.deepEqual(ops.map(label), [
      'createEnum kind',
      'addEnumValue mood.sad',
      'dropIndex ix_user_old',
      'dropTable legacy',
      'alterColumn user.name',
      'addColumn user.mood',
      'dropColumn user.old',
      'addUnique uq_user_name',
      'createTable profile',
      'dropEnum gone',
    ]);
  });

  it('renames run after the drops and before the column changes; drops keep the database names', () => {
    const current = snapshot([table('post', [id(), col('body', t.text)], { indexes: [ix('ix_post_body', ['body'])] })]);
    const target = snapshot([table('article', [id(), col('content', t.text), col('extra', t.integer)], { indexes: [ix('ix_article_content', ['content'])] })]);
    const ops = compare(target, current, {
      dialect: pg,
      renames: { tables: [{ from: 'post', to: 'article' }], columns: [{ table: 'article', from: 'body', to: 'content' }] },
    });
    assert.deepEqual(ops.map(label), [
      'dropIndex ix_post_body', 'renameTable post->article', 'renameColumn article.body->content', 'addColumn article.extra', 'createIndex ix_article_content',
    ]);
    assert.deepEqual(ops[0], { kind: 'dropIndex', schema: null, table: 'post', name: 'ix_post_body', index: ix('ix_post_body', ['body']) });
  });

  it('switches autoincrement off before its primary key is dropped and on after the new key is added (MySQL needs a key)', () => {
    const surrogate = table('m', [col('id', t.integer, { nullable: false, autoincrement: true }), col('g', t.integer, { nullable: false })], { primaryKey: pk('pk_m', ['id']) });
    const natural = table('m', [col('id', t.integer, { nullable: false }), col('g', t.integer, { nullable: false })], { primaryKey: pk('pk_m', ['g', 'id']) });
    const up = compare(snapshot([natural]), snapshot([surrogate]), { dialect: pg });
    assert.deepEqual(up.map(label), ['alterColumn m.id', 'dropPrimaryKey', 'addPrimaryKey']);
    assert.deepEqual(up[0], { kind: 'alterColumn', schema: null, table: 'm', name: 'id', changes: { autoincrement: false }, previous: { autoincrement: true } });
    assert.deepEqual(compare(snapshot([surrogate]), snapshot([natural]), { dialect: pg }).map(label), ['dropPrimaryKey', 'addPrimaryKey', 'alterColumn m.id']);
    // without a change of the key, autoincrement is an ordinary column change
    const plain = table('m', [col('id', t.integer, { nullable: false }), col('g', t.integer, { nullable: false })], { primaryKey: pk('pk_m', ['id']) });
    assert.deepEqual(compare(snapshot([plain]), snapshot([surrogate]), { dialect: pg }).map(label), ['alterColumn m.id']);
  });

  it('drops columns last to first, so that the downgrade adds them back in their order', () => {
    const wide = table('w', [id(), col('b', t.integer), col('a', t.integer), col('c', t.integer)]);
    const narrow = table('w', [id()]);
    const ops = compare(snapshot([narrow]), snapshot([wide]), { dialect: pg });
    assert.deepEqual(ops.map(label), ['dropColumn w.c', 'dropColumn w.a', 'dropColumn w.b']);
  });

  it('returns frozen operations', () => {
    const ops = compare(snapshot([user]), snapshot([]), { dialect: pg });
    assert.ok(Object.isFrozen(ops[0]));
  });
});
