import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { IntegrityCheckError, OperationError } from '../../src/errors/index.js';
import { applyOperations } from '../../src/operations/apply.js';
import { MigrationContext } from '../../src/operations/context.js';
import { OnlineSchemaState } from '../../src/operations/online-schema-state.js';
import type { Operation } from '../../src/operations/operation.js';
import { OfflineSchemaState } from '../../src/operations/schema-state.js';
import { ExecutorSink, SqlTextSink } from '../../src/operations/sinks.js';
import type { SchemaSnapshot } from '../../src/schema/snapshot.js';
import { blogSnapshot, capabilities, col, fakeIntrospector, recordingDialect, recordingExecutor, str } from './helpers.js';

type Kind = keyof typeof capabilities;

/**
 * An online context over a fake database: `base()` with the ops run so far applied (the state
 * applies each op just before its statements run, and reads the catalog only before an op).
 */
function online(kind: Kind, base: () => SchemaSnapshot, answer?: (sql: string) => Record<string, unknown>[]) {
  const ran: Operation[] = [];
  const fake = fakeIntrospector(() => applyOperations(base(), ran));
  const dialect = recordingDialect(kind, { introspector: fake.introspector });
  const executor = recordingExecutor(dialect, answer);
  const state = new (class extends OnlineSchemaState {
    override apply(op: Operation): void {
      super.apply(op);
      ran.push(op);
    }
  })(executor);
  const ctx = new MigrationContext({ dialect, sink: new ExecutorSink(executor), state });
  return { ctx, executor, state, calls: fake.calls };
}

function offline(kind: Kind, snapshot: SchemaSnapshot) {
  const sink = new SqlTextSink();
  const state = new OfflineSchemaState(snapshot);
  const ctx = new MigrationContext({ dialect: recordingDialect(kind), sink, state });
  return { ctx, sink, state };
}

const upgrade: Operation[] = [
  { kind: 'addColumn', schema: null, table: 'post', column: col('summary', str(300)) },
  { kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { type: str(300) } },
  { kind: 'renameColumn', schema: null, table: 'post', from: 'body', to: 'content' },
  { kind: 'dropIndex', schema: null, table: 'post', name: 'ix_post_author_id' },
  { kind: 'dropColumn', schema: null, table: 'user', name: 'email' },
  { kind: 'addCheck', schema: null, table: 'post', check: { name: 'ck_post_summary', expression: "summary <> ''" } },
  { kind: 'execute', sql: "UPDATE post SET summary = 'none'" },
];

describe('MigrationContext: one path for online and offline', () => {
  for (const kind of ['postgresql', 'mysql', 'sqlite'] as const) {
    test(`${kind}: the same ops emit the same statements through an executor and as --sql text`, async () => {
      const on = online(kind, blogSnapshot);
      const off = offline(kind, blogSnapshot());
      await on.ctx.batch(async () => { for (const op of upgrade) await on.ctx.run(op); });
      await off.ctx.batch(async () => { for (const op of upgrade) await off.ctx.run(op); });
      assert.ok(on.ctx.statements.length >= upgrade.length - 1);
      assert.deepEqual(on.ctx.statements, off.ctx.statements);
      assert.equal(off.sink.text(), on.executor.executed.map((s) => `${s};\n`).join(''));
      assert.deepEqual(await on.state.table(null, 'post'), await off.state.table(null, 'post'));
    });
  }

  test('sqlite: a batch merges the rebuild ops of one table; without a batch each op rebuilds; a rename runs in place between rebuilds', async () => {
    const ops: Operation[] = [
      { kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { nullable: true } },
      { kind: 'addCheck', schema: null, table: 'post', check: { name: 'ck_post_title_set', expression: "title <> ''" } },
      { kind: 'addUnique', schema: null, table: 'post', unique: { name: 'uq_post_title', columns: ['title'] } },
    ];
    const batched = offline('sqlite', blogSnapshot());
    await batched.ctx.batch(async () => { for (const op of ops) await batched.ctx.run(op); });
    const creates = (c: MigrationContext): number => c.statements.filter((s) => s.sql.startsWith('CREATE TABLE _retort_tmp_post')).length;
    assert.equal(creates(batched.ctx), 1);
    assert.ok(batched.ctx.statements.some((s) => s.sql.endsWith('SELECT "id", "author_id", "title", "body" FROM post')));
    const single = offline('sqlite', blogSnapshot());
    for (const op of ops) await single.ctx.run(op);
    assert.equal(creates(single.ctx), 3);
    assert.deepEqual(batched.state.current, single.state.current);
    const rename: Operation = { kind: 'renameColumn', schema: null, table: 'post', from: 'body', to: 'content' };
    const split = offline('sqlite', blogSnapshot());
    await split.ctx.batch(async () => { for (const op of [ops[0]!, rename, ops[1]!, ops[2]!]) await split.ctx.run(op); });
    assert.equal(creates(split.ctx), 2, 'the rename in between runs in place');
    assert.ok(split.ctx.statements.some((s) => s.sql === 'RENAME COLUMN post.body TO content'));
  });

});

describe('MigrationContext: state', () => {
  test('offline state follows every op', async () => {
    const off = offline('postgresql', blogSnapshot());
    await off.ctx.runAll(upgrade);
    assert.deepEqual(off.state.current, applyOperations(blogSnapshot(), upgrade));
  });

  test('online state reads a table only when the compiler needs it, once, then keeps it current', async () => {
    const on = online('postgresql', blogSnapshot);
    await on.ctx.run({ kind: 'addColumn', schema: null, table: 'post', column: col('summary', str(300)) });
    await on.ctx.run({ kind: 'createIndex', schema: null, table: 'post', index: { name: 'ix_s', columns: ['summary'], expressions: null, unique: false, where: null, method: null } });
    assert.deepEqual(on.calls, [], 'addColumn and createIndex need no table on PostgreSQL');
    await on.ctx.run({ kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { nullable: true } });
    await on.ctx.run({ kind: 'alterColumn', schema: null, table: 'post', name: 'body', changes: { nullable: false } });
    assert.deepEqual(on.calls, [['post']]);
    const post = await on.state.table(null, 'post');
    assert.deepEqual(post?.columns.map((c) => [c.name, c.nullable]), [['id', false], ['author_id', false], ['title', true], ['body', false], ['summary', true]]);
    await on.ctx.run({ kind: 'addColumn', schema: null, table: 'post', column: col('summary', str(300)) }).catch(() => undefined);
    assert.equal(on.executor.executed.filter((s) => s === 'ADD COLUMN post.summary').length, 1, 'a duplicate column is refused: the state knows post now');
    await on.ctx.run({ kind: 'renameColumn', schema: null, table: 'user', from: 'email', to: 'mail' });
    assert.deepEqual(on.calls, [['post'], ['user']]);
  });

  test('execute forgets the tables read so far (raw SQL may change anything)', async () => {
    let db = blogSnapshot();
    const on = online('postgresql', () => db);
    await on.ctx.run({ kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { nullable: true } });
    await on.ctx.run({ kind: 'execute', sql: 'ALTER TABLE post ADD COLUMN extra int' });
    db = applyOperations(db, [{ kind: 'addColumn', schema: null, table: 'post', column: col('extra') }]); // what the raw SQL did
    await on.ctx.run({ kind: 'alterColumn', schema: null, table: 'post', name: 'extra', changes: { nullable: false } });
    assert.deepEqual(on.calls, [['post'], ['post']]);
  });

  test('tables the catalog names in the default schema match ops that name no schema', async () => {
    const inPublic = (): SchemaSnapshot => ({ ...blogSnapshot(), schema: 'public', tables: blogSnapshot().tables.map((t) => ({ ...t, schema: 'public' })) });
    const on = online('postgresql', inPublic);
    await on.ctx.run({ kind: 'createTable', table: { ...blogSnapshot().tables[0]!, name: 'draft' } });
    await on.ctx.run({ kind: 'alterColumn', schema: null, table: 'user', name: 'email', changes: { nullable: true } });
    assert.equal((await on.state.table(null, 'user'))?.schema, 'public');
    assert.ok(await on.state.table(null, 'draft'));
  });

  test('dropEnumValue reads the whole schema', async () => {
    const status = { kind: 'enum', name: 'st', values: ['a', 'b'] } as const;
    const db = (): SchemaSnapshot => ({ ...blogSnapshot(), enums: [{ name: 'st', schema: null, values: ['a', 'b'] }], tables: [...blogSnapshot().tables].map((t) => (t.name === 'post' ? { ...t, columns: [...t.columns, col('st', status)] } : t)) });
    const on = online('postgresql', db);
    await on.ctx.run({ kind: 'dropEnumValue', schema: null, name: 'st', value: 'b' });
    assert.deepEqual(on.calls, [undefined]);
    assert.ok(on.executor.executed.some((s) => s.includes('ALTER TABLE post ALTER COLUMN "st" TYPE')));
  });

  test('an op that does not fit the schema fails before any SQL; a missing table is named', async () => {
    const off = offline('postgresql', blogSnapshot());
    await assert.rejects(off.ctx.run({ kind: 'dropColumn', schema: null, table: 'post', name: 'nope' }), /dropColumn post\.nope: table "post" has no column "nope"/);
    await assert.rejects(off.ctx.run({ kind: 'addColumn', schema: null, table: 'nope', column: col('a') }), OperationError);
    assert.equal(off.sink.text(), '');
    assert.deepEqual(off.ctx.statements, []);
    const on = online('postgresql', () => ({ ...blogSnapshot(), tables: [] }));
    await assert.rejects(on.ctx.run({ kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { nullable: true } }), /alterColumn post\.title: table "post" does not exist/);
  });

  test('a batch whose function throws runs nothing', async () => {
    const off = offline('postgresql', blogSnapshot());
    await assert.rejects(off.ctx.batch(async () => {
      await off.ctx.run({ kind: 'addColumn', schema: null, table: 'post', column: col('x') });
      throw new Error('boom');
    }), /boom/);
    assert.deepEqual(off.ctx.statements, []);
  });
});

describe('sinks', () => {
  test('a check statement that returns rows fails the migration; statements lists what ran before', async () => {
    const on = online('sqlite', blogSnapshot, (sql) => (sql.startsWith('PRAGMA foreign_key_check') ? [{ table: 'post', rowid: 3, parent: 'user', fkid: 0 }] : []));
    const err = await on.ctx.run({ kind: 'alterColumn', schema: null, table: 'post', name: 'title', changes: { nullable: true } }).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof IntegrityCheckError, String(err));
    assert.match(err.message, /after rebuilding table "post", some of its rows refer to rows that do not exist/);
    assert.match(err.message, /"rowid":3/);
    assert.equal(err.code, 'INTEGRITY_CHECK_FAILED');
    assert.equal(on.ctx.statements.at(-1)!.sql, 'ALTER TABLE post RENAME COLUMN "id" TO id');
  });

  test('the rebuild guard fails when foreign keys are ON', async () => {
    const on = online('sqlite', blogSnapshot, (sql) => (sql.includes('pragma_foreign_keys') ? [{ problem: 'foreign_keys is ON' }] : []));
    await assert.rejects(on.ctx.run({ kind: 'dropForeignKey', schema: null, table: 'post', name: 'fk_post_author_id_user' }), /needs PRAGMA foreign_keys=OFF/);
    assert.equal(on.executor.executed.length, 1, 'nothing after the guard ran');
  });

  test('non-transactional statements: refused inside a transaction without a handler, handed to the handler otherwise', async () => {
    const dialect = recordingDialect('postgresql');
    const stmt = { sql: "ALTER TYPE st ADD VALUE 'c'", transactional: false };
    const inTx = recordingExecutor(dialect, undefined, true);
    await assert.rejects(new ExecutorSink(inTx).run(stmt), /cannot run inside a transaction/);
    const handled: string[] = [];
    await new ExecutorSink(inTx, { outsideTransaction: (s) => { handled.push(s.sql); return Promise.resolve(); } }).run(stmt);
    assert.deepEqual(handled, [stmt.sql]);
    assert.deepEqual(inTx.executed, []);
    const noTx = recordingExecutor(dialect);
    await new ExecutorSink(noTx).run(stmt);
    assert.deepEqual(noTx.executed, [stmt.sql]);
  });

  test('SqlTextSink writes statements with ";" and wraps non-transactional ones in COMMIT / BEGIN when asked', async () => {
    const lines: string[] = [];
    const sink = new SqlTextSink({ transaction: { begin: 'BEGIN', commit: 'COMMIT' }, write: (t) => lines.push(t) });
    await sink.run({ sql: 'CREATE TYPE st AS ENUM (\'a\')', transactional: true });
    await sink.run({ sql: "ALTER TYPE st ADD VALUE 'b'", transactional: false });
    assert.equal(sink.text(), "CREATE TYPE st AS ENUM ('a');\nCOMMIT;\nALTER TYPE st ADD VALUE 'b';\nBEGIN;\n");
    assert.equal(lines.join(''), sink.text());
  });

  test('the executor sink escapes ? so that DDL text is not read as placeholders', async () => {
    const ex = recordingExecutor(recordingDialect('postgresql'));
    await new ExecutorSink(ex).run({ sql: "ALTER TABLE t ADD CHECK (data ? 'k' AND note <> 'why?')", transactional: true });
    assert.deepEqual(ex.executed, ["ALTER TABLE t ADD CHECK (data ?? 'k' AND note <> 'why?')"]);
  });
});

describe('MigrationContext: indexes the database adds by itself', () => {
  test('on MySQL the state learns the index InnoDB creates for an FK, so that --sql can drop it later', async () => {
    const { ctx, state, sink } = offline('mysql', blogSnapshot());
    const note = { name: 'note', schema: null, columns: [col('id'), col('post_id'), col('user_id')], primaryKey: { name: null, columns: ['id'] },
      foreignKeys: [
        { name: 'fk_note_post', columns: ['post_id'], referredSchema: null, referredTable: 'post', referredColumns: ['id'], onDelete: null, onUpdate: null, deferrable: false, initiallyDeferred: false },
        { name: 'fk_note_user', columns: ['user_id'], referredSchema: null, referredTable: 'user', referredColumns: ['id'], onDelete: null, onUpdate: null, deferrable: false, initiallyDeferred: false },
      ],
      uniques: [], checks: [], indexes: [{ name: 'ix_note_user', columns: ['user_id', 'id'], expressions: null, unique: false, where: null, method: null }], comment: null };
    await ctx.runAll([{ kind: 'createTable', table: note }, { kind: 'dropForeignKey', schema: null, table: 'note', name: 'fk_note_post' }]);
    assert.deepEqual((await state.table(null, 'note'))?.indexes.map((ix) => ix.name), ['fk_note_post', 'ix_note_user'], 'the covered FK gets none');
    await ctx.runAll([{ kind: 'dropIndex', schema: null, table: 'note', name: 'fk_note_post' }]);
    assert.match(sink.text(), /DROP INDEX fk_note_post ON note/);
    // PostgreSQL creates none
    const pg = offline('postgresql', blogSnapshot());
    await pg.ctx.runAll([{ kind: 'createTable', table: note }]);
    assert.deepEqual((await pg.state.table(null, 'note'))?.indexes.map((ix) => ix.name), ['ix_note_user']);
  });
});
