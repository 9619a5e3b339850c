import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OperationError } from '../../src/errors/index.js';
import { applyOperation } from '../../src/operations/apply.js';
import { compileOperation, compileOperations, needsSnapshot, needsTable } from '../../src/operations/compile.js';
import type { Operation } from '../../src/operations/operation.js';
import { reverse } from '../../src/operations/reverse.js';
import type { Statement } from '../../src/operations/statement.js';
import { sqliteDialect } from '../../src/dialects/index.js';
import { blogSnapshot, col, recordingDialect, snap, str, tbl } from './helpers.js';

const pg = recordingDialect('postgresql');
const mysql = recordingDialect('mysql');
const sqlite = recordingDialect('sqlite');
const blog = blogSnapshot();
const post = blog.tables.find((t) => t.name === 'post')!;
const user = blog.tables.find((t) => t.name === 'user')!;
const sqls = (list: Statement[]): string[] => list.map((s) => s.sql);
const throwsOp = (fn: () => unknown, message: RegExp): void => {
  assert.throws(fn, (e: unknown) => e instanceof OperationError && message.test(e.message));
};

describe('compileOperation: in place (PostgreSQL-like)', () => {
  const cases: [Operation, string[]][] = [
    [{ kind: 'createTable', table: post }, ['CREATE TABLE post (id, author_id, title, body)', 'CREATE INDEX ix_post_author_id ON post (author_id)', 'CREATE INDEX ix_post_lower_title ON post (lower("title"))']],
    [{ kind: 'createTable', table: post, omitForeignKeys: ['fk_post_author_id_user'] }, ['CREATE TABLE post (id, author_id, title, body) WITHOUT FK fk_post_author_id_user', 'CREATE INDEX ix_post_author_id ON post (author_id)', 'CREATE INDEX ix_post_lower_title ON post (lower("title"))']],
    [{ kind: 'dropTable', schema: null, name: 'post' }, ['DROP TABLE post']],
    [{ kind: 'renameTable', schema: 'app', from: 'post', to: 'article' }, ['RENAME TABLE app.post TO article']],
    [{ kind: 'setTableComment', schema: null, table: 'post', comment: 'posts' }, ['COMMENT ON TABLE post IS posts']],
    [{ kind: 'addColumn', schema: null, table: 'post', column: col('summary', str(300)) }, ['ADD COLUMN post.summary']],
    [{ kind: 'dropColumn', schema: null, table: 'post', name: 'body', column: post.columns[3]! }, ['DROP COLUMN post.body']],
    [{ kind: 'createIndex', schema: null, table: 'post', index: post.indexes[0]! }, ['CREATE INDEX ix_post_author_id ON post (author_id)']],
    [{ kind: 'dropIndex', schema: null, table: 'post', name: 'ix_post_author_id', index: post.indexes[0]! }, ['DROP INDEX ix_post_author_id ON post']],
    [{ kind: 'addPrimaryKey', schema: null, table: 'post', primaryKey: { name: 'pk_post', columns: ['id'] } }, ['ADD PRIMARY KEY pk_post ON post (id)']],
    [{ kind: 'addForeignKey', schema: null, table: 'post', foreignKey: post.foreignKeys[0]! }, ['ADD FOREIGN KEY fk_post_author_id_user ON post (author_id) -> user']],
    [{ kind: 'addUnique', schema: null, table: 'post', unique: { name: 'uq', columns: ['title'] } }, ['ADD UNIQUE uq ON post (title)']],
    [{ kind: 'addCheck', schema: null, table: 'post', check: { name: 'ck', expression: 'id > 0' } }, ['ADD CHECK ck ON post (id > 0)']],
    [{ kind: 'createEnum', enum: { name: 'post_status', schema: null, values: ['a', 'b'] } }, ['CREATE TYPE post_status (a, b)']],
    [{ kind: 'dropEnum', schema: null, name: 'post_status' }, ['DROP TYPE post_status']],
    [{ kind: 'execute', sql: 'UPDATE post SET body = NULL' }, ['UPDATE post SET body = NULL']],
  ];
  for (const [op, expected] of cases) {
    test(`${op.kind} maps to the DDL compiler without reading the table`, () => {
      assert.equal(needsTable(op, pg), false);
      const out = compileOperation(op, { dialect: pg });
      assert.deepEqual(sqls(out), expected);
      assert.ok(out.every((s) => s.transactional && s.expect === undefined));
    });
  }

  test('ops naming what they do not carry use the table definition', () => {
    const withTable: [Operation, string[]][] = [
      [{ kind: 'renameColumn', schema: null, table: 'post', from: 'body', to: 'content' }, ['RENAME COLUMN post.body TO content']],
      [{ kind: 'dropColumn', schema: null, table: 'post', name: 'body' }, ['DROP COLUMN post.body']],
      [{ kind: 'dropIndex', schema: null, table: 'post', name: 'ix_post_author_id' }, ['DROP INDEX ix_post_author_id ON post']],
      [{ kind: 'dropPrimaryKey', schema: null, table: 'post', name: 'pk_post' }, ['DROP PRIMARY KEY pk_post ON post']],
      [{ kind: 'dropForeignKey', schema: null, table: 'post', name: 'fk_post_author_id_user' }, ['DROP FOREIGN KEY fk_post_author_id_user ON post']],
      [{ kind: 'dropCheck', schema: null, table: 'post', name: 'ck_post_title' }, ['DROP CHECK ck_post_title ON post']],
      [{ kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { nullable: true, type: str(300) } },
        ['ALTER COLUMN post.title nullable,type -> {"type":{"kind":"string","length":300},"nullable":true,"default":null}']],
    ];
    for (const [op, expected] of withTable) {
      assert.equal(needsTable(op, pg), true, op.kind);
      assert.deepEqual(sqls(compileOperation(op, { dialect: pg, table: post })), expected);
      throwsOp(() => compileOperation(op, { dialect: pg }), /needs the current definition of table "post"/);
    }
    throwsOp(() => compileOperation(withTable[0]![0], { dialect: pg, table: user }), /was given the definition of table "user"/);
    throwsOp(() => compileOperation({ kind: 'dropUnique', schema: null, table: 'post', name: 'nope' }, { dialect: pg, table: post }), /no unique constraint named "nope"/);
    throwsOp(() => compileOperation({ kind: 'renameColumn', schema: null, table: 'post', from: 'nope', to: 'x' }, { dialect: pg, table: post }), /no column "nope"/);
  });

  test('a table given for an op that does not need it is ignored (the SQL depends on the op only)', () => {
    const op: Operation = { kind: 'dropTable', schema: null, name: 'post' };
    assert.deepEqual(compileOperation(op, { dialect: pg, table: post }), compileOperation(op, { dialect: pg }));
  });

  test('enum ADD VALUE is non-transactional; raw SQL that must run outside a transaction is flagged', () => {
    const out = compileOperation({ kind: 'addEnumValue', schema: null, name: 'post_status', value: 'archived', after: 'published' }, { dialect: pg });
    assert.deepEqual(out, [{ sql: 'ALTER TYPE post_status ADD VALUE archived AFTER published', transactional: false }]);
    const flagged = (sql: string): boolean => !compileOperation({ kind: 'execute', sql }, { dialect: pg })[0]!.transactional;
    assert.equal(flagged('CREATE INDEX CONCURRENTLY ix ON post (title)'), true);
    assert.equal(flagged('create unique index concurrently ix on post (title)'), true);
    assert.equal(flagged("ALTER TYPE post_status ADD VALUE 'x'"), true);
    assert.equal(flagged('UPDATE post SET title = 1'), false);
  });

  test('dropEnumValue recreates the type and converts every column using it', () => {
    const status = { kind: 'enum', name: 'post_status', values: ['draft', 'published', 'archived'] } as const;
    const s = snap([
      tbl('post', [col('id'), col('status', status, { default: { kind: 'literal', value: 'draft' } })]),
      tbl('audit', [col('states', { kind: 'array', of: status })]),
    ], { enums: [{ name: 'post_status', schema: null, values: ['draft', 'published', 'archived'] }] });
    const op: Operation = { kind: 'dropEnumValue', schema: null, name: 'post_status', value: 'archived' };
    assert.equal(needsSnapshot(op, pg), true);
    assert.deepEqual(sqls(compileOperation(op, { dialect: pg, snapshot: s })), [
      'ALTER TYPE post_status RENAME TO "_retort_old_post_status"',
      'CREATE TYPE post_status (draft, published)',
      'ALTER TABLE post ALTER COLUMN "status" DROP DEFAULT',
      'ALTER TABLE post ALTER COLUMN "status" TYPE "post_status" USING "status"::text::"post_status"',
      'ALTER COLUMN post.status default -> {"type":{"kind":"enum","name":"post_status","values":["draft","published"]},"nullable":true,"default":{"kind":"literal","value":"draft"}}',
      'ALTER TABLE audit ALTER COLUMN "states" TYPE enum[] USING "states"::text[]::enum[]',
      'DROP TYPE _retort_old_post_status',
    ]);
    throwsOp(() => compileOperation(op, { dialect: pg }), /needs the whole schema/);
    assert.equal(needsSnapshot(op, mysql), false);
    assert.deepEqual(compileOperation(op, { dialect: mysql }), [], 'inline enums: nothing at the type level');
    assert.deepEqual(compileOperation({ kind: 'createEnum', enum: { name: 'e', schema: null, values: [] } }, { dialect: mysql }), []);
  });

  test('MySQL restates columns: alterColumn needs the table there too', () => {
    assert.equal(needsTable({ kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { nullable: true } }, mysql), true);
    assert.equal(needsTable({ kind: 'addForeignKey', schema: null, table: 'post', foreignKey: post.foreignKeys[0]! }, mysql), false);
  });

  test('MySQL: dropIndex finds a unique index that reflection reports as a unique constraint', () => {
    const op: Operation = { kind: 'dropIndex', schema: null, table: 'user', name: 'uq_user_email' };
    assert.deepEqual(sqls(compileOperation(op, { dialect: mysql, table: user })), ['DROP INDEX uq_user_email ON user']);
    assert.deepEqual(applyOperation(blog, op).tables.find((t) => t.name === 'user')?.uniques, []);
    // where a unique constraint is not an index, it is not an index either
    throwsOp(() => compileOperation(op, { dialect: pg, table: user }), /no index named "uq_user_email"/);
  });
});

const UNMODELLED_GUARD_POST =
  "SELECT 'trigger ' || name AS problem FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'post' " +
  "UNION ALL SELECT 'generated column ' || name FROM pragma_table_xinfo('post') WHERE hidden IN (2, 3)";

const REBUILD_POST_TAIL = [
  'DROP TABLE post',
  'PRAGMA legacy_alter_table=ON',
  'RENAME TABLE _retort_tmp_post TO post',
  'PRAGMA legacy_alter_table=OFF',
];

describe('compileOperation: SQLite table rebuilds', () => {
  test('alterColumn rebuilds: guard, new table, copy, drop, rename, indexes, the views checked, foreign_key_check last', () => {
    const op: Operation = { kind: 'alterColumn', schema: null, table: 'post', name: 'body', changes: { nullable: false } };
    assert.equal(needsTable(op, sqlite), true);
    const out = compileOperation(op, { dialect: sqlite, table: post });
    assert.deepEqual(sqls(out), [
      "SELECT 'foreign_keys is ON' AS problem FROM pragma_foreign_keys WHERE foreign_keys",
      UNMODELLED_GUARD_POST,
      'CREATE TABLE _retort_tmp_post (id, author_id, title, body)',
      'INSERT INTO _retort_tmp_post ("id", "author_id", "title", "body") SELECT "id", "author_id", "title", "body" FROM post',
      ...REBUILD_POST_TAIL,
      'CREATE INDEX ix_post_author_id ON post (author_id)',
      'CREATE INDEX ix_post_lower_title ON post (lower("title"))',
      'ALTER TABLE post RENAME COLUMN "id" TO id',
      'PRAGMA foreign_key_check("post")',
    ]);
    assert.equal(out[0]!.expect, 'noRows');
    assert.match(out[0]!.expectMessage!, /needs PRAGMA foreign_keys=OFF/);
    assert.equal(out[1]!.expect, 'noRows');
    assert.match(out[1]!.expectMessage!, /would lose .* \(its triggers, its generated columns\)/);
    assert.equal(out.at(-1)!.expect, 'noRows');
    assert.ok(out.every((s) => s.transactional));
  });

  test('constraint changes rebuild; the new shape has them', () => {
    for (const op of [
      { kind: 'addUnique', schema: null, table: 'post', unique: { name: 'uq', columns: ['title'] } },
      { kind: 'dropForeignKey', schema: null, table: 'post', name: 'fk_post_author_id_user' },
      { kind: 'addCheck', schema: null, table: 'post', check: { name: 'ck', expression: 'id > 0' } },
      { kind: 'dropPrimaryKey', schema: null, table: 'post', name: 'pk_post' },
    ] satisfies Operation[]) {
      assert.equal(needsTable(op, sqlite), true);
      assert.equal(compileOperation(op, { dialect: sqlite, table: post })[2]!.sql, 'CREATE TABLE _retort_tmp_post (id, author_id, title, body)');
    }
  });

  test('what SQLite does in place stays in place', () => {
    const inPlace: [Operation, string[]][] = [
      [{ kind: 'addColumn', schema: null, table: 'post', column: col('summary', str(300)) }, ['ADD COLUMN post.summary']],
      [{ kind: 'addColumn', schema: null, table: 'post', column: col('n', { kind: 'integer' }, { nullable: false, default: { kind: 'expression', sql: "'0'" } }) }, ['ADD COLUMN post.n']],
      [{ kind: 'renameColumn', schema: null, table: 'post', from: 'body', to: 'content' }, ['RENAME COLUMN post.body TO content']],
      [{ kind: 'dropColumn', schema: null, table: 'post', name: 'body' }, ['DROP COLUMN post.body']],
      [{ kind: 'createIndex', schema: null, table: 'post', index: { ...post.indexes[0]!, name: 'ix2' } }, ['CREATE INDEX ix2 ON post (author_id)']],
      [{ kind: 'setTableComment', schema: null, table: 'post', comment: 'x' }, []],
      [{ kind: 'alterColumn', schema: null, table: 'post', name: 'body', changes: { comment: 'markdown' } }, []],
    ];
    for (const [op, expected] of inPlace) assert.deepEqual(sqls(compileOperation(op, { dialect: sqlite, table: post })), expected, op.kind);
  });

  test('dropColumn of a column in an index or constraint rebuilds without it, dropping them', () => {
    const out = sqls(compileOperation({ kind: 'dropColumn', schema: null, table: 'post', name: 'title' }, { dialect: sqlite, table: post }));
    assert.deepEqual(out.slice(2), [
      'CREATE TABLE _retort_tmp_post (id, author_id, body)',
      'INSERT INTO _retort_tmp_post ("id", "author_id", "body") SELECT "id", "author_id", "body" FROM post',
      ...REBUILD_POST_TAIL,
      'CREATE INDEX ix_post_author_id ON post (author_id)',
      'ALTER TABLE post RENAME COLUMN "id" TO id',
      'PRAGMA foreign_key_check("post")',
    ]);
  });

  test('addColumn with a non-constant default rebuilds; NOT NULL without default rebuilds an empty table only (a guard with a clear message)', () => {
    const ts = col('created_at', { kind: 'datetime', timezone: false }, { default: { kind: 'expression', sql: 'CURRENT_TIMESTAMP' } });
    const op: Operation = { kind: 'addColumn', schema: null, table: 'post', column: ts };
    assert.equal(needsTable(op, sqlite), true);
    assert.deepEqual(sqls(compileOperation(op, { dialect: sqlite, table: post })).slice(2, 4), [
      'CREATE TABLE _retort_tmp_post (id, author_id, title, body, created_at)',
      'INSERT INTO _retort_tmp_post ("id", "author_id", "title", "body") SELECT "id", "author_id", "title", "body" FROM post',
    ]);
    const notNull: Operation = { kind: 'addColumn', schema: null, table: 'post', column: col('n', { kind: 'integer' }, { nullable: false }) };
    const guarded = compileOperation(notNull, { dialect: sqlite, table: post });
    const guard = guarded.find((s) => s.sql.startsWith("SELECT 'a row'"));
    assert.ok(guard && guard.expect === 'noRows', sqls(guarded).join('\n'));
    assert.match(guard.expectMessage ?? '', /addColumn post\.n: cannot add a NOT NULL column without a server default to a table that has rows/);
  });

  test('a rebuild that drops the key of the rowid column keeps it as a plain column; the next one with the key makes it the rowid again', () => {
    const real = sqliteDialect;
    const item = tbl('item', [col('id', { kind: 'integer' }, { nullable: false, autoincrement: true }), col('label', str(20))], { primaryKey: { name: 'pk_item', columns: ['id'] } });
    const out = sqls(compileOperations([
      { kind: 'dropPrimaryKey', schema: null, table: 'item', name: 'pk_item' },
      { kind: 'renameTable', schema: null, from: 'item', to: 'thing' },
      { kind: 'addPrimaryKey', schema: null, table: 'thing', primaryKey: { name: 'pk_thing', columns: ['id'] } },
    ], { dialect: real, snapshot: snap([item]) }));
    const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')');
    assert.deepEqual(out.filter((s) => s.startsWith('CREATE TABLE')).map(oneLine), [
      'CREATE TABLE "_retort_tmp_item" ("id" INTEGER NOT NULL, "label" VARCHAR(20))',
      'CREATE TABLE "_retort_tmp_thing" ("id" INTEGER NOT NULL, "label" VARCHAR(20), CONSTRAINT "pk_thing" PRIMARY KEY ("id"))',
    ]);
    // autoincrement asked for anew on a column that is not the key is still refused
    throwsOp(() => compileOperations([{ kind: 'alterColumn', schema: null, table: 'item', name: 'label', changes: { autoincrement: true, type: { kind: 'integer' } } }],
      { dialect: real, snapshot: snap([item]) }), /cannot autoincrement/);
  });
});

describe('compileOperations', () => {
  test('consecutive ops on one table share one rebuild; a rename ends it and runs in place (SQLite rewrites the views and triggers naming the column)', () => {
    const ops: Operation[] = [
      { kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { type: str(300) } },
      { kind: 'addCheck', schema: null, table: 'post', check: { name: 'ck_title', expression: "title <> ''" } },
      { kind: 'renameColumn', schema: null, table: 'post', from: 'body', to: 'content' },
      { kind: 'addColumn', schema: null, table: 'post', column: col('summary', str(300)) },
      { kind: 'createIndex', schema: null, table: 'post', index: { name: 'ix_post_content', columns: ['content'], expressions: null, unique: false, where: null, method: null } },
      { kind: 'dropIndex', schema: null, table: 'post', name: 'ix_post_lower_title' },
      { kind: 'addColumn', schema: null, table: 'user', column: col('name', str(50)) },
    ];
    assert.deepEqual(sqls(compileOperations(ops, { dialect: sqlite, snapshot: blog })), [
      "SELECT 'foreign_keys is ON' AS problem FROM pragma_foreign_keys WHERE foreign_keys",
      UNMODELLED_GUARD_POST,
      'CREATE TABLE _retort_tmp_post (id, author_id, title, body)',
      'INSERT INTO _retort_tmp_post ("id", "author_id", "title", "body") SELECT "id", "author_id", "title", "body" FROM post',
      ...REBUILD_POST_TAIL,
      'CREATE INDEX ix_post_author_id ON post (author_id)',
      'CREATE INDEX ix_post_lower_title ON post (lower("title"))',
      'ALTER TABLE post RENAME COLUMN "id" TO id',
      'PRAGMA foreign_key_check("post")',
      'RENAME COLUMN post.body TO content',
      'ADD COLUMN post.summary',
      'CREATE INDEX ix_post_content ON post (content)',
      'DROP INDEX ix_post_lower_title ON post',
      'ADD COLUMN user.name',
    ]);
  });

  test('a rename on a table other tables refer to is done in place (SQLite rewrites their references), ending the run', () => {
    const ops: Operation[] = [
      { kind: 'addUnique', schema: null, table: 'user', unique: { name: 'uq_user_id', columns: ['id'] } },
      { kind: 'renameColumn', schema: null, table: 'user', from: 'email', to: 'mail' },
      { kind: 'addCheck', schema: null, table: 'user', check: { name: 'ck', expression: "mail <> ''" } },
    ];
    const out = sqls(compileOperations(ops, { dialect: sqlite, snapshot: blog }));
    assert.equal(out.filter((s) => s.startsWith('CREATE TABLE _retort_tmp_user')).length, 2);
    assert.ok(out.includes('RENAME COLUMN user.email TO mail'));
  });

  test('ops not fitting the schema are refused before any SQL', () => {
    throwsOp(() => compileOperations([{ kind: 'dropColumn', schema: null, table: 'post', name: 'nope' }], { dialect: pg, snapshot: blog }), /no column "nope"/);
  });

  test('offline compile of ops and their reverse', () => {
    const ops: Operation[] = [
      { kind: 'addColumn', schema: null, table: 'post', column: col('summary', str(300)) },
      { kind: 'createIndex', schema: null, table: 'post', index: { name: 'ix_s', columns: ['summary'], expressions: null, unique: false, where: null, method: null } },
    ];
    const after = ops.reduce(applyOperation, blog);
    const down = [...ops].reverse().map(reverse);
    assert.deepEqual(sqls(compileOperations(down, { dialect: pg, snapshot: after })), ['DROP INDEX ix_s ON post', 'DROP COLUMN post.summary']);
  });
});
