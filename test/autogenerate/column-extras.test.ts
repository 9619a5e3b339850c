// Generated columns, collations, MySQL ON UPDATE and PostgreSQL identity ALWAYS through the pure
// layers: builders -> snapshot, compare (per dialect), render, apply and reverse of alterColumn.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compare } from '../../src/autogenerate/compare.js';
import type { CompareWarning } from '../../src/autogenerate/compare-options.js';
import { onUpdateKey } from '../../src/autogenerate/normalize.js';
import { renderColumn } from '../../src/autogenerate/render/column.js';
import { RenderContext } from '../../src/autogenerate/render/render-context.js';
import { SchemaError } from '../../src/errors/index.js';
import { alterColumnSnapshot } from '../../src/operations/apply-columns.js';
import { applyOperation } from '../../src/operations/apply.js';
import type { AlterColumnOp } from '../../src/operations/operation.js';
import { reverse } from '../../src/operations/reverse.js';
import { column, MetaData, Table } from '../../src/schema/index.js';
import type { ColumnSnapshot, SchemaSnapshot } from '../../src/schema/snapshot.js';
import { sql } from '../../src/sql/sql.js';
import { testDialect, type TestDialectName } from '../helpers/compare-dialects.js';
import { col, expr, pk, snapshot, t, table } from '../helpers/snapshots.js';

/** A one-table schema `item` whose column `c` is `c` (id is the key). */
function schemaWith(c: ColumnSnapshot): SchemaSnapshot {
  return snapshot([table('item', [col('id', t.integer, { nullable: false }), c], { primaryKey: pk('pk_item', ['id']) })]);
}

function diff(target: ColumnSnapshot, current: ColumnSnapshot, dialect: TestDialectName, targetIsDatabase = false): { ops: unknown[]; warnings: string[] } {
  const warnings: CompareWarning[] = [];
  const ops = compare(schemaWith(target), schemaWith(current), { dialect: testDialect(dialect), onWarning: (w) => warnings.push(w), targetIsDatabase });
  return { ops, warnings: warnings.map((w) => w.message) };
}

const alter = (changes: AlterColumnOp['changes'], previous: AlterColumnOp['previous']): AlterColumnOp => (
  { kind: 'alterColumn', schema: null, table: 'item', name: 'c', changes, previous }
);

describe('column extras: builders', () => {
  it('declared parts reach the snapshot; undeclared ones are absent', () => {
    const md = new MetaData();
    new Table(md, 'item', {
      id: column.integer().primaryKey().identity({ always: true }),
      price: column.numeric(10, 2),
      total: column.numeric(12, 2).computed(sql`price * 2`, { stored: true }),
      half: column.numeric(12, 2).computed('price / 2'),
      code: column.string(20).collate('C'),
      touched: column.dateTime().serverDefault(sql`CURRENT_TIMESTAMP`).onUpdate(sql`CURRENT_TIMESTAMP`),
    });
    const cols = md.snapshot('postgresql').tables[0]!.columns;
    const by = (name: string): ColumnSnapshot => cols.find((c) => c.name === name)!;
    assert.equal(by('id').identityAlways, true);
    assert.deepEqual(by('total').computed, { sql: 'price * 2', stored: true });
    assert.deepEqual(by('half').computed, { sql: 'price / 2', stored: false });
    assert.equal(by('code').collation, 'C');
    assert.equal(by('touched').onUpdate, 'CURRENT_TIMESTAMP');
    assert.deepEqual(Object.keys(by('price')).sort(), ['autoincrement', 'comment', 'default', 'name', 'nullable', 'type']);
  });

  it('contradictions are refused with the table and column named', () => {
    const build = (c: ReturnType<typeof column.integer>): unknown => {
      const md = new MetaData();
      new Table(md, 'item', { id: column.integer().primaryKey(), bad: c });
      return md.snapshot('postgresql');
    };
    assert.throws(() => build(column.integer().computed('id * 2').serverDefault(1)), (e: unknown) => e instanceof SchemaError && /"item", column "bad".*server default/.test(e.message));
    assert.throws(() => build(column.integer().computed('id * 2').autoincrement()), /cannot autoincrement/);
    assert.throws(() => build(column.integer().identity({ always: true }).autoincrement(false)), /does not autoincrement/);
    assert.throws(() => column.integer().computed(' '), /expression is empty/);
    assert.throws(() => column.string(5).collate(''), /non-empty/);
    assert.throws(() => column.dateTime().onUpdate(sql`${1}`), /cannot bind parameters/);
  });
});

describe('column extras: compare', () => {
  const plain = col('c', t.string(20));

  it('collation: compared only when the model declares one, case-insensitively', () => {
    assert.deepEqual(diff(plain, { ...plain, collation: 'utf8mb4_bin' }, 'mysql').ops, []);
    assert.deepEqual(diff({ ...plain, collation: 'UTF8MB4_BIN' }, { ...plain, collation: 'utf8mb4_bin' }, 'mysql').ops, []);
    // the names of the default collation
    assert.deepEqual(diff({ ...plain, collation: 'binary' }, plain, 'sqlite').ops, []);
    assert.deepEqual(diff({ ...plain, collation: 'default' }, plain, 'postgresql').ops, []);
    assert.deepEqual(diff({ ...plain, collation: '"C"' }, { ...plain, collation: 'C' }, 'postgresql').ops, []);
    for (const dialect of ['postgresql', 'mysql', 'sqlite'] as const) {
      assert.deepEqual(diff({ ...plain, collation: 'C' }, plain, dialect).ops, [
        { kind: 'alterColumn', schema: null, table: 'item', name: 'c', changes: { collation: 'C' }, previous: { collation: null } },
      ], dialect);
    }
  });

  it('ON UPDATE: MySQL only; spellings of CURRENT_TIMESTAMP are equal; absent means none', () => {
    const ts = col('c', { kind: 'datetime', timezone: false }, { default: expr('CURRENT_TIMESTAMP') });
    assert.deepEqual(diff({ ...ts, onUpdate: 'CURRENT_TIMESTAMP' }, { ...ts, onUpdate: 'current_timestamp()' }, 'mysql').ops, []);
    assert.deepEqual(diff({ ...ts, onUpdate: 'CURRENT_TIMESTAMP' }, ts, 'postgresql').ops, []);
    assert.deepEqual(diff(ts, { ...ts, onUpdate: 'current_timestamp()' }, 'mysql').ops, [
      { kind: 'alterColumn', schema: null, table: 'item', name: 'c', changes: { onUpdate: null }, previous: { onUpdate: 'current_timestamp()' } },
    ]);
    assert.equal(diff({ ...ts, onUpdate: 'CURRENT_TIMESTAMP(6)' }, { ...ts, onUpdate: 'current_timestamp()' }, 'mysql').ops.length, 1);
    assert.equal(onUpdateKey('now( 3 )'), 'CURRENT_TIMESTAMP(3)');
    assert.equal(onUpdateKey('CURRENT_TIMESTAMP(0)'), 'CURRENT_TIMESTAMP');
    assert.equal(onUpdateKey(undefined), null);
  });

  it('a database as the target (retort diff): an absent collation or identity kind is the default one', () => {
    assert.deepEqual(diff(plain, { ...plain, collation: 'NOCASE' }, 'sqlite', true).ops, [
      { kind: 'alterColumn', schema: null, table: 'item', name: 'c', changes: { collation: null }, previous: { collation: 'NOCASE' } },
    ]);
    const id = col('c', t.integer, { nullable: false, autoincrement: true });
    assert.deepEqual(diff(id, { ...id, identityAlways: true }, 'postgresql', true).ops, [
      { kind: 'alterColumn', schema: null, table: 'item', name: 'c', changes: { identityAlways: false }, previous: { identityAlways: true } },
    ]);
    assert.deepEqual(diff(id, { ...id, identityAlways: true }, 'postgresql').ops, [], 'a model that does not declare the kind');
  });

  it('identity kind: PostgreSQL only, between autoincrement columns', () => {
    const id = col('c', t.integer, { nullable: false, autoincrement: true });
    assert.deepEqual(diff({ ...id, identityAlways: true }, id, 'postgresql').ops, [
      { kind: 'alterColumn', schema: null, table: 'item', name: 'c', changes: { identityAlways: true }, previous: { identityAlways: false } },
    ]);
    assert.deepEqual(diff({ ...id, identityAlways: true }, id, 'mysql').ops, []);
  });

  it('generated columns: a difference is a warning and no operation; equal spellings are quiet', () => {
    const gen = (sqlText: string, stored: boolean): ColumnSnapshot => ({ ...col('c', t.integer), computed: { sql: sqlText, stored } });
    assert.deepEqual(diff(gen('id * 2', true), gen('(id * 2)', true), 'postgresql'), { ops: [], warnings: [] });
    // PostgreSQL keeps every generated column STORED: the kind is no difference there
    assert.deepEqual(diff(gen('id * 2', false), gen('id * 2', true), 'postgresql'), { ops: [], warnings: [] });
    const kind = diff(gen('id * 2', false), gen('id * 2', true), 'mysql');
    assert.deepEqual(kind.ops, []);
    assert.match(kind.warnings.join('\n'), /generated column c: it changes from STORED to VIRTUAL/);
    assert.match(diff(gen('id * 3', true), gen('id * 2', true), 'sqlite').warnings.join('\n'), /expression changes from \(id \* 2\) to \(id \* 3\)/);
    assert.match(diff(col('c', t.integer), gen('id * 2', true), 'sqlite').warnings.join('\n'), /the model declares a plain column/);
  });

  it('an added generated column carries its definition', () => {
    const target = snapshot([table('item', [col('id', t.integer), { ...col('c', t.integer), computed: { sql: 'id * 2', stored: true } }])]);
    const current = snapshot([table('item', [col('id', t.integer)])]);
    assert.deepEqual(compare(target, current, { dialect: testDialect('sqlite') }), [
      { kind: 'addColumn', schema: null, table: 'item', column: { ...col('c', t.integer), computed: { sql: 'id * 2', stored: true } } },
    ]);
  });
});

describe('column extras: render, apply, reverse', () => {
  it('renders the builder chain', () => {
    const ctx = new RenderContext();
    const c: ColumnSnapshot = {
      ...col('c', t.string(20), { nullable: false }),
      collation: 'utf8mb4_bin', computed: { sql: 'upper(`name`)', stored: false },
    };
    assert.equal(renderColumn(c, ctx), "column.string(20).collate('utf8mb4_bin').notNull().computed(sql`upper(\\`name\\`)`)");
    const id: ColumnSnapshot = { ...col('id', t.integer, { nullable: false, autoincrement: true }), identityAlways: true };
    assert.equal(renderColumn(id, ctx), 'column.integer().notNull().identity({ always: true })');
    const ts: ColumnSnapshot = { ...col('at', { kind: 'datetime', timezone: false }, { default: expr('CURRENT_TIMESTAMP') }), onUpdate: 'CURRENT_TIMESTAMP' };
    assert.equal(renderColumn(ts, ctx), 'column.dateTime().serverDefault(sql`CURRENT_TIMESTAMP`).onUpdate(sql`CURRENT_TIMESTAMP`)');
  });

  it('alterColumn sets and removes the optional keys; its reverse restores them', () => {
    const c: ColumnSnapshot = { ...col('c', t.integer, { autoincrement: true }), collation: 'C', onUpdate: 'CURRENT_TIMESTAMP' };
    const altered = alterColumnSnapshot(c, { collation: null, onUpdate: null, identityAlways: true });
    assert.deepEqual(altered, { ...col('c', t.integer, { autoincrement: true }), identityAlways: true });
    const op = alter({ collation: null, identityAlways: true }, { collation: 'C', identityAlways: false });
    assert.deepEqual(reverse(op), alter({ collation: 'C', identityAlways: false }, { collation: null, identityAlways: true }));
    assert.deepEqual(alterColumnSnapshot(altered, { autoincrement: false }), col('c', t.integer));
    assert.throws(() => reverse(alter({ collation: 'C' }, {})), /previous\.collation/);
  });
});

describe('column extras: MySQL generated columns are always nullable', () => {
  it('a NOT NULL generated column in the model is no change on MySQL, and is one elsewhere', () => {
    const gen = (nullable: boolean): ColumnSnapshot => ({ ...col('c', t.integer, { nullable }), computed: { sql: 'id * 2', stored: true } });
    assert.deepEqual(diff(gen(false), gen(true), 'mysql').ops, []);
    assert.equal(diff(gen(false), gen(true), 'postgresql').ops.length, 1);
  });
});

describe('column extras: renaming a column', () => {
  it('renames it inside the generated expressions of the table', () => {
    const before = snapshot([table('item', [col('price', t.integer), { ...col('total', t.integer), computed: { sql: 'price * 2', stored: true } }])]);
    const after = applyOperation(before, { kind: 'renameColumn', schema: null, table: 'item', from: 'price', to: 'cost' });
    assert.deepEqual(after.tables[0]!.columns.map((c) => [c.name, c.computed?.sql]), [['cost', undefined], ['total', 'cost * 2']]);
  });
});
