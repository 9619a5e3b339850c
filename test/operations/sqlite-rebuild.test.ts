// Table rebuilds on a real SQLite database: the data survives, child rows of ON DELETE CASCADE
// foreign keys included, when the runner follows the contract (foreign keys OFF around the
// migration's transaction); the guard and foreign_key_check fail the migration otherwise.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type Database from 'better-sqlite3';
import { IntegrityCheckError } from '../../src/errors/index.js';
import { applyOperations } from '../../src/operations/apply.js';
import { compileOperations } from '../../src/operations/compile.js';
import { MigrationContext } from '../../src/operations/context.js';
import type { Operation } from '../../src/operations/operation.js';
import { OfflineSchemaState } from '../../src/operations/schema-state.js';
import { ExecutorSink } from '../../src/operations/sinks.js';
import type { SchemaSnapshot, TableSnapshot } from '../../src/schema/snapshot.js';
import { emptySnapshot } from '../../src/schema/snapshot.js';
import { sqliteDialect } from '../../src/dialects/sqlite/index.js';
import { effectiveAlterations, needsRebuild } from '../../src/operations/sqlite-rebuild.js';
import { blogSnapshot, col, snap, str, tbl } from './helpers.js';
import { sqliteDatabase, sqliteSqlDialect } from './sqlite-sql.js';

const dialect = sqliteSqlDialect();
let db: Database.Database;
let executor: ReturnType<typeof sqliteDatabase>['executor'];
let schema: SchemaSnapshot;

/** Runs ops the way the runner must: foreign keys OFF before BEGIN, restored after COMMIT / ROLLBACK. */
async function migrate(ops: Operation[], options: { foreignKeysOff?: boolean } = {}): Promise<MigrationContext> {
  if (options.foreignKeysOff ?? true) db.pragma('foreign_keys = OFF');
  db.exec('BEGIN');
  const ctx = new MigrationContext({ dialect, sink: new ExecutorSink(executor), state: new OfflineSchemaState(schema) });
  try {
    await ctx.runAll(ops);
    db.exec('COMMIT');
    schema = applyOperations(schema, ops);
    return ctx;
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;

beforeEach(async () => {
  ({ db, executor } = sqliteDatabase(dialect));
  db.pragma('foreign_keys = ON');
  const blog = blogSnapshot();
  const creates: Operation[] = [...blog.tables].reverse().map((table) => ({ kind: 'createTable', table }));
  for (const s of compileOperations(creates, { dialect, snapshot: emptySnapshot() })) await executor.execute(s.sql);
  schema = blog;
  db.exec(`INSERT INTO "user" (id, email) VALUES (1, 'a@x'), (2, 'b@x');
    INSERT INTO post (id, author_id, title, body) VALUES (10, 1, 't10', 'b10'), (11, 1, 't11', 'b11'), (12, 2, 't12', 'b12');`);
});

describe('SQLite table rebuilds on a real database', () => {
  test('rebuilding a parent table keeps the child rows of its ON DELETE CASCADE key, and the key still works', async () => {
    const ctx = await migrate([
      { kind: 'alterColumn', schema: null, table: 'user', name: 'email', changes: { type: str(320) } },
      { kind: 'addCheck', schema: null, table: 'user', check: { name: 'ck_user_email', expression: "email LIKE '%@%'" } },
    ]);
    assert.equal(ctx.statements.filter((s) => s.sql.startsWith('CREATE TABLE "_retort_tmp_user"')).length, 1, 'one rebuild');
    assert.deepEqual([count('user'), count('post')], [2, 3]);
    const userSql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'user'").get() as { sql: string }).sql;
    assert.match(userSql, /VARCHAR\(320\)/);
    assert.match(userSql, /CHECK \(email LIKE '%@%'\)/);
    assert.throws(() => db.exec("INSERT INTO \"user\" (id, email) VALUES (3, 'nope')"), /CHECK constraint failed/);
    db.exec('DELETE FROM "user" WHERE id = 1');
    assert.equal(count('post'), 1, 'the cascade still reaches post through the rebuilt table');
  });

  test('rebuilding a child table maps renamed columns and recreates its indexes', async () => {
    await migrate([
      { kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { nullable: true } },
      { kind: 'renameColumn', schema: null, table: 'post', from: 'body', to: 'content' },
      { kind: 'addColumn', schema: null, table: 'post', column: { name: 'views', type: { kind: 'integer' }, nullable: false, default: { kind: 'literal', value: 0 }, autoincrement: false, comment: null } },
    ]);
    assert.deepEqual(db.prepare('SELECT id, author_id, title, content, views FROM post ORDER BY id').all(), [
      { id: 10, author_id: 1, title: 't10', content: 'b10', views: 0 },
      { id: 11, author_id: 1, title: 't11', content: 'b11', views: 0 },
      { id: 12, author_id: 2, title: 't12', content: 'b12', views: 0 },
    ]);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'post' ORDER BY name").all();
    assert.deepEqual(indexes, [{ name: 'ix_post_author_id' }, { name: 'ix_post_lower_title' }]);
    db.prepare('INSERT INTO post (id, author_id, title) VALUES (13, 2, NULL)').run();
  });

  test('with foreign keys ON the rebuild refuses before it touches data', async () => {
    await assert.rejects(
      migrate([{ kind: 'addUnique', schema: null, table: 'user', unique: { name: 'uq_user_id_email', columns: ['id', 'email'] } }], { foreignKeysOff: false }),
      (e: unknown) => e instanceof IntegrityCheckError && /needs PRAGMA foreign_keys=OFF/.test(e.message),
    );
    assert.deepEqual([count('user'), count('post')], [2, 3]);
  });

  test('orphaned rows make foreign_key_check fail the migration, which rolls back', async () => {
    db.pragma('foreign_keys = OFF');
    db.exec("INSERT INTO post (id, author_id, title) VALUES (99, 42, 'orphan')");
    db.pragma('foreign_keys = ON');
    await assert.rejects(
      migrate([{ kind: 'alterColumn', schema: null, table: 'post', name: 'body', changes: { type: str(50) } }]),
      (e: unknown) => e instanceof IntegrityCheckError && /some of its rows refer to rows that do not exist/.test(e.message),
    );
    const postSql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'post'").get() as { sql: string }).sql;
    assert.match(postSql, /"body" TEXT/, 'the rebuild was rolled back');
    assert.equal(count('post'), 4);
  });
});

describe('SQLite rebuilds of tables with generated columns (the sqlite dialect, offline schema state)', () => {
  const gen = tbl('gen', [
    col('id', { kind: 'integer' }, { nullable: false, autoincrement: true }),
    col('n', { kind: 'integer' }, { nullable: false }),
    col('twice', { kind: 'integer' }, { computed: { sql: 'n * 2', stored: true } }),
  ], { primaryKey: { name: null, columns: ['id'] } });
  let real: Database.Database;
  let realExecutor: ReturnType<typeof sqliteDatabase>['executor'];

  beforeEach(() => {
    ({ db: real, executor: realExecutor } = sqliteDatabase(sqliteDialect));
    real.exec('CREATE TABLE gen (id INTEGER PRIMARY KEY, n INT NOT NULL, twice INT GENERATED ALWAYS AS (n * 2) STORED); INSERT INTO gen (id, n) VALUES (1, 1), (2, 5)');
  });

  async function run(table: TableSnapshot, ops: Operation[]): Promise<string[]> {
    real.pragma('foreign_keys = OFF');
    real.exec('BEGIN');
    const ctx = new MigrationContext({ dialect: sqliteDialect, sink: new ExecutorSink(realExecutor), state: new OfflineSchemaState(snap([table])) });
    try {
      await ctx.runAll(ops);
      real.exec('COMMIT');
      return ctx.statements.map((s) => s.sql);
    } catch (e) {
      real.exec('ROLLBACK');
      throw e;
    }
  }

  test('the row copy lists only the columns that are not generated, and the generated ones are recomputed', async () => {
    const ran = await run(gen, [{ kind: 'alterColumn', schema: null, table: 'gen', name: 'n', changes: { nullable: true } }]);
    assert.ok(ran.includes('INSERT INTO "_retort_tmp_gen" ("id", "n") SELECT "id", "n" FROM "gen"'), ran.join('\n'));
    assert.ok(ran.some((s) => s.endsWith(`WHERE hidden IN (2, 3) AND name NOT IN ('twice')`)), 'the guard lets the known generated column through');
    assert.deepEqual(real.prepare('SELECT id, n, twice FROM gen ORDER BY id').all(), [{ id: 1, n: 1, twice: 2 }, { id: 2, n: 5, twice: 10 }]);
    assert.match((real.prepare("SELECT sql FROM sqlite_master WHERE name = 'gen'").get() as { sql: string }).sql, /"twice" INTEGER GENERATED ALWAYS AS \(n \* 2\) STORED/);
  });

  test('a generated column the definition does not hold stops the rebuild before it touches data', async () => {
    const plain = { ...gen, columns: gen.columns.map((c) => (c.name === 'twice' ? col('twice') : c)) };
    await assert.rejects(
      run(plain, [{ kind: 'alterColumn', schema: null, table: 'gen', name: 'n', changes: { nullable: true } }]),
      (e: unknown) => e instanceof IntegrityCheckError && /generated column twice/.test(e.message),
    );
    assert.match((real.prepare("SELECT sql FROM sqlite_master WHERE name = 'gen'").get() as { sql: string }).sql, /GENERATED ALWAYS AS \(n \* 2\) STORED/);
  });

  test('ADD COLUMN: a STORED generated column is a rebuild, a VIRTUAL one (NOT NULL too) is in place', () => {
    const added = (computed: { sql: string; stored: boolean }): Operation =>
      ({ kind: 'addColumn', schema: null, table: 'gen', column: col('more', { kind: 'integer' }, { nullable: false, computed }) });
    assert.equal(needsRebuild(added({ sql: 'n + 1', stored: true }), sqliteDialect), true);
    assert.equal(needsRebuild(added({ sql: 'n + 1', stored: false }), sqliteDialect), false);
    assert.throws(() => sqliteDialect.ddl.addColumn(gen, col('more', { kind: 'integer' }, { computed: { sql: 'n + 1', stored: true } })), /STORED generated column/);
  });

  test('onUpdate and identityAlways are nothing on SQLite; a collation is a rebuild', () => {
    const alter = (changes: Extract<Operation, { kind: 'alterColumn' }>['changes']): Extract<Operation, { kind: 'alterColumn' }> =>
      ({ kind: 'alterColumn', schema: null, table: 'gen', name: 'n', changes });
    assert.deepEqual(effectiveAlterations(alter({ onUpdate: 'CURRENT_TIMESTAMP', identityAlways: true, collation: 'NOCASE' }), sqliteDialect), ['collation']);
    assert.equal(needsRebuild(alter({ onUpdate: 'CURRENT_TIMESTAMP' }), sqliteDialect), false);
    assert.equal(needsRebuild(alter({ collation: null }), sqliteDialect), true);
  });
});
