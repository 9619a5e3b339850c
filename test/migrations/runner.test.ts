import assert from 'node:assert/strict';
import { cpSync, appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { createEngine, type Engine } from '../../src/index.js';
import { MultipleHeadsError, RevisionNotFoundError, RevisionTargetError, ScriptError } from '../../src/errors/index.js';
import { current, downgrade, stamp, upgrade } from '../../src/migrations/index.js';
import type { MigrationEvent } from '../../src/migrations/runner-events.js';
import { ScriptDirectory } from '../../src/migrations/script-directory.js';
import { forEachDialect } from '../helpers/databases.js';
import { existing, fixture, historyOf, versionRows } from './runner-helpers.js';
import { tempDir, writeMigrations } from './script-helpers.js';

const A = 'aaaaaaaaaaaa';
const B = 'bbbbbbbbbbbb';
const C = 'cccccccccccc';

forEachDialect('migration runner', (ctx) => {
  let engine: Engine;
  let linear: ScriptDirectory;

  before(async () => {
    linear = await ScriptDirectory.load(fixture('linear'));
  });

  async function fresh(label: string): Promise<Engine> {
    engine = createEngine(await ctx.freshUrl(label));
    return engine;
  }

  after(async () => {
    await engine?.dispose();
  });

  it('upgrades a linear history to head, down to base and up again, with the version rows right at each point', async () => {
    const e = await fresh('linear');
    const events: MigrationEvent[] = [];
    const up = await upgrade({ engine: e, scripts: linear, onEvent: (ev) => events.push(ev) });
    assert.deepEqual(up.steps.map((s) => s.revision), [A, B, C]);
    assert.deepEqual(up.fromHeads, []);
    assert.deepEqual(up.heads, [C]);
    assert.deepEqual(await versionRows(e), [C]);
    assert.deepEqual(await existing(e, ['author', 'book']), ['author', 'book']);
    assert.deepEqual(events.map((ev) => ev.type), ['plan', 'step-start', 'step-finish', 'step-start', 'step-finish', 'step-start', 'step-finish']);
    assert.deepEqual(
      events.flatMap((ev) => (ev.type === 'step-finish' ? [[ev.step.revision, ev.index, ev.total, ev.durationMs >= 0]] : [])),
      [[A, 0, 3, true], [B, 1, 3, true], [C, 2, 3, true]],
    );
    const plan = events[0];
    assert.ok(plan?.type === 'plan' && plan.steps.length === 3 && plan.steps[0]?.message === 'create author' && plan.fromHeads.length === 0);
    assert.deepEqual(up.steps[1]?.statements, [
      'CREATE TABLE book (id INTEGER NOT NULL PRIMARY KEY, author_id INTEGER NOT NULL, title VARCHAR(200) NOT NULL, ' +
        'CONSTRAINT fk_book_author_id_author FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE)',
      'CREATE INDEX ix_book_title ON book (title)',
    ]);

    const again = await upgrade({ engine: e, scripts: linear });
    assert.deepEqual(again.steps, []);
    if (ctx.dialect === 'sqlite') {
      const { rows } = await e.execute('PRAGMA busy_timeout');
      assert.deepEqual(Object.values(rows[0] ?? {}), [5000], "the lock's busy_timeout is not left on the pooled connection");
    }

    const minusOne = await downgrade({ engine: e, scripts: linear, target: '-1' });
    assert.deepEqual(minusOne.steps.map((s) => [s.revision, s.direction]), [[C, 'down']]);
    assert.deepEqual(await versionRows(e), [B]);

    const toBase = await downgrade({ engine: e, scripts: linear, target: 'base' });
    assert.deepEqual(toBase.steps.map((s) => s.revision), [B, A]);
    assert.deepEqual(await versionRows(e), []);
    assert.deepEqual(await existing(e, ['author', 'book']), []);

    await upgrade({ engine: e, scripts: linear, target: B });
    assert.deepEqual(await versionRows(e), [B]);
    await upgrade({ engine: e, scripts: linear });
    assert.deepEqual(await versionRows(e), [C]);
    assert.deepEqual(await historyOf(e), [
      `${A}:up`, `${B}:up`, `${C}:up`, `${C}:down`, `${B}:down`, `${A}:down`, `${A}:up`, `${B}:up`, `${C}:up`,
    ]);
  });

  it('runs branches and their merge, and downgrades one branch', async () => {
    const e = await fresh('branches');
    const scripts = await ScriptDirectory.load(fixture('branches'));
    await upgrade({ engine: e, scripts, target: 'b1b1b1b1b1b1' });
    assert.deepEqual(await versionRows(e), ['b1b1b1b1b1b1']);
    await upgrade({ engine: e, scripts, target: 'b2b2b2b2b2b2' });
    assert.deepEqual(await versionRows(e), ['b1b1b1b1b1b1', 'b2b2b2b2b2b2']);
    const cur = await current({ engine: e, scripts });
    assert.deepEqual(cur.pending.map((s) => s.revision), ['m3m3m3m3m3m3']);
    assert.equal(cur.upToDate, false);

    const merged = await upgrade({ engine: e, scripts, target: 'heads' });
    assert.deepEqual(merged.steps.map((s) => s.revision), ['m3m3m3m3m3m3']);
    assert.deepEqual(await versionRows(e), ['m3m3m3m3m3m3']);
    const unmerged = await downgrade({ engine: e, scripts, target: 'b1b1b1b1b1b1' });
    assert.deepEqual(unmerged.steps.map((s) => s.revision), ['m3m3m3m3m3m3']);
    assert.deepEqual(await versionRows(e), ['b1b1b1b1b1b1', 'b2b2b2b2b2b2']);

    const right = await downgrade({ engine: e, scripts, target: 'right@-1' });
    assert.deepEqual(right.steps.map((s) => s.revision), ['b2b2b2b2b2b2']);
    assert.deepEqual(await versionRows(e), ['b1b1b1b1b1b1']);
    assert.deepEqual(await existing(e, ['root_t', 'left_t', 'right_t', 'merged_t']), ['root_t', 'left_t']);

    const all = await upgrade({ engine: e, scripts, target: 'heads' });
    assert.deepEqual(all.steps.map((s) => s.revision), ['b2b2b2b2b2b2', 'm3m3m3m3m3m3']);
    assert.deepEqual(await existing(e, ['root_t', 'left_t', 'right_t', 'merged_t']), ['root_t', 'left_t', 'right_t', 'merged_t']);
  });

  it('op facade migrations: up to head keeps the rows (SQLite: a parent rebuild keeps CASCADE children), down to base', async () => {
    const e = await fresh('ops');
    const scripts = await ScriptDirectory.load(fixture('ops'));
    await upgrade({ engine: e, scripts, target: B });
    await e.execute("INSERT INTO author (id, name) VALUES (1, 'Ann')");
    await e.execute("INSERT INTO book (id, author_id, title) VALUES (10, 1, 'First')");
    await upgrade({ engine: e, scripts });
    assert.deepEqual(await versionRows(e), [C]);
    const { rows } = await e.execute('SELECT b.id, b.isbn, a.name FROM book b JOIN author a ON a.id = b.author_id');
    assert.deepEqual(rows.map((r) => [Number(r.id), r.isbn, r.name]), [[10, null, 'Ann']]);
    await downgrade({ engine: e, scripts, target: 'base' });
    assert.deepEqual(await existing(e, ['author', 'book']), []);
    assert.deepEqual(await versionRows(e), []);
  });

  it('stamps the version table without running migrations', async () => {
    const e = await fresh('stamp');
    const result = await stamp({ engine: e, scripts: linear, target: 'head' });
    assert.deepEqual(result.heads, [C]);
    assert.deepEqual(await versionRows(e), [C]);
    assert.deepEqual(await existing(e, ['author', 'book']), []);
    assert.deepEqual(await historyOf(e), [`${C}:stamp`]);
    await stamp({ engine: e, scripts: linear, target: 'base' });
    assert.deepEqual(await versionRows(e), []);
    const up = await upgrade({ engine: e, scripts: linear });
    assert.deepEqual(up.steps.map((s) => s.revision), [A, B, C]);
    await stamp({ engine: e, scripts: linear, target: A });
    assert.deepEqual(await versionRows(e), [A]);
    assert.deepEqual(await historyOf(e), [`${C}:stamp`, `${A}:up`, `${B}:up`, `${C}:up`, `${A}:stamp`]);
  });

  it('reports what it cannot do with clear errors', async () => {
    const e = await fresh('errors');
    const branches = await ScriptDirectory.load(fixture('branches'));
    const dir = tempDir();
    writeMigrations(dir, [
      { id: 'r1r1r1', parent: null },
      { id: 'r2r2r2', parent: 'r1r1r1' },
      { id: 'r3r3r3', parent: 'r1r1r1' },
    ]);
    const twoHeads = await ScriptDirectory.load(dir);
    await assert.rejects(upgrade({ engine: e, scripts: twoHeads }), (err: unknown) => {
      assert.ok(err instanceof MultipleHeadsError);
      assert.match(err.message, /multiple heads are present for "head" \(r2r2r2, r3r3r3\)/);
      return true;
    });
    assert.deepEqual(await versionRows(e), [], 'nothing ran');
    await assert.rejects(upgrade({ engine: e, scripts: branches, target: 'f00f00' }), (err: unknown) => err instanceof RevisionNotFoundError && /f00f00/.test(err.message));
    await assert.rejects(downgrade({ engine: e, scripts: branches, target: '-1' }), RevisionTargetError);

    await upgrade({ engine: e, scripts: twoHeads, target: 'heads' });
    await assert.rejects(current({ engine: e, scripts: linear }), (err: unknown) => {
      assert.ok(err instanceof RevisionNotFoundError);
      assert.match(err.message, /the database records revision "r[23]r[23]r[23]", but no migration file declares it/);
      return true;
    });
    await assert.rejects(upgrade({ engine: e, scripts: linear }), RevisionNotFoundError);
  });

  it('a migration file that fails to load stops the run before its first migration; current still answers', async () => {
    const e = await fresh('broken');
    const dir = tempDir();
    writeMigrations(dir, [
      { id: 'k1k1k1', parent: null, up: [`await op.execute('CREATE TABLE k1 (id INTEGER)');`] },
      { id: 'k2k2k2', parent: 'k1k1k1', up: [`await op.execute('CREATE TABLE k2 (id INTEGER)');`] },
    ]);
    // k2's declarations read fine from its text; its module throws when loaded
    appendFileSync(join(dir, readdirSync(dir).find((f) => f.includes('k2k2k2'))!), `throw new Error('k2 is broken');\n`);
    const scripts = await ScriptDirectory.load(dir);
    assert.deepEqual(scripts.graph.heads, ['k2k2k2']);
    const status = await current({ engine: e, scripts });
    assert.deepEqual(status.heads, []);
    await assert.rejects(upgrade({ engine: e, scripts }), (err: unknown) => {
      assert.ok(err instanceof ScriptError, String(err));
      assert.match(err.message, /k2k2k2\.ts: cannot load: k2 is broken$/);
      return true;
    });
    assert.deepEqual(await versionRows(e), [], 'k1 did not run either');
    assert.deepEqual(await existing(e, ['k1', 'k2']), []);
    await upgrade({ engine: e, scripts, target: 'k1k1k1' });
    assert.deepEqual(await versionRows(e), ['k1k1k1'], 'a run that does not reach k2 does not load it');
  });

  it('reports checksum drift of applied migrations in current and as an upgrade warning', async () => {
    const e = await fresh('drift');
    const dir = tempDir('drift');
    cpSync(fixture('linear'), dir, { recursive: true });
    await upgrade({ engine: e, migrations: dir, target: B });
    const clean = await current({ engine: e, migrations: dir });
    assert.deepEqual(clean.drift, []);
    assert.deepEqual(clean.heads.map((h) => [h.revision, h.message]), [[B, 'create book']]);
    assert.deepEqual(clean.pending.map((s) => s.revision), [C]);

    const edited = join(dir, readdirSync(dir).find((f) => f.includes(A)) ?? '');
    appendFileSync(edited, '// edited after it was applied\n');
    const drifted = await current({ engine: e, migrations: dir });
    assert.deepEqual(drifted.drift.map((d) => [d.revision, d.path]), [[A, edited]]);
    assert.notEqual(drifted.drift[0]?.recorded, drifted.drift[0]?.current);

    const warnings: string[] = [];
    const up = await upgrade({ engine: e, migrations: dir, onEvent: (ev) => ev.type === 'warning' && warnings.push(`${ev.code} ${ev.revision ?? ''}`) });
    assert.deepEqual(up.drift.map((d) => d.revision), [A]);
    assert.deepEqual(warnings, [`CHECKSUM_DRIFT ${A}`]);
    assert.deepEqual(await versionRows(e), [C], 'drift does not stop the upgrade');
  });
});
