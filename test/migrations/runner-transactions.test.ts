import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DriverError, MigrationError } from '../../src/index.js';
import { upgrade } from '../../src/migrations/api.js';
import type { MigrationEvent } from '../../src/migrations/runner-events.js';
import { onlineOnlyStatements } from '../../src/migrations/runner.js';
import { ScriptDirectory } from '../../src/migrations/script-directory.js';
import { forEachDialect } from '../helpers/databases.js';
import { capture, existing, freshEngines, historyOf, versionRows } from './runner-helpers.js';
import { tempDir, writeMigrations, type MigrationSource } from './script-helpers.js';

/** r1 creates t1 with a row; r2 creates t2 then fails; r3 would create t3. */
const FAILING: readonly MigrationSource[] = [
  { id: 'f1f1f1', parent: null, up: [`await op.execute('CREATE TABLE t1 (id INTEGER NOT NULL PRIMARY KEY)');`, `await op.execute('INSERT INTO t1 (id) VALUES (1)');`], down: [`await op.execute('DROP TABLE t1');`] },
  { id: 'f2f2f2', parent: 'f1f1f1', up: [`await op.execute('CREATE TABLE t2 (id INTEGER NOT NULL PRIMARY KEY)');`, `await op.execute('INSERT INTO no_such_table (id) VALUES (1)');`], down: [] },
  { id: 'f3f3f3', parent: 'f2f2f2', up: [`await op.execute('CREATE TABLE t3 (id INTEGER NOT NULL PRIMARY KEY)');`], down: [] },
];

async function scriptsOf(migrations: readonly MigrationSource[]): Promise<ScriptDirectory> {
  const dir = tempDir('tx');
  writeMigrations(dir, migrations);
  return ScriptDirectory.load(dir);
}

/** For each statement, whether a transaction was open when it ran (from BEGIN/COMMIT/ROLLBACK in the stream). */
function transactionState(statements: readonly string[]): Map<string, boolean> {
  const out = new Map<string, boolean>();
  let open = false;
  for (const s of statements) {
    if (/^BEGIN\b/.test(s)) open = true;
    else if (s === 'COMMIT' || s === 'ROLLBACK') open = false;
    else out.set(s, open);
  }
  return out;
}

forEachDialect('migration runner transactions', (ctx) => {
  const fresh = freshEngines(ctx);
  const transactionalDdl = ctx.dialect !== 'mysql';

  it('a failure halfway: rolled back where DDL is transactional; the error names the revision, the statement, the cause and what ran', async () => {
    const e = await fresh('fail');
    const scripts = await scriptsOf(FAILING);
    const err = await upgrade({ engine: e, scripts }).then(
      () => assert.fail('the upgrade should fail'),
      (x: unknown) => x,
    );
    assert.ok(err instanceof MigrationError, String(err));
    assert.equal(err.revision, 'f2f2f2');
    assert.equal(err.direction, 'upgrade');
    assert.equal(err.sql, 'INSERT INTO no_such_table (id) VALUES (1)');
    assert.deepEqual(err.executed, ['CREATE TABLE t2 (id INTEGER NOT NULL PRIMARY KEY)']);
    assert.ok(err.cause instanceof DriverError, 'the database error is the cause');
    assert.match(err.message, /^upgrade of revision f2f2f2 \(migration f2f2f2\) failed: /);
    assert.match(err.message, /failing statement: INSERT INTO no_such_table/);
    assert.deepEqual(await versionRows(e), ['f1f1f1'], 'the version table stays at the last good revision');
    assert.deepEqual(await historyOf(e), ['f1f1f1:up']);
    const { rows } = await e.execute('SELECT id FROM t1');
    assert.deepEqual(rows.map((r) => Number(r.id)), [1], 'rows of earlier migrations are intact');
    if (transactionalDdl) {
      assert.deepEqual(await existing(e, ['t1', 't2', 't3']), ['t1']);
      assert.match(err.message, /the migration's transaction was rolled back: the database stays at f1f1f1/);
    } else {
      assert.deepEqual(await existing(e, ['t1', 't2', 't3']), ['t1', 't2'], 'MySQL DDL commits as it runs');
      assert.match(err.message, /NOT rolled back \(mysql commits DDL as it runs\):\n {4}1\. CREATE TABLE t2 \(id INTEGER NOT NULL PRIMARY KEY\)\n/);
      assert.match(err.message, /the version table still records f1f1f1: undo them by hand, then run upgrade again \(it runs the whole migration\); or finish the migration by hand, then record it with retort stamp f2f2f2$/m);
    }
  });

  it("transaction 'all': one transaction for the run, so a failure keeps nothing (MySQL: each migration commits, with a warning)", async () => {
    const e = await fresh('all');
    const scripts = await scriptsOf(FAILING);
    const events: MigrationEvent[] = [];
    const seen = capture(e);
    await assert.rejects(upgrade({ engine: e, scripts, transaction: 'all', onEvent: (ev) => events.push(ev) }), (err: unknown) => {
      assert.ok(err instanceof MigrationError);
      if (transactionalDdl) assert.match(err.message, /rolled back \(transaction: 'all'\), with the migrations it had run \(f1f1f1\): the database stays at base/);
      return true;
    });
    seen.stop();
    if (transactionalDdl) {
      assert.deepEqual(await versionRows(e), []);
      assert.deepEqual(await existing(e, ['t1', 't2']), []);
      // the lock's own statements aside (SQLite checks the write lock is free with a BEGIN of its own)
      const lock = onlineOnlyStatements(e, { versionTable: 'retort_version' });
      assert.equal(seen.sql().filter((s) => /^BEGIN\b/.test(s) && !lock(s)).length, 1, 'one BEGIN for the run');
    } else {
      assert.deepEqual(events.filter((ev) => ev.type === 'warning').map((ev) => ev.type === 'warning' && ev.code), ['NO_TRANSACTIONAL_DDL']);
      assert.deepEqual(await versionRows(e), ['f1f1f1']);
    }
    const ok = await scriptsOf([FAILING[0]!, { id: 'f2f2f2', parent: 'f1f1f1', up: [`await op.execute('CREATE TABLE t2 (id INTEGER NOT NULL PRIMARY KEY)');`] }]);
    const fresh2 = await fresh('all2');
    const run = capture(fresh2);
    await upgrade({ engine: fresh2, scripts: ok, transaction: 'all' });
    run.stop();
    assert.deepEqual(await versionRows(fresh2), ['f2f2f2']);
    if (transactionalDdl) {
      const lock = onlineOnlyStatements(fresh2, { versionTable: 'retort_version' });
      const body = run.sql().filter((s) => !/^(SELECT|PRAGMA busy|CREATE TABLE IF NOT EXISTS|SET lock|RESET lock)/.test(s) && !lock(s));
      assert.match(body[0] ?? '', /^(PRAGMA foreign_keys=OFF|BEGIN)/);
      assert.equal(body.filter((s) => /^BEGIN\b/.test(s)).length, 1);
      assert.equal(body.filter((s) => s === 'COMMIT').length, 1);
    }
  });

  if (transactionalDdl) {
    it("transaction 'all' with an opted-out migration in the middle: a later failure rolls back to it, and says so", async () => {
      const e = await fresh('all_split');
      const scripts = await scriptsOf([
        FAILING[0]!,
        { id: 'o2o2o2', parent: 'f1f1f1', extra: ['export const transaction = false;'], up: [`await op.execute('CREATE TABLE t_o2 (id INTEGER NOT NULL PRIMARY KEY)');`] },
        { id: 'o3o3o3', parent: 'o2o2o2', up: [`await op.execute('CREATE TABLE t_o3 (id INTEGER NOT NULL PRIMARY KEY)');`] },
        { id: 'o4o4o4', parent: 'o3o3o3', up: [`await op.execute('INSERT INTO no_such_table (id) VALUES (1)');`] },
      ]);
      await assert.rejects(upgrade({ engine: e, scripts, transaction: 'all' }), (err: unknown) => {
        assert.ok(err instanceof MigrationError);
        assert.equal(err.revision, 'o4o4o4');
        assert.match(err.message, /with the migrations it had run \(o3o3o3\): the database stays at o2o2o2/);
        return true;
      });
      assert.deepEqual(await versionRows(e), ['o2o2o2']);
      assert.deepEqual(await existing(e, ['t1', 't_o2', 't_o3']), ['t1', 't_o2']);
      assert.deepEqual(await historyOf(e), ['f1f1f1:up', 'o2o2o2:up']);
    });
  }

  it('a migration that opts out (export const transaction = false) runs outside any transaction; its version rows get their own', async () => {
    const e = await fresh('optout');
    const index = ctx.dialect === 'postgresql' ? 'CREATE INDEX CONCURRENTLY ix_t1_id ON t1 (id)' : 'CREATE INDEX ix_t1_id ON t1 (id)';
    const scripts = await scriptsOf([
      FAILING[0]!,
      { id: 'o2o2o2', parent: 'f1f1f1', extra: ['export const transaction = false;'], up: [`await op.execute(${JSON.stringify(index)});`] },
      { id: 'o3o3o3', parent: 'o2o2o2', up: [`await op.execute('CREATE TABLE t3 (id INTEGER NOT NULL PRIMARY KEY)');`] },
    ]);
    for (const mode of ['each', 'all'] as const) {
      const target = mode === 'each' ? e : await fresh('optout_all');
      const seen = capture(target);
      await upgrade({ engine: target, scripts, transaction: mode });
      seen.stop();
      assert.deepEqual(await versionRows(target), ['o3o3o3']);
      const state = transactionState(seen.sql());
      assert.equal(state.get(index), false, `${mode}: the opted-out statement ran outside a transaction`);
      if (transactionalDdl) {
        assert.equal(state.get('CREATE TABLE t3 (id INTEGER NOT NULL PRIMARY KEY)'), true, `${mode}: the next migration is in a transaction again`);
        const move = `UPDATE ${target.dialect.quoteIdentifier('retort_version')} SET version_num = 'o2o2o2' WHERE version_num = 'f1f1f1'`;
        const record = [...state.keys()].find((s) => s.includes(move));
        assert.equal(record !== undefined && state.get(record), true, `${mode}: its version rows are written in a transaction`);
      }
    }
  });

  if (ctx.dialect === 'postgresql') {
    it('PostgreSQL: a statement that cannot run in a transaction commits the open one, runs alone, and the migration goes on', async () => {
      const e = await fresh('split');
      const scripts = await scriptsOf([
        {
          id: 'e1e1e1',
          parent: null,
          up: [
            `await op.execute("CREATE TYPE mood AS ENUM ('calm')");`,
            `await op.execute("ALTER TYPE mood ADD VALUE 'tense'");`,
            `await op.execute("CREATE TABLE feeling (m mood NOT NULL DEFAULT 'tense')");`,
          ],
        },
      ]);
      const warnings: string[] = [];
      await upgrade({ engine: e, scripts, onEvent: (ev) => ev.type === 'warning' && warnings.push(ev.code) });
      assert.deepEqual(warnings, ['TRANSACTION_SPLIT']);
      assert.deepEqual(await versionRows(e), ['e1e1e1']);
      await e.execute('INSERT INTO feeling DEFAULT VALUES');
      const { rows } = await e.execute('SELECT m FROM feeling');
      assert.deepEqual(rows, [{ m: 'tense' }]);
    });

    it('PostgreSQL: a deferred constraint that fails at COMMIT (sent with the version rows) fails the migration and keeps nothing of it', async () => {
      const e = await fresh('deferred');
      const scripts = await scriptsOf([
        { id: 'd1d1d1', parent: null, up: [`await op.execute('CREATE TABLE parent (id INTEGER PRIMARY KEY)');`], down: [`await op.execute('DROP TABLE parent');`] },
        {
          id: 'd2d2d2',
          parent: 'd1d1d1',
          up: [
            `await op.execute('CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)');`,
            `await op.execute('INSERT INTO child (id, parent_id) VALUES (1, 99)');`,
          ],
          down: [],
        },
      ]);
      const err = await upgrade({ engine: e, scripts }).then(
        () => assert.fail('the upgrade should fail'),
        (x: unknown) => x,
      );
      assert.ok(err instanceof MigrationError, String(err));
      assert.equal(err.revision, 'd2d2d2');
      assert.match(err.message, /foreign key/);
      assert.deepEqual(await versionRows(e), ['d1d1d1']);
      assert.deepEqual(await historyOf(e), ['d1d1d1:up']);
      assert.deepEqual(await existing(e, ['parent', 'child']), ['parent']);
      await e.withConnection(async (conn) => assert.equal(conn.inTransaction, false));
    });
  }
});
