// SQLite's ON CONFLICT clauses of PRIMARY KEY and UNIQUE constraints (`name TEXT UNIQUE ON CONFLICT
// REPLACE`), end to end: a table rebuild keeps them (a duplicate insert still replaces the row),
// reflection shows them, models declare them and `check` finds no phantom difference, and
// autogenerate writes them into the migration, a changed clause included.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach, it } from 'node:test';
import {
  MetaData,
  PrimaryKeyConstraint,
  Table,
  UniqueConstraint,
  autogenerate,
  check,
  column,
  createEngine,
  downgrade,
  inspect,
  upgrade,
  type ConflictAction,
  type Engine,
} from '../../../src/index.js';
import { renderSchemaTree } from '../../../src/reflect/tree.js';
import { forSqlite, masterSql } from './helpers.js';

/** The repro's tables, as a database nobody documented has them. */
const LEGACY_SQL = [
  'CREATE TABLE c (id INTEGER PRIMARY KEY, name TEXT UNIQUE ON CONFLICT REPLACE, d TEXT)',
  'CREATE TABLE p (a INT NOT NULL, b INT NOT NULL, v TEXT, PRIMARY KEY (a, b) ON CONFLICT IGNORE)',
];

/** The same tables as models (after the migration: d and v are VARCHAR(10)). */
function legacyModels(onConflict: { name?: ConflictAction; key?: ConflictAction } = { name: 'replace', key: 'ignore' }): MetaData {
  const metadata = new MetaData({ namingConvention: {} });
  new Table(metadata, 'c', {
    id: column.integer().primaryKey(),
    name: column.text().unique(onConflict.name ? { onConflict: onConflict.name } : undefined),
    d: column.string(10),
  });
  new Table(metadata, 'p', {
    a: column.integer().notNull(),
    b: column.integer().notNull(),
    v: column.string(10),
  }, new PrimaryKeyConstraint(['a', 'b'], onConflict.key ? { onConflict: onConflict.key } : {}));
  return metadata;
}

/** A model declared with the clauses from the start. */
function tagModels(onConflict: ConflictAction): MetaData {
  const metadata = new MetaData();
  new Table(metadata, 'tag', {
    id: column.integer().primaryKey({ onConflict: 'replace' }),
    label: column.string(50).notNull(),
    lang: column.string(5).notNull(),
  }, new UniqueConstraint(['label', 'lang'], { onConflict }));
  return metadata;
}

const HAND_WRITTEN = `import type { Operations } from 'retort';
import { column } from 'retort';

export const revision = 'a1b2c3d4e5f6';
export const parent = null;
export const message = 'widen d and v';
export const createdAt = '2026-01-01T00:00:00.000Z';

export async function upgrade(op: Operations): Promise<void> {
  await op.alterColumn('c', 'd', { type: column.string(10) });
  await op.alterColumn('p', 'v', { type: column.string(10) });
}

export async function downgrade(op: Operations): Promise<void> {
  await op.alterColumn('p', 'v', { type: column.text() });
  await op.alterColumn('c', 'd', { type: column.text() });
}
`;

forSqlite('SQLite ON CONFLICT clauses', (ctx) => {
  let engine: Engine;
  let dir: string;
  const options = () => ({ engine, cwd: dir, migrations: join(dir, 'migrations') });
  const rows = async (sql: string) => (await engine.execute(sql)).rows;

  beforeEach(async () => {
    await engine?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
    engine = createEngine(await ctx.freshUrl('onconflict'));
    dir = mkdtempSync(join(tmpdir(), 'retort-onconflict-'));
  });
  after(async () => {
    await engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a table rebuild keeps the clauses: a duplicate still replaces (or is ignored) after upgrade and downgrade', async () => {
    for (const statement of LEGACY_SQL) await engine.execute(statement);
    await engine.execute("INSERT INTO c (name, d) VALUES ('a', 'first')");
    mkdirSync(join(dir, 'migrations'));
    writeFileSync(join(dir, 'migrations', 'a1b2c3d4e5f6_widen.ts'), HAND_WRITTEN);
    await upgrade(options());

    assert.match((await masterSql(engine, 'c')) ?? '', /"d" VARCHAR\(10\)/, 'the table was rebuilt');
    assert.match((await masterSql(engine, 'c')) ?? '', /UNIQUE \("name"\) ON CONFLICT REPLACE/);
    assert.match((await masterSql(engine, 'p')) ?? '', /PRIMARY KEY \("a", "b"\) ON CONFLICT IGNORE/);
    await engine.execute("INSERT INTO c (name, d) VALUES ('a', 'second')");
    assert.deepEqual(await rows('SELECT name, d FROM c'), [{ name: 'a', d: 'second' }], 'the duplicate name replaced the row');
    await engine.execute("INSERT INTO p VALUES (1, 1, 'kept')");
    await engine.execute("INSERT INTO p VALUES (1, 1, 'ignored')");
    assert.deepEqual(await rows('SELECT v FROM p'), [{ v: 'kept' }], 'the duplicate key was ignored');

    await downgrade({ ...options(), target: 'base' });
    await engine.execute("INSERT INTO c (name, d) VALUES ('a', 'third')");
    assert.deepEqual(await rows('SELECT name, d FROM c'), [{ name: 'a', d: 'third' }], 'the downgrade rebuild keeps the clause too');
  });

  it('reflection shows the clauses; models that declare them match, models that do not differ', async () => {
    for (const statement of LEGACY_SQL) await engine.execute(statement);
    const snapshot = await inspect(engine);
    const c = snapshot.tables.find((t) => t.name === 'c')!;
    const p = snapshot.tables.find((t) => t.name === 'p')!;
    assert.deepEqual(c.uniques, [{ name: null, columns: ['name'], onConflict: 'REPLACE' }]);
    assert.deepEqual(c.primaryKey, { name: null, columns: ['id'] });
    assert.deepEqual(p.primaryKey, { name: null, columns: ['a', 'b'], onConflict: 'IGNORE' });
    const tree = renderSchemaTree(snapshot, engine.dialect).join('\n');
    assert.match(tree, /UNIQUE \(name\) ON CONFLICT REPLACE/);
    assert.match(tree, /PRIMARY KEY \(a, b\) ON CONFLICT IGNORE/);
    // the metadata MetaData.reflect builds keeps them: createAll in another database writes them again
    const copy = createEngine(await ctx.freshUrl('onconflict-copy'));
    try {
      await (await MetaData.reflect(engine)).createAll(copy);
      assert.match((await masterSql(copy, 'c')) ?? '', /UNIQUE \("name"\) ON CONFLICT REPLACE/);
      assert.match((await masterSql(copy, 'p')) ?? '', /PRIMARY KEY \("a", "b"\) ON CONFLICT IGNORE/);
    } finally {
      await copy.dispose();
    }

    await engine.execute('DROP TABLE c');
    await engine.execute('DROP TABLE p');
    await legacyModels().createAll(engine);
    assert.deepEqual((await check({ ...options(), metadata: legacyModels() })).operations, [], 'no phantom difference');
    const without = await check({ ...options(), metadata: legacyModels({}) });
    assert.deepEqual(without.operations.map((o) => o.kind).sort(), ['addPrimaryKey', 'addUnique', 'dropPrimaryKey', 'dropUnique']);
  });

  it('autogenerate writes the clauses; upgrade creates them; a changed clause is a new migration that downgrade reverts', async () => {
    const first = await autogenerate({ ...options(), metadata: tagModels('replace'), message: 'create tag' });
    const source = first.written?.source ?? '';
    assert.match(source, /primaryKey: \{ name: 'pk_tag', columns: \['id'\], onConflict: 'REPLACE' \}/);
    assert.match(source, /uniques: \[\{ name: 'uq_tag_label_lang', columns: \['label', 'lang'\], onConflict: 'REPLACE' \}\]/);
    await upgrade(options());
    assert.deepEqual((await check({ ...options(), metadata: tagModels('replace') })).operations, []);
    assert.equal((await autogenerate({ ...options(), metadata: tagModels('replace'), message: 'nothing' })).written, null);
    await engine.execute("INSERT INTO tag (id, label, lang) VALUES (1, 'news', 'en')");
    await engine.execute("INSERT INTO tag (id, label, lang) VALUES (2, 'news', 'en')");
    await engine.execute("INSERT INTO tag (id, label, lang) VALUES (2, 'sport', 'en')");
    assert.deepEqual(await rows('SELECT id, label FROM tag'), [{ id: 2, label: 'sport' }], 'both clauses replace');

    const second = await autogenerate({ ...options(), metadata: tagModels('ignore'), message: 'ignore duplicates' });
    assert.deepEqual(second.operations.map((o) => o.kind), ['dropUnique', 'addUnique']);
    assert.match(second.written?.source ?? '', /op\.createUnique\('uq_tag_label_lang', 'tag', \['label', 'lang'\], \{ onConflict: 'IGNORE' \}\)/);
    await upgrade(options());
    await engine.execute("INSERT INTO tag (id, label, lang) VALUES (3, 'sport', 'en')");
    assert.deepEqual(await rows('SELECT id, label FROM tag'), [{ id: 2, label: 'sport' }], 'the duplicate is ignored now');
    assert.deepEqual((await check({ ...options(), metadata: tagModels('ignore') })).operations, []);

    await downgrade({ ...options(), target: '-1' });
    assert.match((await masterSql(engine, 'tag')) ?? '', /UNIQUE \("label", "lang"\) ON CONFLICT REPLACE/);
    assert.deepEqual((await check({ ...options(), metadata: tagModels('replace') })).operations, []);
  });
});
