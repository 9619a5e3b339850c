import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OperationError } from '../../src/errors/index.js';
import { applyOperation, applyOperations } from '../../src/operations/apply.js';
import type { Operation } from '../../src/operations/operation.js';
import { reverseAll } from '../../src/operations/reverse.js';
import type { ForeignKeySnapshot, SchemaSnapshot, TableSnapshot } from '../../src/schema/snapshot.js';
import { blogSnapshot, col, snap, str, tbl } from './helpers.js';

const table = (s: SchemaSnapshot, name: string): TableSnapshot => {
  const t = s.tables.find((x) => x.name === name);
  assert.ok(t, `table ${name} exists`);
  return t;
};
const columnNames = (s: SchemaSnapshot, name: string): string[] => table(s, name).columns.map((c) => c.name);
const throwsOp = (fn: () => unknown, message: RegExp): void => {
  assert.throws(fn, (e: unknown) => e instanceof OperationError && message.test(e.message));
};

const fkTo = (name: string | null, columns: string[], referredTable: string, referredColumns: string[]): ForeignKeySnapshot => ({
  name, columns, referredSchema: null, referredTable, referredColumns, onDelete: null, onUpdate: null, deferrable: false, initiallyDeferred: false,
});

describe('applyOperation: tables', () => {
  test('createTable adds the table in name order, frozen, and leaves the input alone', () => {
    const before = blogSnapshot();
    const after = applyOperation(before, { kind: 'createTable', table: tbl('comment', [col('id')]) });
    assert.deepEqual(after.tables.map((t) => t.name), ['comment', 'post', 'user']);
    assert.ok(Object.isFrozen(after) && Object.isFrozen(after.tables));
    assert.equal(before.tables.length, 2);
    assert.equal(after.tables[1], before.tables[0], 'unchanged tables are shared');
  });

  test('createTable leaves out the foreign keys it omits (a later addForeignKey adds them)', () => {
    const a = tbl('a', [col('id'), col('b_id')], { foreignKeys: [fkTo('fk_a_b', ['b_id'], 'b', ['id'])] });
    const s1 = applyOperation(snap([]), { kind: 'createTable', table: a, omitForeignKeys: ['fk_a_b'] });
    assert.deepEqual(table(s1, 'a').foreignKeys, []);
    const s2 = applyOperation(s1, { kind: 'addForeignKey', schema: null, table: 'a', foreignKey: a.foreignKeys[0]! });
    assert.deepEqual(table(s2, 'a').foreignKeys, a.foreignKeys);
  });

  test('dropTable, setTableComment', () => {
    const s = applyOperations(blogSnapshot(), [
      { kind: 'setTableComment', schema: null, table: 'user', comment: 'people' },
      { kind: 'dropTable', schema: null, name: 'post' },
    ]);
    assert.deepEqual(s.tables.map((t) => t.name), ['user']);
    assert.equal(table(s, 'user').comment, 'people');
  });

  test('renameTable renames it and updates the foreign keys that refer to it, its own included', () => {
    const node = tbl('node', [col('id'), col('parent_id')], { foreignKeys: [fkTo('fk_node_parent', ['parent_id'], 'node', ['id'])] });
    const base = applyOperation(blogSnapshot(), { kind: 'createTable', table: node });
    const s = applyOperations(base, [
      { kind: 'renameTable', schema: null, from: 'user', to: 'account' },
      { kind: 'renameTable', schema: null, from: 'node', to: 'tree' },
    ]);
    assert.deepEqual(s.tables.map((t) => t.name), ['account', 'post', 'tree']);
    assert.equal(table(s, 'post').foreignKeys[0]!.referredTable, 'account');
    assert.equal(table(s, 'tree').foreignKeys[0]!.referredTable, 'tree');
  });

  test('table errors: missing, duplicate', () => {
    const s = blogSnapshot();
    throwsOp(() => applyOperation(s, { kind: 'dropTable', schema: null, name: 'nope' }), /dropTable nope: table "nope" does not exist/);
    throwsOp(() => applyOperation(s, { kind: 'createTable', table: tbl('post', [col('id')]) }), /table "post" already exists/);
    throwsOp(() => applyOperation(s, { kind: 'renameTable', schema: null, from: 'post', to: 'user' }), /table "user" already exists/);
    throwsOp(() => applyOperation(s, { kind: 'setTableComment', schema: null, table: 'x', comment: null }), /table "x" does not exist/);
    throwsOp(() => applyOperation(s, { kind: 'createTable', table: tbl('t', [col('a'), col('a')]) }), /column "a" is declared twice/);
    throwsOp(() => applyOperation(s, { kind: 'createTable', table: tbl('t', [col('a')], { primaryKey: { name: null, columns: ['b'] } }) }), /names column "b"/);
  });

  test('tables are matched by schema, null being the snapshot schema', () => {
    const s = snap([{ ...tbl('t', [col('a')]), schema: 'app' }], { schema: 'app' });
    assert.equal(applyOperation(s, { kind: 'addColumn', schema: null, table: 't', column: col('b') }).tables[0]!.columns.length, 2);
    throwsOp(() => applyOperation(s, { kind: 'addColumn', schema: 'other', table: 't', column: col('b') }), /"other\.t" does not exist/);
  });

  test('execute leaves the snapshot as it is', () => {
    const s = blogSnapshot();
    assert.equal(applyOperation(s, { kind: 'execute', sql: 'DROP TABLE post' }), s);
  });
});

describe('applyOperation: columns', () => {
  test('addColumn appends, alterColumn changes only the given keys', () => {
    const s = applyOperations(blogSnapshot(), [
      { kind: 'addColumn', schema: null, table: 'post', column: col('summary', str(300)) },
      { kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { type: str(300), nullable: true, default: { kind: 'literal', value: 'x' }, comment: 'c', autoincrement: false } },
    ]);
    assert.deepEqual(columnNames(s, 'post'), ['id', 'author_id', 'title', 'body', 'summary']);
    assert.deepEqual(table(s, 'post').columns[2], { name: 'title', type: str(300), nullable: true, default: { kind: 'literal', value: 'x' }, autoincrement: false, comment: 'c' });
    const s2 = applyOperation(s, { kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { default: null } });
    assert.equal(table(s2, 'post').columns[2]!.default, null);
    assert.equal(table(s2, 'post').columns[2]!.comment, 'c');
  });

  test('renameColumn follows into the key, FK, unique, index and check of its table, and FKs of other tables', () => {
    const base = applyOperation(blogSnapshot(), { kind: 'addUnique', schema: null, table: 'post', unique: { name: 'uq_post_title', columns: ['author_id', 'title'] } });
    let s = applyOperation(base, { kind: 'renameColumn', schema: null, table: 'post', from: 'title', to: 'headline' });
    const post = table(s, 'post');
    assert.deepEqual(post.columns.map((c) => c.name), ['id', 'author_id', 'headline', 'body']);
    assert.deepEqual(post.uniques[0]!.columns, ['author_id', 'headline']);
    assert.equal(post.checks[0]!.expression, "length(headline) > 0 AND headline <> 'body'", 'the string literal stays');
    assert.deepEqual(post.indexes[1]!.expressions, ['lower("headline")']);
    s = applyOperations(s, [
      { kind: 'renameColumn', schema: null, table: 'post', from: 'author_id', to: 'writer_id' },
      { kind: 'renameColumn', schema: null, table: 'user', from: 'id', to: 'user_id' },
    ]);
    const renamed = table(s, 'post');
    assert.deepEqual(renamed.foreignKeys[0]!.columns, ['writer_id']);
    assert.deepEqual(renamed.foreignKeys[0]!.referredColumns, ['user_id']);
    assert.deepEqual(renamed.indexes[0]!.columns, ['writer_id']);
    assert.deepEqual(table(s, 'user').primaryKey!.columns, ['user_id']);
  });

  test('dropColumn drops the indexes and constraints that involve it, as PostgreSQL does', () => {
    const base = applyOperations(blogSnapshot(), [
      { kind: 'addUnique', schema: null, table: 'post', unique: { name: 'uq_post_author_title', columns: ['author_id', 'title'] } },
      { kind: 'addUnique', schema: null, table: 'post', unique: { name: 'uq_post_body', columns: ['body'] } },
    ]);
    const s = applyOperation(base, { kind: 'dropColumn', schema: null, table: 'post', name: 'title' });
    const post = table(s, 'post');
    assert.deepEqual(post.columns.map((c) => c.name), ['id', 'author_id', 'body']);
    assert.deepEqual(post.uniques.map((u) => u.name), ['uq_post_body']);
    assert.deepEqual(post.checks, []);
    assert.deepEqual(post.indexes.map((i) => i.name), ['ix_post_author_id']);
    const s2 = applyOperation(s, { kind: 'dropColumn', schema: null, table: 'post', name: 'author_id' });
    assert.deepEqual(table(s2, 'post').foreignKeys, []);
    assert.deepEqual(table(s2, 'post').indexes, []);
    const s3 = applyOperation(s2, { kind: 'dropColumn', schema: null, table: 'post', name: 'id' });
    assert.equal(table(s3, 'post').primaryKey, null);
  });

  test('column errors', () => {
    const s = blogSnapshot();
    throwsOp(() => applyOperation(s, { kind: 'addColumn', schema: null, table: 'post', column: col('title') }), /addColumn post\.title: column "title" already exists/);
    throwsOp(() => applyOperation(s, { kind: 'dropColumn', schema: null, table: 'post', name: 'nope' }), /table "post" has no column "nope"/);
    throwsOp(() => applyOperation(s, { kind: 'alterColumn', schema: null, table: 'post', name: 'nope', changes: { nullable: true } }), /no column "nope"/);
    throwsOp(() => applyOperation(s, { kind: 'renameColumn', schema: null, table: 'post', from: 'nope', to: 'x' }), /no column "nope"/);
    throwsOp(() => applyOperation(s, { kind: 'renameColumn', schema: null, table: 'post', from: 'body', to: 'title' }), /column "title" already exists/);
    throwsOp(() => applyOperation(s, { kind: 'dropColumn', schema: null, table: 'user', name: 'id' }), /fk_post_author_id_user of table "post" refers to this column/);
  });
});

describe('applyOperation: indexes and constraints', () => {
  test('each kind adds (sorted by name) and drops', () => {
    const ops: Operation[] = [
      { kind: 'createIndex', schema: null, table: 'post', index: { name: 'ix_a_title', columns: ['title'], expressions: null, unique: true, where: null, method: null } },
      { kind: 'dropPrimaryKey', schema: null, table: 'post', name: 'pk_post' },
      { kind: 'addPrimaryKey', schema: null, table: 'post', primaryKey: { name: 'pk_post2', columns: ['id', 'body'] } },
      { kind: 'addForeignKey', schema: null, table: 'post', foreignKey: fkTo('fk_a', ['body'], 'user', ['email']) },
      { kind: 'addUnique', schema: null, table: 'post', unique: { name: 'uq_post_title', columns: ['title'] } },
      { kind: 'addCheck', schema: null, table: 'post', check: { name: 'ck_a', expression: 'id > 0' } },
    ];
    const s = applyOperations(blogSnapshot(), ops);
    const post = table(s, 'post');
    assert.deepEqual(post.indexes.map((i) => i.name), ['ix_a_title', 'ix_post_author_id', 'ix_post_lower_title']);
    assert.deepEqual(post.primaryKey, { name: 'pk_post2', columns: ['id', 'body'] });
    assert.equal(post.columns.find((c) => c.name === 'body')!.nullable, false, 'primary key columns become NOT NULL');
    assert.deepEqual(post.foreignKeys.map((f) => f.name), ['fk_a', 'fk_post_author_id_user']);
    assert.deepEqual(post.uniques.map((u) => u.name), ['uq_post_title']);
    assert.deepEqual(post.checks.map((c) => c.name), ['ck_a', 'ck_post_title']);

    const back = applyOperations(s, [
      { kind: 'dropCheck', schema: null, table: 'post', name: 'ck_a' },
      { kind: 'dropUnique', schema: null, table: 'post', name: 'uq_post_title' },
      { kind: 'dropForeignKey', schema: null, table: 'post', name: 'fk_a' },
      { kind: 'dropIndex', schema: null, table: 'post', name: 'ix_a_title' },
    ]);
    const p2 = table(back, 'post');
    assert.deepEqual([p2.checks.length, p2.uniques.length, p2.foreignKeys.length, p2.indexes.length], [1, 0, 1, 2]);
  });

  test('an unnamed foreign key, unique or check (SQLite reflection) is dropped by the op that carries it, not by name', () => {
    const fk = fkTo(null, ['author_id'], 'user', ['id']);
    const other = { ...fk, columns: ['body'], referredColumns: ['email'] };
    const s = applyOperation(snap([]), {
      kind: 'createTable',
      table: tbl('post', [col('id'), col('author_id'), col('body', str())], {
        foreignKeys: [other, fk],
        uniques: [{ name: null, columns: ['body'] }, { name: null, columns: ['author_id', 'body'] }],
        checks: [{ name: null, expression: 'id > 0' }, { name: null, expression: 'id < 9' }],
      }),
    });
    const after = applyOperations(s, [
      { kind: 'dropForeignKey', schema: null, table: 'post', name: '', foreignKey: fk },
      { kind: 'dropUnique', schema: null, table: 'post', name: '', unique: { name: null, columns: ['author_id', 'body'] } },
      { kind: 'dropCheck', schema: null, table: 'post', name: '', check: { name: null, expression: 'id > 0' } },
    ]);
    const post = table(after, 'post');
    assert.deepEqual(post.foreignKeys, [other]);
    assert.deepEqual(post.uniques, [{ name: null, columns: ['body'] }]);
    assert.deepEqual(post.checks, [{ name: null, expression: 'id < 9' }]);
    throwsOp(
      () => applyOperation(after, { kind: 'dropCheck', schema: null, table: 'post', name: '', check: { name: null, expression: 'id > 0' } }),
      /has no unnamed check constraint \(id > 0\)/,
    );
  });

  test('constraint errors: missing, duplicate, unknown columns', () => {
    const s = blogSnapshot();
    const ix = { name: 'ix_post_author_id', columns: ['author_id'], expressions: null, unique: false, where: null, method: null };
    throwsOp(() => applyOperation(s, { kind: 'createIndex', schema: null, table: 'post', index: ix }), /already has an index named "ix_post_author_id"/);
    throwsOp(() => applyOperation(s, { kind: 'createIndex', schema: null, table: 'post', index: { ...ix, name: 'x', columns: ['nope'] } }), /names column "nope"/);
    throwsOp(() => applyOperation(s, { kind: 'dropIndex', schema: null, table: 'post', name: 'nope' }), /has no index named "nope"/);
    throwsOp(() => applyOperation(s, { kind: 'addPrimaryKey', schema: null, table: 'post', primaryKey: { name: 'p', columns: ['id'] } }), /already has a primary key/);
    throwsOp(() => applyOperation(s, { kind: 'dropPrimaryKey', schema: null, table: 'post', name: 'pk_other' }), /is named "pk_post"/);
    throwsOp(() => applyOperation(s, { kind: 'dropForeignKey', schema: null, table: 'post', name: 'nope' }), /has no foreign key named "nope"/);
    throwsOp(() => applyOperation(s, { kind: 'addForeignKey', schema: null, table: 'post', foreignKey: fkTo('fk_post_author_id_user', ['author_id'], 'user', ['id']) }), /already has a foreign key/);
    throwsOp(() => applyOperation(s, { kind: 'addForeignKey', schema: null, table: 'post', foreignKey: fkTo('f', ['author_id'], 'user', []) }), /as many referred columns/);
    throwsOp(() => applyOperation(s, { kind: 'dropUnique', schema: null, table: 'post', name: 'nope' }), /no unique constraint named "nope"/);
    throwsOp(() => applyOperation(s, { kind: 'dropCheck', schema: null, table: 'post', name: 'nope' }), /no check constraint named "nope"/);
    throwsOp(() => applyOperation(s, { kind: 'addCheck', schema: null, table: 'nope', check: { name: 'c', expression: '1' } }), /table "nope" does not exist/);
  });
});

describe('applyOperation: enums', () => {
  const status = { kind: 'enum', name: 'post_status', values: ['draft', 'published'] } as const;
  const base = (): SchemaSnapshot =>
    applyOperations(snap([]), [
      { kind: 'createEnum', enum: { name: 'post_status', schema: null, values: ['draft', 'published'] } },
      { kind: 'createTable', table: tbl('post', [col('id'), col('status', status), col('history', { kind: 'array', of: status })]) },
    ]);

  test('addEnumValue / dropEnumValue change the type and the columns using it', () => {
    let s = applyOperation(base(), { kind: 'addEnumValue', schema: null, name: 'post_status', value: 'archived', before: 'published' });
    assert.deepEqual(s.enums[0]!.values, ['draft', 'archived', 'published']);
    assert.deepEqual(table(s, 'post').columns[1]!.type, { ...status, values: ['draft', 'archived', 'published'] });
    const history = table(s, 'post').columns[2]!.type;
    assert.deepEqual(history.kind === 'array' && history.of, { ...status, values: ['draft', 'archived', 'published'] });
    s = applyOperation(s, { kind: 'addEnumValue', schema: null, name: 'post_status', value: 'first', after: 'draft' });
    assert.deepEqual(s.enums[0]!.values, ['draft', 'first', 'archived', 'published']);
    s = applyOperation(s, { kind: 'dropEnumValue', schema: null, name: 'post_status', value: 'first' });
    assert.deepEqual(table(s, 'post').columns[1]!.type, { ...status, values: ['draft', 'archived', 'published'] });
  });

  test('dropEnum refuses while a column uses the type; enum errors', () => {
    const s = base();
    throwsOp(() => applyOperation(s, { kind: 'dropEnum', schema: null, name: 'post_status' }), /column "post\.status" still uses it/);
    const s2 = applyOperations(s, [{ kind: 'dropTable', schema: null, name: 'post' }, { kind: 'dropEnum', schema: null, name: 'post_status' }]);
    assert.deepEqual(s2.enums, []);
    throwsOp(() => applyOperation(s, { kind: 'createEnum', enum: { name: 'post_status', schema: null, values: [] } }), /already exists/);
    throwsOp(() => applyOperation(s, { kind: 'addEnumValue', schema: null, name: 'post_status', value: 'draft' }), /already has the value 'draft'/);
    throwsOp(() => applyOperation(s, { kind: 'addEnumValue', schema: null, name: 'post_status', value: 'x', after: 'nope' }), /no value 'nope'/);
    throwsOp(() => applyOperation(s, { kind: 'dropEnumValue', schema: null, name: 'post_status', value: 'nope' }), /has no value 'nope'/);
    throwsOp(() => applyOperation(s, { kind: 'addEnumValue', schema: null, name: 'nope', value: 'x' }), /enum type "nope" does not exist/);
  });
});

describe('applyOperation + reverse', () => {
  test('applying ops then their reverse gives back the starting snapshot', () => {
    const start = blogSnapshot();
    const ops: Operation[] = [
      { kind: 'addColumn', schema: null, table: 'post', column: col('summary', str(300)) },
      { kind: 'renameColumn', schema: null, table: 'post', from: 'body', to: 'content' },
      { kind: 'renameTable', schema: null, from: 'user', to: 'account' },
      { kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { nullable: true }, previous: { nullable: false } },
      { kind: 'createIndex', schema: null, table: 'post', index: { name: 'ix_post_summary', columns: ['summary'], expressions: null, unique: false, where: null, method: null } },
      { kind: 'setTableComment', schema: null, table: 'post', comment: 'posts', previous: null },
    ];
    const end = applyOperations(start, ops);
    assert.deepStrictEqual(applyOperations(end, reverseAll(ops)), start);
  });
});
