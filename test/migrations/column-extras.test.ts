// Generated columns, collations, MySQL ON UPDATE and PostgreSQL identity ALWAYS from models to a
// migration file to the database and back, on each dialect: autogenerate writes them, upgrade
// creates them (the rows behave so), a second autogenerate finds nothing, a change of collation /
// ON UPDATE / identity kind is an alterColumn that upgrade applies and downgrade reverts, and a
// changed generated expression is a warning in the file, not an operation.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import {
  MetaData,
  Table,
  autogenerate,
  check,
  column,
  createEngine,
  downgrade,
  inspect,
  sql,
  upgrade,
  type ColumnSnapshot,
  type Engine,
} from '../../src/index.js';
import { forEachDialect } from '../helpers/databases.js';

/** Per dialect: two collations that are not the database default, and whether ON UPDATE / identity kinds exist. */
const DIALECT = {
  postgresql: { collations: ['C', 'POSIX'], onUpdate: false, identityKinds: true },
  mysql: { collations: ['utf8mb4_bin', 'utf8mb4_unicode_ci'], onUpdate: true, identityKinds: false },
  sqlite: { collations: ['NOCASE', 'RTRIM'], onUpdate: false, identityKinds: false },
} as const;

interface Version {
  readonly collation: string;
  readonly onUpdate: boolean;
  readonly identityAlways: boolean;
  readonly expression: string;
}

function models(dialect: keyof typeof DIALECT, v: Version): MetaData {
  const metadata = new MetaData();
  const touched = column.dateTime().serverDefault(sql`CURRENT_TIMESTAMP`);
  new Table(metadata, 'item', {
    id: DIALECT[dialect].identityKinds ? column.integer().primaryKey().identity({ always: v.identityAlways }) : column.integer().primaryKey(),
    price: column.integer().notNull(),
    qty: column.integer().notNull(),
    total: column.integer().computed(v.expression, { stored: true }),
    code: column.string(20).collate(v.collation),
    touched: DIALECT[dialect].onUpdate && v.onUpdate ? touched.onUpdate(sql`CURRENT_TIMESTAMP`) : touched,
  });
  return metadata;
}

forEachDialect('generated columns, collations, ON UPDATE and identity kinds through migrations', (ctx) => {
  let engine: Engine;
  let dir: string;
  const d = DIALECT[ctx.dialect];
  const q = (name: string): string => (ctx.dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);
  const options = () => ({ engine, cwd: dir, migrations: join(dir, 'migrations') });
  const v1: Version = { collation: d.collations[0], onUpdate: true, identityAlways: true, expression: 'price * qty' };
  const v2: Version = { ...v1, collation: d.collations[1], onUpdate: false, identityAlways: false };

  async function columnsOfItem(): Promise<Map<string, ColumnSnapshot>> {
    const snap = await inspect(engine);
    return new Map(snap.tables.find((t) => t.name === 'item')!.columns.map((c) => [c.name, c]));
  }

  before(async () => {
    engine = createEngine(await ctx.freshUrl('colextras'));
    dir = mkdtempSync(join(tmpdir(), 'retort-col-extras-'));
  });
  after(async () => {
    await engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('autogenerate writes the parts; upgrade creates them; nothing is left to compare', async () => {
    const first = await autogenerate({ ...options(), metadata: models(ctx.dialect, v1), message: 'create item' });
    const source = first.written?.source ?? '';
    assert.match(source, /\.computed\(sql`price \* qty`, \{ stored: true \}\)/);
    assert.match(source, new RegExp(`\\.collate\\('${d.collations[0]}'\\)`));
    assert.equal(/\.onUpdate\(sql`CURRENT_TIMESTAMP`\)/.test(source), d.onUpdate);
    assert.equal(/\.identity\(\{ always: true \}\)/.test(source), d.identityKinds);
    await upgrade(options());

    const cols = await columnsOfItem();
    assert.equal(cols.get('total')?.computed?.stored, true);
    assert.equal(cols.get('code')?.collation?.toLowerCase(), d.collations[0].toLowerCase());
    assert.equal(cols.get('touched')?.onUpdate, d.onUpdate ? 'CURRENT_TIMESTAMP' : undefined);
    assert.equal(cols.get('id')?.identityAlways, d.identityKinds ? true : undefined);
    const ok = await check({ ...options(), metadata: models(ctx.dialect, v1) });
    assert.deepEqual([ok.matches, ok.operations], [true, []]);
    assert.equal((await autogenerate({ ...options(), metadata: models(ctx.dialect, v1), message: 'nothing' })).written, null);

    const idColumn = d.identityKinds ? '' : `${q('id')}, `;
    const idValue = d.identityKinds ? '' : '1, ';
    await engine.execute(`INSERT INTO ${q('item')} (${idColumn}${q('price')}, ${q('qty')}, ${q('code')}) VALUES (${idValue}2, 3, 'abc')`);
    const row = await engine.execute(`SELECT ${q('total')} AS total FROM ${q('item')}`);
    assert.equal(Number(row.rows[0]?.total), 6);
    if (d.identityKinds) {
      await assert.rejects(engine.execute(`INSERT INTO ${q('item')} (${q('id')}, ${q('price')}, ${q('qty')}) VALUES (99, 1, 1)`), /GENERATED ALWAYS|cannot insert/i);
    }
    if (ctx.dialect === 'sqlite') {
      // NOCASE: 'ABC' finds 'abc'
      assert.equal((await engine.execute(`SELECT count(*) AS n FROM item WHERE code = 'ABC'`)).rows[0]?.n, 1);
    }
    if (ctx.dialect === 'mysql') {
      // utf8mb4_bin: 'ABC' does not find 'abc' (the table's default collation would)
      assert.equal(Number((await engine.execute("SELECT count(*) AS n FROM `item` WHERE `code` = 'ABC'")).rows[0]?.n), 0);
    }
  });

  it('a change of collation, ON UPDATE and identity kind is an alterColumn; downgrade restores them', async () => {
    const second = await autogenerate({ ...options(), metadata: models(ctx.dialect, v2), message: 'change item' });
    const kinds = second.operations.map((o) => (o.kind === 'alterColumn' ? `${o.name}:${Object.keys(o.changes).sort().join('+')}` : o.kind)).sort();
    const expected = ['code:collation', ...(d.identityKinds ? ['id:identityAlways'] : []), ...(d.onUpdate ? ['touched:onUpdate'] : [])].sort();
    assert.deepEqual(kinds, expected);
    await upgrade(options());
    let cols = await columnsOfItem();
    assert.equal(cols.get('code')?.collation?.toLowerCase(), d.collations[1].toLowerCase());
    assert.equal(cols.get('touched')?.onUpdate, undefined);
    assert.equal(cols.get('id')?.identityAlways, undefined);
    assert.equal(cols.get('total')?.computed?.stored, true, 'the generated column survives the change (a rebuild on SQLite)');
    assert.deepEqual((await check({ ...options(), metadata: models(ctx.dialect, v2) })).operations, []);

    await downgrade({ ...options(), target: '-1' });
    cols = await columnsOfItem();
    assert.equal(cols.get('code')?.collation?.toLowerCase(), d.collations[0].toLowerCase());
    assert.equal(cols.get('touched')?.onUpdate, d.onUpdate ? 'CURRENT_TIMESTAMP' : undefined);
    assert.equal(cols.get('id')?.identityAlways, d.identityKinds ? true : undefined);
    assert.deepEqual((await check({ ...options(), metadata: models(ctx.dialect, v1) })).operations, []);
    const row = await engine.execute(`SELECT ${q('total')} AS total FROM ${q('item')}`);
    assert.equal(Number(row.rows[0]?.total), 6, 'rows and generated values survive upgrade and downgrade');
    rmSync(second.written?.path ?? '');
  });

  it('a changed generated expression is a warning in the file, not an operation', async () => {
    const changed = await autogenerate({ ...options(), metadata: models(ctx.dialect, { ...v1, expression: 'price + qty' }), message: 'expr', allowEmpty: true });
    assert.deepEqual(changed.operations, []);
    assert.match(changed.written?.source ?? '', /WARNING: item: generated column total: its expression changes from .* to \(price \+ qty\)/);
  });
});
