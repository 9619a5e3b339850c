import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SchemaError } from '../../src/errors/index.js';
import {
  applyNamingConvention,
  checkConstraintName,
  column,
  defaultNamingConvention,
  ForeignKeyConstraint,
  MetaData,
  shortenIdentifier,
  snakeCase,
  Table,
  type ConventionSubject,
} from '../../src/schema/index.js';

describe('snakeCase', () => {
  const cases: [string, string][] = [
    ['id', 'id'],
    ['User', 'user'],
    ['BlogPost', 'blog_post'],
    ['displayName', 'display_name'],
    ['HTTPResponse', 'http_response'],
    ['HTTPCode', 'http_code'],
    ['userID', 'user_id'],
    ['APIKey', 'api_key'],
    ['XMLHttpRequest', 'xml_http_request'],
    ['address2', 'address2'],
    ['address2Line', 'address2_line'],
    ['sha256Hash', 'sha256_hash'],
    ['Base64Encoded', 'base64_encoded'],
    ['v2API', 'v2_api'],
    ['already_snake', 'already_snake'],
    ['_private', '_private'],
    ['with space', 'with_space'],
    ['kebab-case', 'kebab_case'],
    ['ÜberTable', 'über_table'],
    ['größeWert', 'größe_wert'],
    ['A', 'a'],
    ['ABC', 'abc'],
  ];
  for (const [input, output] of cases) test(`${input} -> ${output}`, () => assert.equal(snakeCase(input), output));
});

describe('naming convention tokens', () => {
  const fk: ConventionSubject = {
    kind: 'fk',
    tableName: 'order_item',
    columns: [{ name: 'order_id', key: 'orderId' }, { name: 'tenant_id', key: 'tenantId' }],
    referredTableName: 'order',
    referredColumns: ['id', 'tenant'],
  };
  const cases: [string, string][] = [
    ['%(table_name)s', 'order_item'],
    ['%(column_0_name)s', 'order_id'],
    ['%(column_1_name)s', 'tenant_id'],
    ['%(column_0_key)s', 'orderId'],
    ['%(column_0_label)s', 'order_item_order_id'],
    ['%(column_0_N_name)s', 'order_id_tenant_id'],
    ['%(column_0N_name)s', 'order_idtenant_id'],
    ['%(column_0_N_key)s', 'orderId_tenantId'],
    ['%(column_0N_label)s', 'order_item_order_idorder_item_tenant_id'],
    ['%(referred_table_name)s', 'order'],
    ['%(referred_column_0_name)s', 'id'],
    ['%(referred_column_1_name)s', 'tenant'],
    ['%(referred_column_0_N_name)s', 'id_tenant'],
    ['%(referred_column_0N_name)s', 'idtenant'],
    ['fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s', 'fk_order_item_order_id_order'],
  ];
  for (const [template, expected] of cases) test(template, () => assert.equal(applyNamingConvention(template, fk), expected));

  test('%(constraint_name)s', () => {
    assert.equal(applyNamingConvention('ck_%(table_name)s_%(constraint_name)s', { kind: 'ck', tableName: 't', columns: [], constraintName: 'positive' }), 'ck_t_positive');
  });

  test('unknown tokens, missing columns and foreign-key-only tokens are errors', () => {
    const uq: ConventionSubject = { kind: 'uq', tableName: 't', columns: [{ name: 'a', key: 'a' }] };
    assert.throws(() => applyNamingConvention('%(nope)s', uq), /unknown token %\(nope\)s/);
    assert.throws(() => applyNamingConvention('%(column_1_name)s', uq), /needs column 1/);
    assert.throws(() => applyNamingConvention('%(referred_table_name)s', uq), /only to foreign keys/);
    assert.throws(() => applyNamingConvention('%(constraint_name)s', uq), /give the uq a name/);
  });

  test('the default convention', () => {
    assert.deepEqual({ ...defaultNamingConvention }, {
      pk: 'pk_%(table_name)s',
      fk: 'fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s',
      uq: 'uq_%(table_name)s_%(column_0_N_name)s',
      ck: 'ck_%(table_name)s_%(constraint_name)s',
      ix: 'ix_%(table_name)s_%(column_0_N_name)s',
    });
  });

  test('unnamed checks: first column mentioned plus a hash of the expression, stable under whitespace', () => {
    const a = checkConstraintName('price >= 0', ['id', 'price']);
    assert.match(a, /^price_[0-9a-f]{8}$/);
    assert.equal(checkConstraintName('price  >=\n 0', ['id', 'price']), a);
    assert.notEqual(checkConstraintName('price < 1000', ['id', 'price']), a);
    assert.match(checkConstraintName('"Unit Price" > 0 AND qty > 0', ['qty', 'Unit Price']), /^Unit Price_/);
    assert.match(checkConstraintName("'price' = 'x'", ['price']), /^check_/);
    assert.match(checkConstraintName('1 = 1', ['price']), /^check_[0-9a-f]{8}$/);
  });
});

describe('shortenIdentifier', () => {
  const long = `fk_${'very_long_table_name_'.repeat(4)}author_id_user`;

  test('names within the limit are kept', () => {
    assert.equal(shortenIdentifier('fk_post_author_id_user', 63), 'fk_post_author_id_user');
    assert.equal(shortenIdentifier(long, null), long);
  });

  for (const limit of [63, 64]) {
    test(`longer names are cut to exactly ${limit} with an 8-hex-digit hash suffix, deterministically`, () => {
      const short = shortenIdentifier(long, limit);
      assert.equal(short.length, limit);
      assert.match(short, /_[0-9a-f]{8}$/);
      assert.ok(long.startsWith(short.slice(0, limit - 9)));
      assert.equal(shortenIdentifier(long, limit), short);
      assert.notEqual(shortenIdentifier(`${long}x`, limit), short, 'a different name gives a different hash');
    });
  }

  test('limits count UTF-8 bytes and never split a character', () => {
    const name = `ix_${'ü'.repeat(40)}`;
    const short = shortenIdentifier(name, 63);
    assert.ok(Buffer.byteLength(short) <= 63);
    assert.ok(!short.includes('\uFFFD'));
  });
});

describe('conventions applied by snapshot()', () => {
  const build = (): MetaData => {
    const md = new MetaData({ namingConvention: { ...defaultNamingConvention, fk: 'fk_%(table_name)s_%(column_0_name)s' } });
    new Table(md, 'author', { id: column.integer().primaryKey() });
    new Table(md, `post_${'x'.repeat(50)}`, {
      id: column.integer().primaryKey(),
      authorIdentifierWithALongName: column.integer().references('author.id'),
      slug: column.string(40).unique('my_slug_key'),
    });
    return md;
  };

  test('explicit names win; generated names are shortened to the dialect limit the same way each time', () => {
    for (const [dialect, limit] of [['postgresql', 63], ['mysql', 64]] as const) {
      const t = build().snapshot(dialect).tables.find((x) => x.name.startsWith('post_'));
      const fkName = t?.foreignKeys[0]?.name as string;
      assert.equal(fkName.length, limit);
      assert.equal(fkName, build().snapshot(dialect).tables.find((x) => x.name.startsWith('post_'))?.foreignKeys[0]?.name);
      assert.equal(t?.uniques[0]?.name, 'my_slug_key');
    }
    const sqliteFk = build().snapshot('sqlite').tables.find((x) => x.name.startsWith('post_'))?.foreignKeys[0]?.name as string;
    assert.equal(sqliteFk, `fk_post_${'x'.repeat(50)}_author_identifier_with_a_long_name`);
  });

  test('an explicit name longer than the limit is refused', () => {
    const md = new MetaData();
    new Table(md, 't', { a: column.integer().unique('u'.repeat(70)) });
    assert.throws(() => md.snapshot('postgresql'), (e) => e instanceof SchemaError && /table "t".*70 bytes.*63/.test(e.message));
    assert.doesNotThrow(() => md.snapshot('sqlite'));
  });

  test('a table name longer than the limit is refused', () => {
    const md = new MetaData();
    new Table(md, 't'.repeat(64), { a: column.integer() });
    assert.throws(() => md.snapshot('postgresql'), /63/);
    assert.doesNotThrow(() => md.snapshot('mysql'));
  });

  test('without a convention key the constraint stays unnamed, except indexes', () => {
    const md = new MetaData({ namingConvention: {} });
    new Table(md, 'p', { id: column.integer().primaryKey() });
    new Table(md, 'c', {
      id: column.integer().primaryKey(),
      pId: column.integer().references('p.id').unique(),
      q: column.integer().index(),
    }, new ForeignKeyConstraint(['pId'], 'p', ['id'], { name: 'fk_named' }));
    const c = md.snapshot('postgresql').tables.find((t) => t.name === 'c');
    assert.equal(c?.primaryKey?.name, null);
    assert.deepEqual(c?.foreignKeys.map((f) => f.name), ['fk_named', null]);
    assert.equal(c?.uniques[0]?.name, null);
    assert.equal(c?.indexes[0]?.name, 'ix_c_q');
  });

  test('MySQL primary keys have no name', () => {
    const md = new MetaData();
    new Table(md, 'p', { id: column.integer().primaryKey() });
    assert.equal(md.snapshot('mysql').tables[0]?.primaryKey?.name, null);
    assert.equal(md.snapshot('postgresql').tables[0]?.primaryKey?.name, 'pk_p');
  });
});
