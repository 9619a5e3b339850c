// The runner's half of the SQLite table-rebuild contract (see src/operations/sqlite-rebuild.ts):
// PRAGMA foreign_keys=OFF before each migration's transaction, ON after it, so that a rebuild of a
// parent table keeps the rows of ON DELETE CASCADE children. Checked through `--sql` output (the
// same code path as online runs) executed on a real SQLite database, with the ops tests' stand-in
// SQLite DDL compiler until the sqlite dialect's own lands; and the offline schema state rebuilt by
// replaying earlier migrations, which a rebuild needs to know the table.
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { before, describe, it } from 'node:test';
import { runOffline } from '../../src/migrations/runner.js';
import { replayState } from '../../src/migrations/offline-state.js';
import { ScriptDirectory } from '../../src/migrations/script-directory.js';
import { sqliteSqlDialect } from '../operations/sqlite-sql.js';
import { fixture } from './runner-helpers.js';

const A = 'aaaaaaaaaaaa';
const B = 'bbbbbbbbbbbb';
const C = 'cccccccccccc';

/** The statements of a `--sql` script. */
function statements(script: string): string[] {
  return script
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('--'))
    .map((l) => l.replace(/;$/, ''));
}

function run(db: Database.Database, script: string): void {
  for (const sql of statements(script)) {
    const prepared = db.prepare(sql);
    if (prepared.reader) prepared.all();
    else prepared.run();
  }
}

describe('SQLite table rebuilds through the runner', () => {
  const dialect = sqliteSqlDialect();
  let scripts: ScriptDirectory;
  before(async () => {
    scripts = await ScriptDirectory.load(fixture('ops'));
  });

  const script = async (fromHeads: string[], target: string): Promise<string> =>
    (await runOffline({ scripts, dialect, direction: 'up', target, fromHeads, versionTable: 'retort_version', transaction: 'each' })).sql ?? '';

  function seeded(): Database.Database {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    return db;
  }

  it('replays the earlier migrations to know the tables offline', async () => {
    const state = await replayState(scripts, dialect, [B]);
    const author = await state.table(null, 'author');
    assert.deepEqual(author?.columns.map((c) => [c.name, c.type]), [
      ['id', { kind: 'integer' }],
      ['name', { kind: 'string', length: 100 }],
    ]);
    assert.deepEqual((await state.table(null, 'book'))?.foreignKeys.map((fk) => fk.onDelete), ['CASCADE']);
  });

  it('keeps the child rows of an ON DELETE CASCADE key when the parent table is rebuilt', async () => {
    const db = seeded();
    run(db, await script([], B));
    db.exec(`INSERT INTO author (id, name) VALUES (1, 'Ann'); INSERT INTO book (id, author_id, title) VALUES (10, 1, 'First')`);
    const upgrade = await script([B], 'head');
    assert.match(upgrade, /PRAGMA foreign_keys=OFF;\nBEGIN;\n[\s\S]*DROP TABLE "author"[\s\S]*COMMIT;\nPRAGMA foreign_keys=ON;/);
    run(db, upgrade);
    assert.deepEqual(db.prepare('SELECT version_num FROM retort_version').all(), [{ version_num: C }]);
    assert.deepEqual(db.prepare('SELECT id, author_id, title, isbn FROM book').all(), [{ id: 10, author_id: 1, title: 'First', isbn: null }]);
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1, 'foreign keys are on again');
    assert.match(String((db.prepare("SELECT sql FROM sqlite_master WHERE name = 'author'").get() as { sql: string }).sql), /VARCHAR\(200\)/);
  });

  it('without the PRAGMA bracket the same rebuild would delete the children (what the bracket prevents)', async () => {
    const db = seeded();
    run(db, await script([], B));
    db.exec(`INSERT INTO author (id, name) VALUES (1, 'Ann'); INSERT INTO book (id, author_id, title) VALUES (10, 1, 'First')`);
    const unguarded = (await script([B], 'head'))
      .split('\n')
      .filter((l) => !l.startsWith('PRAGMA foreign_keys='))
      .join('\n');
    run(db, unguarded);
    assert.deepEqual(db.prepare('SELECT id FROM book').all(), []);
  });

  it('in transaction "all" mode, switches foreign keys off once, before the run\'s transaction', async () => {
    const { sql } = await runOffline({ scripts, dialect, direction: 'up', target: 'head', fromHeads: [], versionTable: 'retort_version', transaction: 'all' });
    const lines = statements(sql ?? '');
    assert.deepEqual(lines.filter((l) => l.startsWith('PRAGMA foreign_keys=') || l === 'BEGIN' || l === 'COMMIT'), ['PRAGMA foreign_keys=OFF', 'BEGIN', 'COMMIT', 'PRAGMA foreign_keys=ON']);
    const db = seeded();
    run(db, sql ?? '');
    assert.deepEqual(db.prepare('SELECT version_num FROM retort_version').all(), [{ version_num: C }]);
    assert.equal(A.length, 12);
  });
});
