import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OperationError } from '../../src/errors/index.js';
import { MigrationContext } from '../../src/operations/context.js';
import { Operations } from '../../src/operations/facade.js';
import { OfflineSchemaState } from '../../src/operations/schema-state.js';
import { SqlTextSink } from '../../src/operations/sinks.js';
import { column } from '../../src/schema/index.js';
import type { SchemaSnapshot, TableSnapshot } from '../../src/schema/snapshot.js';
import { emptySnapshot } from '../../src/schema/snapshot.js';
import { sql } from '../../src/sql/sql.js';
import { blogSnapshot, recordingDialect } from './helpers.js';

function setup(start: SchemaSnapshot = emptySnapshot()) {
  const state = new OfflineSchemaState(start);
  const sink = new SqlTextSink();
  const op = new Operations(new MigrationContext({ dialect: recordingDialect('postgresql'), sink, state }));
  const table = (name: string): TableSnapshot => {
    const t = state.current.tables.find((x) => x.name === name);
    assert.ok(t, `table ${name}`);
    return t;
  };
  return { op, sink, state, table };
}

describe('Operations (the op facade)', () => {
  test('createTable turns column-level keys, constraints and indexes into the table', async () => {
    const { op, sink, table } = setup(blogSnapshot());
    await op.createTable('comment', {
      id: column.integer().primaryKey().autoincrement(),
      post_id: column.integer().notNull().references('post.id', { onDelete: 'cascade', name: 'fk_comment_post' }),
      slug: column.string(50).unique('uq_comment_slug'),
      body: column.text().index(),
      state: column.string(10).notNull().serverDefault('new'),
    }, {
      checks: [{ name: 'ck_comment_slug', expression: "slug <> ''" }],
      indexes: [{ name: 'ix_comment_state', columns: ['state'], where: "state <> 'new'" }],
      comment: 'comments',
    });
    const t = table('comment');
    assert.deepEqual(t.primaryKey, { name: null, columns: ['id'] });
    assert.deepEqual(t.columns.map((c) => [c.name, c.nullable, c.autoincrement]), [
      ['id', false, true], ['post_id', false, false], ['slug', true, false], ['body', true, false], ['state', false, false],
    ]);
    assert.deepEqual(t.columns[4]!.default, { kind: 'literal', value: 'new' });
    assert.deepEqual(t.foreignKeys, [{
      name: 'fk_comment_post', columns: ['post_id'], referredSchema: null, referredTable: 'post', referredColumns: ['id'],
      onDelete: 'CASCADE', onUpdate: null, deferrable: false, initiallyDeferred: false,
    }]);
    assert.deepEqual(t.uniques, [{ name: 'uq_comment_slug', columns: ['slug'] }]);
    assert.deepEqual(t.indexes.map((i) => [i.name, i.columns, i.where]), [['ix_comment_body', ['body'], null], ['ix_comment_state', ['state'], "state <> 'new'"]]);
    assert.equal(t.comment, 'comments');
    assert.equal(sink.text(), [
      'CREATE TABLE comment (id, post_id, slug, body, state);',
      'CREATE INDEX ix_comment_body ON comment (body);',
      'CREATE INDEX ix_comment_state ON comment (state);',
      '',
    ].join('\n'));
  });

  test('column and table methods build the matching ops', async () => {
    const { op, sink, state, table } = setup(blogSnapshot());
    await op.addColumn('post', 'summary', column.string(300));
    await op.renameColumn('post', 'body', 'content');
    await op.alterColumn('post', 'title', { type: column.string(300), nullable: true, serverDefault: sql`'untitled'`, comment: 'the title' });
    await op.alterColumn('post', 'summary', { serverDefault: 42 });
    await op.createIndex('ix_post_summary', 'post', ['summary'], { unique: true, method: 'btree' });
    await op.createForeignKey('fk_x', 'post', ['summary'], 'user', ['email'], { onUpdate: 'set null', deferrable: true });
    await op.createUnique('uq_post_slug', 'post', ['title']);
    await op.createCheck('ck_post_id', 'post', 'id > 0');
    await op.setTableComment('post', 'posts');
    await op.renameTable('post', 'article');
    const t = table('article');
    assert.deepEqual(t.columns.map((c) => c.name), ['id', 'author_id', 'title', 'content', 'summary']);
    assert.deepEqual(t.columns[2], { name: 'title', type: { kind: 'string', length: 300 }, nullable: true, default: { kind: 'expression', sql: "'untitled'" }, autoincrement: false, comment: 'the title' });
    assert.deepEqual(t.columns[4]!.default, { kind: 'literal', value: 42 });
    assert.deepEqual(t.indexes.find((i) => i.name === 'ix_post_summary'), { name: 'ix_post_summary', columns: ['summary'], expressions: null, unique: true, where: null, method: 'btree' });
    const fk = t.foreignKeys.find((f) => f.name === 'fk_x')!;
    assert.deepEqual([fk.onUpdate, fk.deferrable, fk.onDelete], ['SET NULL', true, null]);
    assert.equal(t.comment, 'posts');
    assert.match(sink.text(), /^ADD COLUMN post\.summary;\nRENAME COLUMN post\.body TO content;\nALTER COLUMN post\.title /);

    await op.alterColumn('article', 'title', { serverDefault: null });
    assert.equal(table('article').columns[2]!.default, null);
    await op.dropCheck('ck_post_id', 'article');
    await op.dropUnique('uq_post_slug', 'article');
    await op.dropForeignKey('fk_x', 'article');
    await op.dropIndex('ix_post_summary', 'article');
    await op.dropPrimaryKey('pk_post', 'article');
    await op.createPrimaryKey('pk_article', 'article', ['id']);
    await op.dropColumn('article', 'summary');
    const a = table('article');
    assert.deepEqual([a.checks.length, a.uniques.length, a.foreignKeys.length, a.primaryKey?.name], [1, 0, 1, 'pk_article']);
    await op.dropTable('article');
    assert.deepEqual(state.current.tables.map((x) => x.name), ['user']);
  });

  test('enum methods and schema options', async () => {
    const { op, sink, state } = setup();
    await op.createEnum('post_status', ['draft', 'published'], { schema: 'app' });
    await op.addEnumValue('post_status', 'archived', { after: 'draft', schema: 'app' });
    await op.dropEnum('post_status', { schema: 'app' });
    assert.deepEqual(state.current.enums, []);
    assert.equal(sink.text(), 'CREATE TYPE app.post_status (draft, published);\nALTER TYPE app.post_status ADD VALUE archived AFTER draft;\nDROP TYPE app.post_status;\n');
  });

  test('execute takes SQL text, or sql`...` whose parameters become literals', async () => {
    const { op, sink } = setup();
    await op.execute('UPDATE post SET flag = 1');
    await op.execute(sql`UPDATE post SET title = ${"it's"} WHERE id = ${3} AND body IS ${null}`);
    assert.equal(sink.text(), "UPDATE post SET flag = 1;\nUPDATE post SET title = 'it''s' WHERE id = 3 AND body IS NULL;\n");
    await assert.rejects(op.execute(sql`SELECT ${{ a: 1 }}`), /parameter 1 \(object\) cannot be written as an SQL literal/);
  });

  test('a drop with a null name finds the constraint by what it is (named by the catalog on PostgreSQL)', async () => {
    const { op, sink, table } = setup(blogSnapshot());
    await op.dropForeignKey(null, 'post', { columns: ['author_id'], referredTable: 'user', referredColumns: ['id'] });
    assert.deepEqual(table('post').foreignKeys, []);
    assert.match(sink.text(), /DROP FOREIGN KEY fk_post_author_id_user ON post/);
    await assert.rejects(op.dropForeignKey(null, 'post', { columns: ['author_id'] }), /needs columns, referredTable and referredColumns/);
    await assert.rejects(op.dropUnique(null, 'post'), /needs its columns/);
    await assert.rejects(op.dropCheck(null, 'post', { expression: 'id > 0' }), /has no unnamed check constraint \(id > 0\)/);
  });

  test('bad arguments are OperationErrors', async () => {
    const { op } = setup(blogSnapshot());
    await assert.rejects(op.alterColumn('post', 'title', {}), /nothing to change/);
    await assert.rejects(op.createForeignKey('f', 'post', ['author_id'], 'user', ['id'], { onDelete: 'explode' as 'cascade' }), /unknown referential action "explode"/);
    await assert.rejects(op.createTable('t', {}), OperationError);
    assert.throws(() => column.integer().references('nodot'), /must be "table\.column"/);
    await assert.rejects(op.createTable('t', { a: column.integer().primaryKey() }, { primaryKey: { name: 'pk', columns: ['b'] } }), /disagree/);
  });
});
