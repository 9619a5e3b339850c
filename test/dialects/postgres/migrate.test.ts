// Convergence on PostgreSQL through the ops layer: compare a changed model with the reflected
// database, compile the ops with this dialect's DDL compiler, run them on the database with rows
// in it, reflect again: nothing left to change, and the rows are still there. Then back down with
// the reversed ops.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { compare } from '../../../src/autogenerate/index.js';
import { createEngine, type Engine } from '../../../src/index.js';
import { compileOperations, reverseAll } from '../../../src/operations/index.js';
import type { Operation } from '../../../src/operations/index.js';
import { inspect } from '../../../src/reflect/inspect.js';
import { CheckConstraint, column, Index, MetaData, Table } from '../../../src/schema/index.js';
import type { SchemaSnapshot } from '../../../src/schema/snapshot.js';
import { sql } from '../../../src/sql/sql.js';
import { describePostgres } from './helpers.js';

function v1(): MetaData {
  const md = new MetaData({ schema: 'app' });
  new Table(md, 'author', {
    id: column.integer().primaryKey(),
    name: column.string(50).notNull(),
  });
  new Table(md, 'post', {
    id: column.integer().primaryKey(),
    authorId: column.integer(),
    title: column.string(100).notNull(),
    views: column.string(10).serverDefault('0'),
    status: column.string(20).notNull().serverDefault('draft'),
    legacy: column.text(),
    mood: column.enum(['calm', 'angry'], { name: 'mood' }),
  });
  return md;
}

function v2(): MetaData {
  const md = new MetaData({ schema: 'app' });
  new Table(md, 'author', {
    id: column.integer().primaryKey(),
    name: column.string(80).notNull().comment('display name'),
    email: column.string(200),
  }, { comment: 'people who write' }, new Index('ix_author_email', [sql`lower(email)`], { unique: true, where: 'email IS NOT NULL' }));
  new Table(md, 'post', {
    id: column.integer().primaryKey(),
    authorId: column.integer().references('author.id', { onDelete: 'cascade', deferrable: true }),
    title: column.text().notNull(),
    views: column.integer().notNull().serverDefault(0),
    status: column.enum(['draft', 'published'], { name: 'post_status' }).notNull().serverDefault('draft'),
    mood: column.enum(['calm', 'happy', 'angry'], { name: 'mood' }),
    publishedAt: column.timestamptz({ precision: 3 }).serverDefault(sql`now()`),
  }, new CheckConstraint("views >= 0 AND status IN ('draft', 'published')", 'ck_post_views'), new Index('ix_post_author', ['authorId']));
  return md;
}

describePostgres('migrating a schema with rows through the ops layer', (ctx) => {
  let engine: Engine;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('pg_migrate'));
    await engine.execute('CREATE SCHEMA app');
    await v1().createAll(engine);
    await engine.execute(`INSERT INTO app.author (name) VALUES ('ann'), ('bob');
      INSERT INTO app.post (author_id, title, views, status, legacy, mood) VALUES (1, 'one', '12', 'draft', 'x', 'calm'), (2, 'two', '7', 'published', NULL, 'angry')`);
  });
  after(() => engine.dispose());

  async function run(ops: readonly Operation[], from: SchemaSnapshot): Promise<string[]> {
    const statements = compileOperations(ops, { dialect: engine.dialect, snapshot: from });
    // ALTER TYPE ... ADD VALUE cannot be used in the transaction that adds it: run those first, alone
    for (const s of statements.filter((x) => !x.transactional)) await engine.execute(s.sql);
    await engine.transaction(async (tx) => {
      for (const s of statements.filter((x) => x.transactional)) await tx.execute(s.sql);
    });
    return statements.map((s) => s.sql);
  }

  it('upgrades to the new model: compare is empty afterwards and the rows are kept', async () => {
    const before = await inspect(engine, { schema: 'app' });
    const target = v2().snapshot(engine.dialect);
    const ops = compare(target, before, { dialect: engine.dialect });
    assert.ok(ops.length > 10, `${ops.length} ops`);
    const sqls = await run(ops, before);
    assert.ok(sqls.some((s) => s.includes('ALTER COLUMN "views" TYPE INTEGER USING "views"::INTEGER')), sqls.join('\n'));
    assert.ok(sqls.some((s) => s.startsWith(`ALTER TYPE "app"."mood" ADD VALUE 'happy'`)), sqls.join('\n'));
    const after = await inspect(engine, { schema: 'app' });
    assert.deepEqual(compare(target, after, { dialect: engine.dialect }), []);
    assert.deepEqual((await engine.execute('SELECT title, views, status::text, mood::text FROM app.post ORDER BY id')).rows, [
      { title: 'one', views: 12, status: 'draft', mood: 'calm' },
      { title: 'two', views: 7, status: 'published', mood: 'angry' },
    ]);
  });

  it('downgrades with the reversed ops back to the first model', async () => {
    const current = await inspect(engine, { schema: 'app' });
    const target = v2().snapshot(engine.dialect);
    const before = v1().snapshot(engine.dialect);
    const up = compare(target, before, { dialect: engine.dialect });
    await run(reverseAll(up), current);
    const after = await inspect(engine, { schema: 'app' });
    assert.deepEqual(compare(before, after, { dialect: engine.dialect }), []);
    assert.deepEqual((await engine.execute('SELECT title, views, status FROM app.post ORDER BY id')).rows, [
      { title: 'one', views: '12', status: 'draft' },
      { title: 'two', views: '7', status: 'published' },
    ]);
  });
});
