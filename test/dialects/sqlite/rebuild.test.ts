// SQLite table rebuilds of src/operations, end to end through the engine on database files, with
// the SQLite dialect's own DDL compiler and introspector: the runner's contract (PRAGMA
// foreign_keys=OFF before the transaction, restored after) keeps the rows of ON DELETE CASCADE
// children; a rebuilt table keeps its rows, indexes, checks and foreign keys; compare() of the
// models against the migrated database is empty afterwards.
import assert from 'node:assert/strict';
import { after, beforeEach, it } from 'node:test';
import { compare } from '../../../src/autogenerate/index.js';
import { IntegrityCheckError } from '../../../src/errors/index.js';
import { createEngine, type Engine } from '../../../src/index.js';
import { compileRebuild, MigrationContext, OnlineSchemaState, ExecutorSink, type Operation } from '../../../src/operations/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { column, CheckConstraint, Index, MetaData, Table, UniqueConstraint } from '../../../src/schema/index.js';
import { forSqlite, masterSql } from './helpers.js';

/** v1: author <- post (ON DELETE CASCADE) <- comment (ON DELETE CASCADE). */
function v1(): MetaData {
  const metadata = new MetaData();
  new Table(metadata, 'author', {
    id: column.integer().primaryKey(),
    email: column.string(100).notNull().unique(),
    name: column.string(50),
  });
  return withChildren(metadata);
}

/** The child tables post and comment (ON DELETE CASCADE to author, then post), the same in v1 and v2. */
function withChildren(metadata: MetaData): MetaData {
  new Table(metadata, 'post', {
    id: column.integer().primaryKey(),
    authorId: column.integer().notNull().references('author.id', { onDelete: 'cascade' }).index(),
    title: column.string(200).notNull(),
    body: column.text(),
  }, new CheckConstraint("length(title) > 0", 'ck_post_title'), new Index('ix_post_lower_title', ['title']));
  new Table(metadata, 'comment', {
    id: column.integer().primaryKey(),
    postId: column.integer().notNull().references('post.id', { onDelete: 'cascade' }),
    text: column.text().notNull(),
  });
  return metadata;
}

/** v2: the parent author is rebuilt (type, NOT NULL, check, new column, unique dropped and re-added wider). */
function v2(): MetaData {
  const metadata = new MetaData();
  new Table(metadata, 'author', {
    id: column.integer().primaryKey(),
    email: column.string(320).notNull(),
    name: column.string(50).notNull().serverDefault('anonymous'),
    joinedAt: column.dateTime().notNull().serverDefault('2020-01-01 00:00:00'),
  }, new UniqueConstraint(['email', 'name'], { name: 'uq_author_email_name' }), new CheckConstraint("email LIKE '%@%'", 'ck_author_email'));
  return withChildren(metadata);
}

const count = async (engine: Engine, table: string): Promise<number> =>
  (await engine.execute<{ n: number }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!.n;

/** Runs ops as a migration runner must on SQLite: foreign keys OFF before BEGIN, back ON after COMMIT / ROLLBACK. */
async function migrate(engine: Engine, ops: readonly Operation[], options: { foreignKeysOff?: boolean } = {}): Promise<readonly string[]> {
  return engine.withConnection(async (conn) => {
    if (options.foreignKeysOff ?? true) await conn.execute('PRAGMA foreign_keys = OFF');
    try {
      return await conn.transaction(async (tx) => {
        const ctx = new MigrationContext({ dialect: tx.dialect, sink: new ExecutorSink(tx), state: new OnlineSchemaState(tx) });
        await ctx.batch(async () => {
          for (const op of ops) await ctx.run(op);
        });
        return ctx.statements.map((s) => s.sql);
      });
    } finally {
      await conn.execute('PRAGMA foreign_keys = ON');
    }
  });
}

forSqlite('SQLite table rebuilds through the engine', (ctx) => {
  let engine: Engine;
  beforeEach(async () => {
    await engine?.dispose();
    engine = createEngine(await ctx.freshUrl('rebuild'));
    await v1().createAll(engine);
    await engine.execute(`
      INSERT INTO author (id, email, name) VALUES (1, 'a@x.org', 'Ann'), (2, 'b@x.org', 'Bob');
      INSERT INTO post (id, author_id, title, body) VALUES (10, 1, 't10', 'b10'), (11, 1, 't11', NULL), (12, 2, 't12', 'b12');
      INSERT INTO comment (id, post_id, text) VALUES (100, 10, 'c100'), (101, 11, 'c101'), (102, 12, 'c102');`);
  });
  after(() => engine.dispose());

  it('rebuilds the parent of ON DELETE CASCADE children without losing a child row, and converges', async () => {
    const ops = compare(v2().snapshot(engine.dialect), await inspect(engine), { dialect: engine.dialect });
    assert.ok(ops.length > 0);
    const ran = await migrate(engine, ops);
    assert.equal(ran.filter((s) => s.startsWith('CREATE TABLE "_retort_tmp_author"')).length, 1, `one rebuild of author:\n${ran.join(';\n')}`);
    assert.ok(!ran.some((s) => /_retort_tmp_(post|comment)/.test(s)), 'children are not rebuilt');
    assert.deepEqual([await count(engine, 'author'), await count(engine, 'post'), await count(engine, 'comment')], [2, 3, 3]);
    assert.deepEqual((await engine.execute('SELECT id, email, name, joined_at FROM author ORDER BY id')).rows, [
      { id: 1, email: 'a@x.org', name: 'Ann', joined_at: '2020-01-01 00:00:00' },
      { id: 2, email: 'b@x.org', name: 'Bob', joined_at: '2020-01-01 00:00:00' },
    ]);
    assert.deepEqual(compare(v2().snapshot(engine.dialect), await inspect(engine), { dialect: engine.dialect }), [], 'converged');
    assert.deepEqual((await engine.execute('PRAGMA foreign_key_check')).rows, []);
    // the cascade still runs through the rebuilt parent, and its new check holds
    await assert.rejects(engine.execute("INSERT INTO author (id, email) VALUES (3, 'nope')"), /CHECK constraint failed: ck_author_email/);
    await engine.execute('DELETE FROM author WHERE id = 1');
    assert.deepEqual([await count(engine, 'post'), await count(engine, 'comment')], [1, 1]);
  });

  it('a rebuilt child keeps its rows, indexes, checks and foreign keys', async () => {
    const ops: Operation[] = [
      { kind: 'alterColumn', schema: null, table: 'post', name: 'body', changes: { type: { kind: 'string', length: 500 }, nullable: true } },
      { kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { default: { kind: 'literal', value: 'untitled' } } },
    ];
    const ran = await migrate(engine, ops);
    assert.equal(ran.filter((s) => s.startsWith('CREATE TABLE "_retort_tmp_post"')).length, 1);
    assert.deepEqual((await engine.execute('SELECT id, author_id, title, body FROM post ORDER BY id')).rows, [
      { id: 10, author_id: 1, title: 't10', body: 'b10' }, { id: 11, author_id: 1, title: 't11', body: null }, { id: 12, author_id: 2, title: 't12', body: 'b12' },
    ]);
    assert.equal(await count(engine, 'comment'), 3, 'grandchildren survive the drop of their parent');
    const text = (await masterSql(engine, 'post')) ?? '';
    assert.match(text, /"body" VARCHAR\(500\)/);
    assert.match(text, /"title" VARCHAR\(200\) DEFAULT 'untitled' NOT NULL/);
    assert.match(text, /CONSTRAINT "ck_post_title" CHECK \(length\(title\) > 0\)/);
    assert.match(text, /CONSTRAINT "fk_post_author_id_author" FOREIGN KEY \("author_id"\) REFERENCES "author" \("id"\) ON DELETE CASCADE/);
    const indexes = (await engine.execute<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'post' ORDER BY name")).rows;
    assert.deepEqual(indexes.map((r) => r.name), ['ix_post_author_id', 'ix_post_lower_title']);
    const after = (await inspect(engine, { include: ['post'] })).tables[0]!;
    assert.equal(after.columns.find((c) => c.name === 'id')!.autoincrement, true, 'the key is still the rowid');
    assert.deepEqual(after.checks, [{ name: 'ck_post_title', expression: 'length(title) > 0' }]);
    await engine.execute('DELETE FROM author WHERE id = 2');
    assert.deepEqual([await count(engine, 'post'), await count(engine, 'comment')], [2, 2], 'the cascade through the rebuilt child still runs');
  });

  it('in-place ops use ALTER TABLE, and a rebuild is one transaction with them', async () => {
    const ran = await migrate(engine, [
      { kind: 'addColumn', schema: null, table: 'comment', column: { name: 'score', type: { kind: 'integer' }, nullable: false, default: { kind: 'literal', value: 0 }, autoincrement: false, comment: null } },
      { kind: 'renameColumn', schema: null, table: 'comment', from: 'text', to: 'content' },
      { kind: 'createIndex', schema: null, table: 'comment', index: { name: 'ix_comment_score', columns: ['score'], expressions: null, unique: false, where: 'score > 0', method: null } },
      { kind: 'dropIndex', schema: null, table: 'post', name: 'ix_post_lower_title' },
    ]);
    assert.deepEqual(ran, [
      'ALTER TABLE "comment" ADD COLUMN "score" INTEGER DEFAULT 0 NOT NULL',
      'ALTER TABLE "comment" RENAME COLUMN "text" TO "content"',
      'CREATE INDEX "ix_comment_score" ON "comment" ("score") WHERE score > 0',
      'DROP INDEX "ix_post_lower_title"',
    ]);
    assert.deepEqual((await engine.execute('SELECT id, content, score FROM comment WHERE id = 100')).rows, [{ id: 100, content: 'c100', score: 0 }]);
  });

  it('with foreign keys ON the rebuild refuses before it touches data, and everything rolls back', async () => {
    const ops: Operation[] = [
      { kind: 'addColumn', schema: null, table: 'comment', column: { name: 'n', type: { kind: 'integer' }, nullable: true, default: null, autoincrement: false, comment: null } },
      { kind: 'addCheck', schema: null, table: 'author', check: { name: 'ck_author_email', expression: "email LIKE '%@%'" } },
    ];
    await assert.rejects(migrate(engine, ops, { foreignKeysOff: false }), (e: unknown) => e instanceof IntegrityCheckError && /needs PRAGMA foreign_keys=OFF/.test(e.message));
    assert.deepEqual([await count(engine, 'author'), await count(engine, 'post'), await count(engine, 'comment')], [2, 3, 3]);
    assert.doesNotMatch((await masterSql(engine, 'comment')) ?? '', /"n" INTEGER/, 'the ADD COLUMN before the rebuild rolled back');
  });

  it('a NOT NULL column without a default is added to an empty table by a rebuild (the downgrade of its drop); a table with rows refuses it, untouched', async () => {
    const notNull = (table: string): Operation => ({ kind: 'addColumn', schema: null, table, column: { name: 'code', type: { kind: 'string', length: 10 }, nullable: false, default: null, autoincrement: false, comment: null } });
    await engine.execute('CREATE TABLE tag (id INTEGER PRIMARY KEY, label TEXT)');
    const ran = await migrate(engine, [notNull('tag')]);
    assert.ok(ran.some((s) => s.startsWith('CREATE TABLE "_retort_tmp_tag"')), ran.join(';\n'));
    assert.match((await masterSql(engine, 'tag')) ?? '', /"code" VARCHAR\(10\) NOT NULL/);
    await assert.rejects(
      migrate(engine, [notNull('comment')]),
      (e: unknown) => e instanceof IntegrityCheckError && /addColumn comment\.code: cannot add a NOT NULL column without a server default to a table that has rows/.test(e.message),
    );
    assert.doesNotMatch((await masterSql(engine, 'comment')) ?? '', /"code"/);
    assert.equal(await count(engine, 'comment'), 3);
  });

  it('a rebuild that would orphan rows fails foreign_key_check and rolls back', async () => {
    await engine.execute('PRAGMA foreign_keys = OFF');
    await engine.execute("INSERT INTO post (id, author_id, title) VALUES (99, 42, 'orphan')");
    await engine.execute('PRAGMA foreign_keys = ON');
    await assert.rejects(
      migrate(engine, [{ kind: 'alterColumn', schema: null, table: 'post', name: 'body', changes: { type: { kind: 'string', length: 50 } } }]),
      (e: unknown) => e instanceof IntegrityCheckError && /some of its rows refer to rows that do not exist/.test(e.message),
    );
    assert.match((await masterSql(engine, 'post')) ?? '', /"body" TEXT,/);
    assert.equal(await count(engine, 'post'), 4);
  });

  it('keeps the triggers and generated columns it reads (created again; the trigger still fires)', async () => {
    await engine.execute('CREATE TABLE author_log (author_id INTEGER, name TEXT)');
    await engine.execute('CREATE TRIGGER author_touch AFTER UPDATE OF name ON author BEGIN INSERT INTO author_log VALUES (new.id, new.name); END');
    // added behind retort's back, but the online schema state reads them: the rebuild recreates them
    await engine.execute('ALTER TABLE author ADD COLUMN shout TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL');
    const change: Operation[] = [{ kind: 'alterColumn', schema: null, table: 'author', name: 'name', changes: { nullable: false, default: { kind: 'literal', value: 'x' } } }];
    await migrate(engine, change);
    assert.match((await masterSql(engine, 'author')) ?? '', /"shout" TEXT GENERATED ALWAYS AS \(upper\(name\)\) VIRTUAL/);
    assert.deepEqual((await engine.execute('SELECT id, name, shout FROM author ORDER BY id')).rows, [{ id: 1, name: 'Ann', shout: 'ANN' }, { id: 2, name: 'Bob', shout: 'BOB' }]);
    await engine.execute("UPDATE author SET name = 'Anne' WHERE id = 1");
    assert.deepEqual((await engine.execute('SELECT author_id, name FROM author_log')).rows, [{ author_id: 1, name: 'Anne' }]);
    await engine.execute('DROP TRIGGER author_touch');
  });

  it('refuses to rebuild a table with a trigger its definition does not know (offline state), leaving it as it was', async () => {
    const known = (await inspect(engine, { include: ['author'] })).tables[0]!;
    await engine.execute('CREATE TRIGGER author_later AFTER UPDATE ON author BEGIN SELECT 1; END');
    const guard = compileRebuild(engine.dialect, known, [{ kind: 'alterColumn', schema: null, table: 'author', name: 'name', changes: { nullable: true } }])[1]!;
    const problems = await engine.execute(guard.sql);
    assert.deepEqual(problems.rows, [{ problem: 'trigger author_later' }]);
    assert.match(guard.expectMessage ?? '', /its triggers, its generated columns/);
    await engine.execute('DROP TRIGGER author_later');
  });

  it('a rebuild of a table that a view reads', async () => {
    await engine.execute('CREATE VIEW author_names AS SELECT name FROM author');
    await migrate(engine, [{ kind: 'alterColumn', schema: null, table: 'author', name: 'name', changes: { nullable: false, default: { kind: 'literal', value: '?' } } }]);
    assert.equal((await engine.execute('SELECT * FROM author_names')).rows.length, 2);
  });
});
