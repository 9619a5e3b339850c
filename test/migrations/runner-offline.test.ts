import assert from 'node:assert/strict';
import { it } from 'node:test';
import { getDialect, parseUrl, type Engine } from '../../src/index.js';
import { downgrade, upgrade } from '../../src/migrations/api.js';
import type { TransactionMode } from '../../src/migrations/config.js';
import { onlineOnlyStatements } from '../../src/migrations/runner.js';
import { ScriptDirectory } from '../../src/migrations/script-directory.js';
import { forEachDialect } from '../helpers/databases.js';
import { capture, fixture, freshEngines, maskDuration, scriptStatements, versionRows } from './runner-helpers.js';
import { tempDir, writeMigrations } from './script-helpers.js';

forEachDialect('offline (--sql) output', (ctx) => {
  const fresh = freshEngines(ctx);

  async function compare(scripts: ScriptDirectory, transaction: TransactionMode): Promise<string[]> {
    const engine = await fresh(`offline_${transaction}`);
    const url = engine.url.toUnmaskedString();
    const offline = await upgrade({ url, scripts, transaction, sql: true });
    assert.equal(offline.steps.length, scripts.scripts.length);
    assert.deepEqual(await versionRows(engine).catch(() => 'no version table'), 'no version table', '--sql does not touch the database');
    const seen = capture(engine);
    await upgrade({ engine, scripts, transaction });
    seen.stop();
    const skip = onlineOnlyStatements(engine, { versionTable: 'retort_version' });
    const online = seen.sql().filter((s) => !skip(s)).map(maskDuration);
    const script = scriptStatements(offline.sql ?? '').map(maskDuration);
    assert.deepEqual(online, script);
    return script;
  }

  it("emits the statements an online upgrade runs (transaction 'each'), without connecting", async () => {
    const script = await compare(await ScriptDirectory.load(fixture('linear')), 'each');
    const begin = getDialect(ctx.dialect).transactions.begin({ immediate: true });
    assert.equal(script.filter((s) => s === begin).length, 3, 'a transaction per migration (MySQL: for the version rows)');
    // PostgreSQL moves the head and writes the history row in one statement
    const record = ctx.dialect === 'postgresql' ? /^WITH v1 AS \(UPDATE .*retort_version.* SET version_num = 'cccccccccccc' WHERE version_num = 'bbbbbbbbbbbb'\) INSERT INTO .*retort_version_history.* VALUES \('cccccccccccc', 'up', / : /^UPDATE .*retort_version.* SET version_num = 'cccccccccccc' WHERE version_num = 'bbbbbbbbbbbb'$/;
    assert.ok(script.some((s) => record.test(s)), script.join('\n'));
    assert.equal(script.some((s) => s.startsWith('PRAGMA foreign_keys')), ctx.dialect === 'sqlite');
  });

  it("emits the statements an online upgrade runs (transaction 'all')", async () => {
    await compare(await ScriptDirectory.load(fixture('branches')), 'all');
  });

  it('starts a script at a given revision (from:to) and writes downgrades', async () => {
    const url = ctx.dialect === 'sqlite' ? 'sqlite:///unused.db' : (await ctx.freshUrl('offline_range'));
    const scripts = await ScriptDirectory.load(fixture('linear'));
    const ranged = await upgrade({ url, scripts, target: 'aaaaaaaaaaaa:head', sql: true });
    assert.deepEqual(ranged.steps.map((s) => s.revision), ['bbbbbbbbbbbb', 'cccccccccccc']);
    assert.doesNotMatch(ranged.sql ?? '', /CREATE TABLE author/);
    assert.match(ranged.sql ?? '', /-- Running upgrade aaaaaaaaaaaa -> bbbbbbbbbbbb, create book/);
    const down = await downgrade({ url, scripts, target: 'cccccccccccc:aaaaaaaaaaaa', sql: true });
    assert.deepEqual(down.steps.map((s) => [s.revision, s.direction]), [['cccccccccccc', 'down'], ['bbbbbbbbbbbb', 'down']]);
    assert.match(down.sql ?? '', /ALTER TABLE book DROP COLUMN isbn;\n[\s\S]*DROP TABLE book;/);
    assert.match(down.sql ?? '', /'bbbbbbbbbbbb', 'down'/);
    await assert.rejects(upgrade({ url, scripts, target: 'aaaaaaaaaaaa:head' }), /only for --sql output/);
    assert.equal(parseUrl(url).dialect, ctx.dialect);
  });

  it('op facade migrations: the offline script equals the online statements', async () => {
    const scripts = await ScriptDirectory.load(fixture('ops'));
    const engine = await fresh('offline_ops');
    await upgrade({ url: engine.url.toUnmaskedString(), scripts, sql: true });
    await compareWithReads(engine, scripts);
  });

  it('scripts migrations on tables no migration created (an adopted database), and names what it cannot know', async () => {
    const engine = await fresh('offline_adopted');
    // the database as it was adopted: its table made outside retort's migrations
    await engine.execute('CREATE TABLE legacy (id INTEGER PRIMARY KEY, title VARCHAR(50))');
    await engine.execute('CREATE INDEX ix_legacy_title ON legacy (title)');
    const dir = tempDir('offline-adopted');
    writeMigrations(dir, [
      { id: 'a00000000001', parent: null, message: 'baseline', up: [`await op.execute('SELECT 1');`], down: [] },
      {
        id: 'a00000000002',
        parent: 'a00000000001',
        message: 'grow legacy',
        up: [
          `await op.addColumn('legacy', 'note', column.string(80));`,
          `await op.createIndex('ix_legacy_note', 'legacy', ['note']);`,
          `await op.createTable('child', { id: column.integer().primaryKey(), legacyId: column.integer().references('legacy.id', { name: 'fk_child_legacy' }) });`,
          `await op.renameTable('legacy', 'legacy_item');`,
        ],
        down: [`await op.renameTable('legacy_item', 'legacy');`, `await op.dropTable('child');`, `await op.dropIndex('ix_legacy_note', 'legacy');`, `await op.dropColumn('legacy', 'note');`],
      },
    ]);
    const scripts = await ScriptDirectory.load(dir);
    await upgrade({ engine, scripts, target: 'a00000000001' });
    const url = engine.url.toUnmaskedString();
    const offline = await upgrade({ url, scripts, target: 'a00000000001:head', sql: true });
    const script = scriptStatements(offline.sql ?? '').map(maskDuration);
    assert.ok(script.some((s) => /ADD (COLUMN )?.?note.? VARCHAR\(80\)/i.test(s)), offline.sql ?? undefined);
    // the script is what the online run executes on the adopted database
    const seen = capture(engine);
    await upgrade({ engine, scripts });
    seen.stop();
    const skip = onlineOnlyStatements(engine, { versionTable: 'retort_version' });
    const wanted = new Set(script);
    const online = seen.sql().filter((s) => !skip(s) && (wanted.has(maskDuration(s)) || !/^\s*(SELECT|WITH|PRAGMA|SHOW)\b/i.test(s))).map(maskDuration);
    assert.deepEqual(online, script);

    // an op whose SQL needs the definition of such a table: a clear error, not "does not exist"
    writeMigrations(dir, [
      { id: 'a00000000001', parent: null, message: 'baseline', up: [`await op.execute('SELECT 1');`], down: [] },
      { id: 'a00000000003', parent: 'a00000000001', message: 'rename a column', up: [`await op.renameColumn('legacy', 'title', 'name');`], down: [] },
    ]);
    const renaming = await ScriptDirectory.load(dir);
    await assert.rejects(
      upgrade({ url, scripts: renaming, target: 'a00000000001:a00000000003', sql: true }),
      /table "legacy" is unknown to this offline \(--sql\) run, which knows only the tables its earlier migrations created/,
    );
  });
});

/**
 * Like compare(), from the middle of the history (so that the online run must read the tables it
 * alters from the catalog, which the offline one rebuilds by replaying), also dropping those
 * catalog reads of the online schema state.
 */
async function compareWithReads(engine: Engine, scripts: ScriptDirectory): Promise<void> {
  await upgrade({ engine, scripts, target: 'bbbbbbbbbbbb' });
  const offline = await upgrade({ url: engine.url.toUnmaskedString(), scripts, target: 'bbbbbbbbbbbb:head', sql: true });
  const seen = capture(engine);
  await upgrade({ engine, scripts });
  seen.stop();
  const script = scriptStatements(offline.sql ?? '').map(maskDuration);
  const skip = onlineOnlyStatements(engine, { versionTable: 'retort_version' });
  const wanted = new Set(script);
  const online = seen.sql().filter((s) => !skip(s) && (wanted.has(maskDuration(s)) || !/^\s*(SELECT|WITH|PRAGMA|SHOW)\b/i.test(s))).map(maskDuration);
  assert.deepEqual(online, script);
  assert.ok(script.some((s) => /author/.test(s) && /VARCHAR\(200\)/.test(s)), 'the altered column is in the script');
  if (engine.dialect.name !== 'postgresql') {
    // MySQL's MODIFY and SQLite's rebuild restate the column: the online run read it from the catalog
    assert.ok(seen.sql().some((s) => !skip(s) && !wanted.has(maskDuration(s))), 'the online run read the table from the catalog');
  }
}
