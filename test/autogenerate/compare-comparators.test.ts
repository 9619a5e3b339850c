import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compare } from '../../src/autogenerate/compare.js';
import type { CompareWarning } from '../../src/autogenerate/compare-options.js';
import type { IndexSnapshot, SchemaSnapshot, TableSnapshot } from '../../src/schema/snapshot.js';
import { testDialect } from '../helpers/compare-dialects.js';
import { blog, ck, col, enumType, expr, fk, ix, lit, pk, snapshot, t, table, uq } from '../helpers/snapshots.js';

const pg = testDialect('postgresql');

/** blog() with one table changed. */
function withTable(name: string, change: (table: TableSnapshot) => TableSnapshot, base: SchemaSnapshot = blog()): SchemaSnapshot {
  return { ...base, tables: base.tables.map((x) => (x.name === name ? change(x) : x)) };
}

function withColumn(table: string, column: string, change: Partial<TableSnapshot['columns'][number]>): SchemaSnapshot {
  return withTable(table, (x) => ({ ...x, columns: x.columns.map((c) => (c.name === column ? { ...c, ...change } : c)) }));
}

describe('each comparator finds its change and nothing else', () => {
  it('tables: created and dropped, with the whole table kept for the downgrade', () => {
    const extra = table('tag', [col('id', t.integer, { nullable: false })], { primaryKey: pk('pk_tag', ['id']) });
    const withTag = { ...blog(), tables: [...blog().tables, extra] };
    assert.deepEqual(compare(withTag, blog(), { dialect: pg }), [{ kind: 'createTable', table: extra }]);
    assert.deepEqual(compare(blog(), withTag, { dialect: pg }), [{ kind: 'dropTable', schema: null, name: 'tag', table: extra }]);
  });

  it('columns: added and dropped (the drop carries the column)', () => {
    const summary = col('summary', t.string(300));
    const target = withTable('post', (x) => ({ ...x, columns: [...x.columns, summary] }));
    assert.deepEqual(compare(target, blog(), { dialect: pg }), [{ kind: 'addColumn', schema: null, table: 'post', column: summary }]);
    assert.deepEqual(compare(blog(), target, { dialect: pg }), [{ kind: 'dropColumn', schema: null, table: 'post', name: 'summary', column: summary }]);
  });

  it('column type', () => {
    assert.deepEqual(compare(withColumn('post', 'title', { type: t.string(300) }), blog(), { dialect: pg }), [
      { kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { type: t.string(300) }, previous: { type: t.string(200) } },
    ]);
    // a synonym is no change, another type is
    assert.deepEqual(compare(withColumn('post', 'author_id', { type: t.custom('INT4') }), blog(), { dialect: pg }), []);
    assert.equal(compare(withColumn('post', 'author_id', { type: t.custom('int8') }), blog(), { dialect: pg }).length, 1);
  });

  it('nullable', () => {
    assert.deepEqual(compare(withColumn('post', 'body', { nullable: false }), blog(), { dialect: pg }), [
      { kind: 'alterColumn', schema: null, table: 'post', name: 'body', changes: { nullable: false }, previous: { nullable: true } },
    ]);
  });

  it('server default: set, changed, removed; spelled differently is no change', () => {
    const set = compare(withColumn('post', 'title', { default: lit('untitled') }), blog(), { dialect: pg });
    assert.deepEqual(set, [{ kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { default: lit('untitled') }, previous: { default: null } }]);
    const removed = compare(blog(), withColumn('post', 'title', { default: expr("'untitled'::character varying") }), { dialect: pg });
    assert.deepEqual(removed, [{
      kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { default: null }, previous: { default: expr("'untitled'::character varying") },
    }]);
    assert.deepEqual(compare(withColumn('post', 'title', { default: lit('x') }), withColumn('post', 'title', { default: expr("'x'::text") }), { dialect: pg }), []);
    assert.equal(compare(withColumn('post', 'title', { default: lit('x') }), withColumn('post', 'title', { default: expr("'y'::text") }), { dialect: pg }).length, 1);
  });

  it('autoincrement', () => {
    assert.deepEqual(compare(withColumn('post', 'id', { autoincrement: false }), blog(), { dialect: pg }), [
      { kind: 'alterColumn', schema: null, table: 'post', name: 'id', changes: { autoincrement: false }, previous: { autoincrement: true } },
    ]);
  });

  it('comments: column comment and table comment, with the previous value', () => {
    assert.deepEqual(compare(withColumn('post', 'body', { comment: 'the text' }), blog(), { dialect: pg }), [
      { kind: 'alterColumn', schema: null, table: 'post', name: 'body', changes: { comment: 'the text' }, previous: { comment: null } },
    ]);
    assert.deepEqual(compare(withTable('post', (x) => ({ ...x, comment: 'posts' })), blog(), { dialect: pg }), [
      { kind: 'setTableComment', schema: null, table: 'post', comment: 'posts', previous: null },
    ]);
  });

  it('several changes of one column become one alterColumn', () => {
    const ops = compare(withColumn('post', 'title', { type: t.string(300), nullable: true, default: lit('x') }), blog(), { dialect: pg });
    assert.deepEqual(ops, [{
      kind: 'alterColumn', schema: null, table: 'post', name: 'title',
      changes: { type: t.string(300), nullable: true, default: lit('x') },
      previous: { type: t.string(200), nullable: false, default: null },
    }]);
  });

  it('primary key: columns changed is drop + add; name compared only where names exist', () => {
    const target = withTable('post', (x) => ({ ...x, primaryKey: pk('pk_post', ['id', 'author_id']) }));
    assert.deepEqual(compare(target, blog(), { dialect: pg }), [
      { kind: 'dropPrimaryKey', schema: null, table: 'post', name: 'pk_post', primaryKey: pk('pk_post', ['id']) },
      { kind: 'addPrimaryKey', schema: null, table: 'post', primaryKey: pk('pk_post', ['id', 'author_id']) },
    ]);
    const renamed = withTable('post', (x) => ({ ...x, primaryKey: pk('post_pkey', ['id']) }));
    assert.equal(compare(renamed, blog(), { dialect: pg }).length, 2);
    assert.deepEqual(compare(renamed, blog(), { dialect: testDialect('mysql') }), []);
  });

  it('foreign keys: action changed is drop + add; NO ACTION = none', () => {
    const target = withTable('post', (x) => ({ ...x, foreignKeys: [fk('fk_post_author_id_user', ['author_id'], 'user', ['id'])] }));
    assert.deepEqual(compare(target, blog(), { dialect: pg }), [
      { kind: 'dropForeignKey', schema: null, table: 'post', name: 'fk_post_author_id_user', foreignKey: blog().tables[1]?.foreignKeys[0] },
      { kind: 'addForeignKey', schema: null, table: 'post', foreignKey: fk('fk_post_author_id_user', ['author_id'], 'user', ['id']) },
    ]);
    const noAction = withTable('post', (x) => ({ ...x, foreignKeys: [fk('fk_post_author_id_user', ['author_id'], 'user', ['id'], { onDelete: 'NO ACTION' })] }));
    assert.deepEqual(compare(target, noAction, { dialect: pg }), []);
    const deferrable = withTable('post', (x) => ({ ...x, foreignKeys: [fk('fk_post_author_id_user', ['author_id'], 'user', ['id'], { onDelete: 'CASCADE', deferrable: true })] }));
    assert.equal(compare(deferrable, blog(), { dialect: pg }).length, 2);
    assert.deepEqual(compare(deferrable, blog(), { dialect: testDialect('mysql') }), []);
  });

  it('indexes: added, dropped, changed (unique, where, expressions)', () => {
    const added = withTable('post', (x) => ({ ...x, indexes: [...x.indexes, ix('ix_post_title', ['title'])] }));
    assert.deepEqual(compare(added, blog(), { dialect: pg }), [{ kind: 'createIndex', schema: null, table: 'post', index: ix('ix_post_title', ['title']) }]);
    assert.deepEqual(compare(blog(), added, { dialect: pg }), [{ kind: 'dropIndex', schema: null, table: 'post', name: 'ix_post_title', index: ix('ix_post_title', ['title']) }]);
    for (const changed of [ix('ix_post_author_id', ['author_id'], { unique: true }), ix('ix_post_author_id', ['author_id'], { where: 'id > 0' }),
      ix('ix_post_author_id', [], { expressions: ['abs(author_id)'] }), ix('ix_post_author_id', ['author_id'], { method: 'hash' })]) {
      const ops = compare(withTable('post', (x) => ({ ...x, indexes: [changed] })), blog(), { dialect: pg });
      assert.deepEqual(ops.map((o) => o.kind), ['dropIndex', 'createIndex'], JSON.stringify(changed));
    }
  });

  it('indexes: INCLUDE columns and NULLS NOT DISTINCT changed are drop + create; absent = none', () => {
    const withIndex = (index: IndexSnapshot): SchemaSnapshot => withTable('post', (x) => ({ ...x, indexes: [index] }));
    const covering = withIndex(ix('ix_post_author_id', ['author_id'], { include: ['title'] }));
    for (const changed of [ix('ix_post_author_id', ['author_id'], { include: ['title', 'id'] }), ix('ix_post_author_id', ['author_id'], { include: ['id'] }),
      ix('ix_post_author_id', ['author_id']), ix('ix_post_author_id', ['author_id'], { include: ['title'], nullsNotDistinct: true })]) {
      const ops = compare(withIndex(changed), covering, { dialect: pg });
      assert.deepEqual(ops, [
        { kind: 'dropIndex', schema: null, table: 'post', name: 'ix_post_author_id', index: ix('ix_post_author_id', ['author_id'], { include: ['title'] }) },
        { kind: 'createIndex', schema: null, table: 'post', index: changed },
      ], JSON.stringify(changed));
    }
    assert.deepEqual(compare(withIndex(ix('ix_post_author_id', ['author_id'], { include: [] })), blog(), { dialect: pg }), []);
    assert.deepEqual(compare(covering, covering, { dialect: pg }), []);
  });

  it('uniques: added, dropped, columns changed', () => {
    const target = withTable('user', (x) => ({ ...x, uniques: [uq('uq_user_email', ['email', 'id'])] }));
    assert.deepEqual(compare(target, blog(), { dialect: pg }).map((o) => o.kind), ['dropUnique', 'addUnique']);
    const none = withTable('user', (x) => ({ ...x, uniques: [] }));
    assert.deepEqual(compare(none, blog(), { dialect: pg }), [{ kind: 'dropUnique', schema: null, table: 'user', name: 'uq_user_email', unique: uq('uq_user_email', ['email']) }]);
  });

  it('ON CONFLICT of a unique constraint or primary key: a change is drop + add on sqlite (none = ABORT); other dialects leave it alone', () => {
    const sqlite = testDialect('sqlite');
    const replace = withTable('user', (x) => ({ ...x, uniques: [{ ...uq('uq_user_email', ['email']), onConflict: 'REPLACE' as const }] }));
    assert.deepEqual(compare(replace, blog(), { dialect: sqlite }), [
      { kind: 'dropUnique', schema: null, table: 'user', name: 'uq_user_email', unique: uq('uq_user_email', ['email']) },
      { kind: 'addUnique', schema: null, table: 'user', unique: { ...uq('uq_user_email', ['email']), onConflict: 'REPLACE' } },
    ]);
    const ignoreKey = withTable('user', (x) => ({ ...x, primaryKey: { ...pk('pk_user', ['id']), onConflict: 'IGNORE' as const } }));
    assert.deepEqual(compare(ignoreKey, blog(), { dialect: sqlite }).map((o) => o.kind), ['dropPrimaryKey', 'addPrimaryKey']);
    const abort = withTable('user', (x) => ({ ...x, uniques: [{ ...uq('uq_user_email', ['email']), onConflict: 'ABORT' as const }] }));
    assert.deepEqual(compare(abort, blog(), { dialect: sqlite }), []);
    assert.deepEqual(compare(replace, blog(), { dialect: pg }), []);
    assert.deepEqual(compare(ignoreKey, blog(), { dialect: testDialect('mysql') }), []);
  });

  it('checks: expression changed is drop + add', () => {
    const a = withTable('post', (x) => ({ ...x, checks: [ck('ck_post_id', 'id > 0')] }));
    const b = withTable('post', (x) => ({ ...x, checks: [ck('ck_post_id', 'id > 1')] }));
    assert.deepEqual(compare(a, b, { dialect: pg }), [
      { kind: 'dropCheck', schema: null, table: 'post', name: 'ck_post_id', check: ck('ck_post_id', 'id > 1') },
      { kind: 'addCheck', schema: null, table: 'post', check: ck('ck_post_id', 'id > 0') },
    ]);
  });

  it('enums: created, dropped, values added in place and dropped; unchanged never recreated', () => {
    const s = (values: readonly string[] | null) => snapshot([], values === null ? [] : [enumType('status', values)]);
    assert.deepEqual(compare(s(['a', 'b']), s(null), { dialect: pg }), [{ kind: 'createEnum', enum: enumType('status', ['a', 'b']) }]);
    assert.deepEqual(compare(s(null), s(['a', 'b']), { dialect: pg }), [{ kind: 'dropEnum', schema: null, name: 'status', enum: enumType('status', ['a', 'b']) }]);
    assert.deepEqual(compare(s(['x', 'a', 'm', 'b', 'z']), s(['a', 'b']), { dialect: pg }), [
      { kind: 'addEnumValue', schema: null, name: 'status', value: 'x', before: 'a' },
      { kind: 'addEnumValue', schema: null, name: 'status', value: 'm', after: 'a' },
      { kind: 'addEnumValue', schema: null, name: 'status', value: 'z' },
    ]);
    assert.deepEqual(compare(s(['a', 'c']), s(['a', 'b', 'c']), { dialect: pg }), [
      { kind: 'dropEnumValue', schema: null, name: 'status', value: 'b', after: 'a' },
    ]);
    // case matters
    assert.deepEqual(compare(s(['A']), s(['a']), { dialect: pg }).map((o) => o.kind), ['addEnumValue', 'dropEnumValue']);
    assert.deepEqual(compare(s(['a', 'b']), s(['a', 'b']), { dialect: pg }), []);
  });

  it('enums: a reorder is reported, not recreated', () => {
    const warnings: CompareWarning[] = [];
    const ops = compare(snapshot([], [enumType('s', ['b', 'a'])]), snapshot([], [enumType('s', ['a', 'b'])]), { dialect: pg, onWarning: (w) => warnings.push(w) });
    assert.deepEqual(ops, []);
    assert.match(warnings[0]?.message ?? '', /enum s: values are in another order/);
  });

  it('enums: one a skipped table still uses is not dropped', () => {
    const legacy = table('legacy', [col('s', { kind: 'enum', name: 'status', values: ['a'] })]);
    const current = snapshot([legacy], [enumType('status', ['a'])]);
    assert.deepEqual(compare(snapshot([]), current, { dialect: pg, exclude: ['legacy'] }), []);
  });

  it('mysql: enum values are part of the inline column type', () => {
    const a = snapshot([table('a', [col('s', { kind: 'enum', name: null, values: ['x', 'y'] })])]);
    const b = snapshot([table('a', [col('s', { kind: 'enum', name: null, values: ['x'] })])]);
    assert.deepEqual(compare(a, b, { dialect: testDialect('mysql') }).map((o) => o.kind), ['alterColumn']);
  });
});

describe('the compare hook', () => {
  it('is consulted for every comparison and can suppress or force a change', () => {
    const kinds = new Set<string>();
    compare(blog(), blog(), { dialect: pg, hook: (c) => { kinds.add(c.kind); return 'default'; } });
    for (const k of ['type', 'nullable', 'default', 'autoincrement', 'comment', 'tableComment', 'primaryKey', 'foreignKey', 'index', 'unique']) {
      assert.ok(kinds.has(k), k);
    }
    const target = withColumn('post', 'title', { default: expr('CURRENT_TIMESTAMP') });
    assert.deepEqual(compare(target, blog(), { dialect: pg, hook: (c) => (c.kind === 'default' ? 'same' : 'default') }), []);
    const forced = compare(blog(), blog(), { dialect: pg, hook: (c) => (c.kind === 'nullable' && c.name === 'body' ? 'different' : 'default') });
    assert.deepEqual(forced.map((o) => o.kind), ['alterColumn']);
    const keepLegacy = compare(blog(), { ...blog(), tables: [...blog().tables, table('legacy', [])] }, {
      dialect: pg, hook: (c) => (c.kind === 'table' && c.name === 'legacy' ? 'same' : 'default'),
    });
    assert.deepEqual(keepLegacy, []);
  });
});
