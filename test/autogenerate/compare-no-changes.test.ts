import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compare } from '../../src/autogenerate/compare.js';
import type { TypeSpec } from '../../src/schema/type-spec.js';
import { testDialect, type TestDialectName } from '../helpers/compare-dialects.js';
import { blog, ck, col, enumType, expr, fk, ix, lit, pk, snapshot, t, table, uq } from '../helpers/snapshots.js';

const everyType: readonly TypeSpec[] = [
  { kind: 'integer' }, { kind: 'integer', unsigned: true }, { kind: 'smallint' }, { kind: 'bigint' }, { kind: 'tinyint' },
  { kind: 'mediumint' }, { kind: 'boolean' }, { kind: 'string', length: 200 }, { kind: 'string', length: null },
  { kind: 'char', length: 2 }, { kind: 'text' }, { kind: 'tinytext' }, { kind: 'mediumtext' }, { kind: 'longtext' },
  { kind: 'numeric', precision: 10, scale: 2 }, { kind: 'numeric', precision: null, scale: null }, { kind: 'float' },
  { kind: 'double' }, { kind: 'date' }, { kind: 'time', timezone: false }, { kind: 'time', timezone: true, precision: 3 },
  { kind: 'datetime', timezone: false }, { kind: 'datetime', timezone: true, precision: 6 }, { kind: 'json' }, { kind: 'jsonb' },
  { kind: 'uuid' }, { kind: 'binary' }, { kind: 'binary', length: 16 }, { kind: 'inet' },
  { kind: 'enum', values: ['draft', 'published'], name: 'post_status' }, { kind: 'enum', values: ['a', 'B'], name: null },
  { kind: 'array', of: { kind: 'integer' } }, { kind: 'custom', sql: 'TSVECTOR' },
];

function kitchenSink() {
  return snapshot([
    table('user', [col('id', t.integer, { nullable: false, autoincrement: true })], { primaryKey: pk('pk_user', ['id']) }),
    table('Odd "Table" name', [
      col('id', t.integer, { nullable: false }),
      col('user id', t.integer),
      col("it's", t.string(20), { default: lit("it's \\ fine"), comment: 'a "quoted" comment' }),
      col('created_at', { kind: 'datetime', timezone: true }, { nullable: false, default: expr('CURRENT_TIMESTAMP') }),
      col('n', t.numeric(10, 2), { default: lit(1.5) }),
      col('flag', t.boolean, { default: lit(true) }),
      col('Ünïcödé', t.text),
      ...everyType.map((type, i) => col(`c${i}`, type)),
    ], {
      primaryKey: pk('pk_odd', ['id']),
      foreignKeys: [fk('fk_odd_user', ['user id'], 'user', ['id'], { onDelete: 'SET NULL', onUpdate: 'CASCADE' })],
      uniques: [uq('uq_odd_its', ["it's"]), uq('uq_odd_pair', ['n', 'flag'])],
      checks: [ck('ck_odd_n', 'n > 0')],
      indexes: [ix('ix_odd_user_id', ['user id']), ix('ix_odd_lower', [], { expressions: ['lower("it\'s")'] }), ix('ix_odd_where', ['n'], { where: 'flag' })],
      comment: "table's comment",
    }),
  ], [enumType('post_status', ['draft', 'published'])]);
}

for (const name of ['postgresql', 'mysql', 'sqlite'] as const satisfies readonly TestDialectName[]) {
  describe(`compare finds nothing when nothing changed (${name})`, () => {
    const dialect = testDialect(name);

    it('identical snapshots: every type, default, constraint kind and odd identifiers', () => {
      assert.deepEqual(compare(kitchenSink(), kitchenSink(), { dialect }), []);
      assert.deepEqual(compare(blog(), blog(), { dialect }), []);
    });

    it('two empty schemas', () => {
      assert.deepEqual(compare(snapshot([]), snapshot([]), { dialect }), []);
    });

    it('an unnamed declared unique, check and FK match the named ones the database made', () => {
      const declared = snapshot([
        table('user', [col('id', t.integer, { nullable: false })], { primaryKey: pk(null, ['id']) }),
        table('post', [col('id', t.integer, { nullable: false }), col('author_id', t.integer), col('slug', t.string(50))], {
          primaryKey: pk(null, ['id']),
          foreignKeys: [fk(null, ['author_id'], 'user', ['id'])],
          uniques: [uq(null, ['slug'])],
          checks: [ck(null, 'id > 0')],
        }),
      ]);
      const reflected = snapshot([
        table('user', [col('id', t.integer, { nullable: false })], { primaryKey: pk('user_pkey', ['id']) }),
        table('post', [col('id', t.integer, { nullable: false }), col('author_id', t.integer), col('slug', t.string(50))], {
          primaryKey: pk('post_pkey', ['id']),
          foreignKeys: [fk('post_author_id_fkey', ['author_id'], 'user', ['id'])],
          uniques: [uq('post_slug_key', ['slug'])],
          checks: [ck('post_id_check', 'id > 0')],
        }),
      ]);
      assert.deepEqual(compare(declared, reflected, { dialect }), []);
    });

    it('a primary key column is NOT NULL whatever the snapshot says (SQLite: the rowid, or a WITHOUT ROWID table\'s)', () => {
      const rowid = name === 'sqlite'; // elsewhere any key column
      const declared = snapshot([table('a', [col('id', t.integer, { nullable: true, autoincrement: rowid })], { primaryKey: pk('pk_a', ['id']) })]);
      const reflected = snapshot([table('a', [col('id', t.integer, { nullable: false, autoincrement: rowid })], { primaryKey: pk('pk_a', ['id']) })]);
      assert.deepEqual(compare(declared, reflected, { dialect }), []);
      const code = (nullable: boolean, options: { withoutRowid?: boolean } = {}): ReturnType<typeof snapshot> =>
        snapshot([{ ...table('c', [col('code', t.string(8), { nullable })], { primaryKey: pk('pk_c', ['code']) }), ...options }]);
      assert.deepEqual(compare(code(true, { withoutRowid: true }), code(false, { withoutRowid: true }), { dialect }), []);
      // SQLite keeps a key column that is not the rowid taking NULLs (`code TEXT PRIMARY KEY`): that is compared
      const changes = compare(code(false), code(true), { dialect });
      if (name === 'sqlite') assert.deepEqual(changes.map((op) => op.kind === 'alterColumn' && op.changes), [{ nullable: false }]);
      else assert.deepEqual(changes, []);
    });

    it('the ignored version table and excluded tables are not compared', () => {
      const reflected = snapshot([...blog().tables, table('retort_version', [col('version_num', t.string(32))]), table('legacy', [])]);
      assert.deepEqual(compare(blog(), reflected, { dialect, ignoreTables: ['retort_version'], exclude: ['legacy'] }), []);
      assert.deepEqual(compare(blog(), reflected, { dialect, include: (n) => n === 'post' || n === 'user' }), []);
    });
  });
}

describe('compare normalises what catalogs give back (postgresql)', () => {
  const dialect = testDialect('postgresql');
  it('int4 = integer, casts on defaults, now() = CURRENT_TIMESTAMP, serial defaults, check casts, NO ACTION', () => {
    const declared = snapshot([
      table('post', [
        col('id', t.integer, { nullable: false, autoincrement: true }),
        col('status', t.string(20), { nullable: false, default: lit('draft') }),
        col('created_at', { kind: 'datetime', timezone: true }, { default: expr('CURRENT_TIMESTAMP') }),
        col('price', t.numeric(10, 2), { default: lit(0) }),
        col('tags', { kind: 'array', of: { kind: 'string', length: null } }),
      ], {
        primaryKey: pk('pk_post', ['id']),
        foreignKeys: [fk('fk_post_id_post', ['id'], 'post', ['id'])],
        checks: [ck('ck_post_price', 'price > 0')],
        indexes: [ix('ix_post_lower', [], { expressions: ['lower(status)'] }), ix('ix_post_where', ['price'], { where: 'price > 0', method: 'btree' })],
      }),
    ]);
    const reflected = snapshot([
      table('post', [
        col('id', t.custom('int4'), { nullable: false, autoincrement: true, default: expr("nextval('post_id_seq'::regclass)") }),
        col('status', t.custom('character varying(20)'), { nullable: false, default: expr("'draft'::character varying") }),
        col('created_at', { kind: 'datetime', timezone: true }, { default: expr('now()') }),
        col('price', t.numeric(10, 2), { default: expr('0') }),
        col('tags', { kind: 'array', of: { kind: 'string', length: null } }),
      ], {
        primaryKey: pk('pk_post', ['id']),
        foreignKeys: [fk('fk_post_id_post', ['id'], 'post', ['id'], { onDelete: 'NO ACTION', onUpdate: 'NO ACTION', referredSchema: 'public' })],
        checks: [ck('ck_post_price', '(price > (0)::numeric)')],
        indexes: [ix('ix_post_lower', [], { expressions: ['lower((status)::text)'] }), ix('ix_post_where', ['price'], { where: '(price > (0)::numeric)' })],
      }),
    ]);
    const current = { ...reflected, schema: 'public', tables: reflected.tables.map((x) => ({ ...x, schema: null })) };
    assert.deepEqual(compare(declared, current, { dialect }), []);
  });

  it('an enum whose values are unchanged is left alone', () => {
    const s = () => snapshot([], [enumType('post_status', ['draft', 'published', 'Archived'])]);
    assert.deepEqual(compare(s(), s(), { dialect }), []);
  });
});

describe('compare ignores what a dialect does not have', () => {
  it('sqlite: comments are not compared', () => {
    const a = snapshot([table('a', [col('x', t.integer, { comment: 'x' })], { comment: 'table a' })]);
    const b = snapshot([table('a', [col('x', t.integer)])]);
    assert.deepEqual(compare(a, b, { dialect: testDialect('sqlite') }), []);
  });

  it('mysql: primary key names are not compared; an empty comment is no comment', () => {
    const a = snapshot([table('a', [col('x', t.integer, { nullable: false, comment: null })], { primaryKey: pk('pk_a', ['x']) })]);
    const b = snapshot([table('a', [col('x', t.integer, { nullable: false, comment: '' })], { primaryKey: pk('PRIMARY', ['x']), comment: '' })]);
    assert.deepEqual(compare(a, b, { dialect: testDialect('mysql') }), []);
  });

  it('sqlite: an enum declared in the models equals the VARCHAR the database keeps', () => {
    const a = snapshot([table('a', [col('s', { kind: 'enum', values: ['draft', 'published'], name: 'status' })])]);
    const b = snapshot([table('a', [col('s', t.string(9))])]);
    assert.deepEqual(compare(a, b, { dialect: testDialect('sqlite') }), []);
  });
});
