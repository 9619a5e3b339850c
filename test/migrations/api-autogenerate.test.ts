// The programmatic check and autogenerate on each dialect: written files, the up-to-date guard,
// the NULL check of NOT NULL changes, --fail-on-destructive, and a rename resolver.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import {
  DestructiveChangesError,
  MetaData,
  NotUpToDateError,
  Table,
  autogenerate,
  check,
  column,
  createEngine,
  upgrade,
  type AnyColumnBuilder,
  type Engine,
  type RenameCandidate,
} from '../../src/index.js';
import { resolveConfig } from '../../src/migrations/config.js';
import { forEachDialect } from '../helpers/databases.js';

function models(columns: Record<string, AnyColumnBuilder>): MetaData {
  const metadata = new MetaData();
  new Table(metadata, 'post', { id: column.integer().primaryKey(), ...columns });
  return metadata;
}

forEachDialect('programmatic check and autogenerate', (ctx) => {
  let engine: Engine;
  let dir: string;
  const q = (name: string): string => (ctx.dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);
  const options = () => ({ engine, cwd: dir, migrations: join(dir, 'migrations') });

  before(async () => {
    engine = createEngine(await ctx.freshUrl('apiauto'));
    dir = mkdtempSync(join(tmpdir(), 'retort-api-auto-'));
  });
  after(async () => {
    await engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the first revision into a folder that does not exist yet; check refuses until upgrade, then matches', async () => {
    const v1 = models({ title: column.string(100), body: column.text() });
    const result = await autogenerate({ ...options(), metadata: v1, message: 'create post' });
    assert.deepEqual(result.operations.map((o) => o.kind), ['createTable']);
    assert.deepEqual(result.parents, []);
    assert.ok(result.written !== null);
    assert.match(result.written.source, /await op\.createTable\('post'/);

    const behind = await check({ ...options(), metadata: v1 });
    assert.equal(behind.upToDate, false);
    assert.equal(behind.matches, false);
    assert.equal(behind.tables, null);
    assert.deepEqual(behind.pending.map((s) => s.revision), [result.written.id]);
    await assert.rejects(autogenerate({ ...options(), metadata: v1, message: 'again' }), (e) => e instanceof NotUpToDateError && e.code === 'NOT_UP_TO_DATE');

    await upgrade(options());
    const ok = await check({ ...options(), metadata: v1 });
    assert.deepEqual([ok.upToDate, ok.matches, ok.tables, ok.operations.length, ok.differences.length], [true, true, 1, 0, 0]);
    const empty = await autogenerate({ ...options(), metadata: v1, message: 'nothing' });
    assert.equal(empty.written, null);
  });

  it('NOT NULL on a column holding NULLs is destructive (failOnDestructive refuses); without NULLs it is not', async () => {
    await engine.execute(`INSERT INTO ${q('post')} (${q('id')}, ${q('title')}) VALUES (1, NULL)`);
    const v2 = models({ title: column.string(100).notNull(), body: column.text() });
    const differs = await check({ ...options(), metadata: v2 });
    assert.equal(differs.matches, false);
    assert.match(differs.differences[0]?.patch ?? '', /^\+ {2}column title VARCHAR\(100\) NOT NULL$/m);
    await assert.rejects(
      autogenerate({ ...options(), metadata: v2, message: 'title not null', failOnDestructive: true }),
      (e) => e instanceof DestructiveChangesError && /sets post\.title NOT NULL/.test(e.message),
    );

    await engine.execute(`UPDATE ${q('post')} SET ${q('title')} = 'x'`);
    const result = await autogenerate({ ...options(), metadata: v2, message: 'title not null', failOnDestructive: true });
    assert.deepEqual(result.destructive, []);
    assert.deepEqual(result.warnings, []);
    assert.ok(result.written !== null);
    await upgrade(options());
  });

  it('a resolver decides likely renames; a declined one is a drop + add with a warning', async () => {
    const v3 = models({ title: column.string(100).notNull(), content: column.text() });
    const asked: RenameCandidate[] = [];
    const declined = await autogenerate({ ...options(), metadata: v3, message: 'rename', allowEmpty: true, resolver: (c) => (asked.push(c), Promise.resolve(false)) });
    assert.deepEqual(asked, [{ kind: 'column', schema: null, table: 'post', from: 'body', to: 'content' }]);
    assert.deepEqual(declined.declined, asked);
    assert.deepEqual(declined.warnings.map((w) => w.kind), ['rename', 'destructive']);
    rmSync(declined.written?.path ?? '');

    const accepted = await autogenerate({ ...options(), metadata: v3, message: 'rename', resolver: () => Promise.resolve(true) });
    assert.deepEqual(accepted.operations.map((o) => o.kind), ['renameColumn']);
    assert.deepEqual(accepted.renames.columns, [{ table: 'post', from: 'body', to: 'content' }]);
    assert.deepEqual(accepted.downgradeOperations.map((o) => o.kind), ['renameColumn']);
  });
});

forEachDialect('the configured naming convention', (ctx) => {
  let engine: Engine;
  let dir: string;
  before(async () => {
    engine = createEngine(await ctx.freshUrl('apiconv'));
    dir = mkdtempSync(join(tmpdir(), 'retort-api-conv-'));
  });
  after(async () => {
    await engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the constraints of models whose MetaData declares no convention; a MetaData convention wins', async () => {
    const config = resolveConfig({ migrations: 'migrations', namingConvention: { uq: 'uniq_%(table_name)s_%(column_0_name)s', ix: 'idx_%(column_0_name)s' } }, dir, null);
    const plain = models({ title: column.string(100).unique(), body: column.text().index() });
    const result = await autogenerate({ engine, cwd: dir, config, metadata: plain, message: 'post' });
    const source = result.written?.source ?? '';
    assert.match(source, /'uniq_post_title'/);
    assert.match(source, /'idx_body'/);
    // kinds the configuration leaves out keep the default convention
    if (ctx.dialect === 'postgresql') assert.match(source, /primaryKey: \{ name: 'pk_post'/);
    rmSync(result.written?.path ?? '');
    const own = new MetaData({ namingConvention: { uq: 'own_uq_%(column_0_name)s' } });
    new Table(own, 'post', { id: column.integer().primaryKey(), title: column.string(100).unique() });
    const mine = await autogenerate({ engine, cwd: dir, config, metadata: own, message: 'own' });
    assert.match(mine.written?.source ?? '', /'own_uq_title'/);
  });
});
