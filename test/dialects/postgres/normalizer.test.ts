// PostgreSQL's canonical forms of defaults, expressions and FK actions (pure).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalNumber } from '../../../src/dialects/postgres/numeric-literal.js';
import { postgresDialect } from '../../../src/index.js';
import type { ColumnSnapshot, DefaultSpec } from '../../../src/schema/snapshot.js';
import type { TypeSpec } from '../../../src/schema/type-spec.js';

const { normalizer } = postgresDialect;

function col(type: TypeSpec, autoincrement = false): ColumnSnapshot {
  return { name: 'c', type, nullable: true, default: null, autoincrement, comment: null };
}
const expr = (sql: string): DefaultSpec => ({ kind: 'expression', sql });
const lit = (value: string | number | boolean): DefaultSpec => ({ kind: 'literal', value });
const key = (d: DefaultSpec | null, type: TypeSpec, auto = false): string | null => normalizer.defaultValue(d, col(type, auto));

describe('postgresql default normalisation', () => {
  it('equates the catalog spelling of a default with the model\'s', () => {
    const varchar: TypeSpec = { kind: 'string', length: 20 };
    const numeric: TypeSpec = { kind: 'numeric', precision: 10, scale: 2 };
    const same: [DefaultSpec, DefaultSpec, TypeSpec][] = [
      [expr("'x'::character varying"), lit('x'), varchar],
      [expr("'it''s'::text"), lit("it's"), { kind: 'text' }],
      [expr("''::character varying"), lit(''), varchar],
      [expr("'a\\b'::text"), lit('a\\b'), { kind: 'text' }],
      [expr('(0)::numeric'), lit(0), numeric],
      [expr("'0'::numeric"), lit(0), numeric],
      [expr('0.00'), lit(0), numeric],
      [expr("'-1.50'::numeric"), lit(-1.5), numeric],
      [expr("'1000'::numeric"), lit(1e3), { kind: 'double' }],
      [expr("'-5'::integer"), lit(-5), { kind: 'integer' }],
      [expr('(-5)'), expr('-5'), { kind: 'integer' }],
      [expr("'7'"), lit(7), { kind: 'bigint' }],
      [expr('true'), lit(true), { kind: 'boolean' }],
      [expr("'t'"), lit(true), { kind: 'boolean' }],
      [expr('FALSE'), lit(false), { kind: 'boolean' }],
      [expr('now()'), expr('CURRENT_TIMESTAMP'), { kind: 'datetime', timezone: true }],
      [expr('transaction_timestamp()'), expr('current_timestamp'), { kind: 'datetime', timezone: false }],
      [expr('CURRENT_TIMESTAMP(3)'), expr('current_timestamp(3)'), { kind: 'datetime', timezone: false, precision: 3 }],
      [expr("'2020-01-01'::date"), lit('2020-01-01'), { kind: 'date' }],
      [expr("'2020-01-01'::date"), expr("DATE '2020-01-01'"), { kind: 'date' }],
      [expr("'{}'::jsonb"), lit('{}'), { kind: 'jsonb' }],
      [expr(`'{"a": 1, "b": [1, 2]}'::jsonb`), lit('{"b":[1,2],"a":1}'), { kind: 'jsonb' }],
      [expr("'draft'::post_status"), lit('draft'), { kind: 'enum', name: 'post_status', values: ['draft'] }],
      [expr(`'x'::"Odd Type"`), lit('x'), { kind: 'custom', sql: '"Odd Type"' }],
      [expr("'{}'::text[]"), expr("'{}'"), { kind: 'array', of: { kind: 'text' } }],
      [expr("(now() + '1 day'::interval)"), expr("now() + interval '1 day'"), { kind: 'datetime', timezone: false }],
      [expr('gen_random_uuid()'), expr('GEN_RANDOM_UUID()'), { kind: 'uuid' }],
      [expr("'09:00:00'::time without time zone"), lit('09:00:00'), { kind: 'time', timezone: false }],
    ];
    for (const [a, b, type] of same) assert.equal(key(a, type), key(b, type), `${JSON.stringify(a)} = ${JSON.stringify(b)}`);
  });

  it('keeps different defaults apart', () => {
    const ts: TypeSpec = { kind: 'datetime', timezone: true };
    const apart: [DefaultSpec, DefaultSpec, TypeSpec][] = [
      [expr('LOCALTIMESTAMP'), expr('CURRENT_TIMESTAMP'), ts],
      [expr('CURRENT_DATE'), expr('CURRENT_TIMESTAMP'), ts],
      [expr('CURRENT_TIMESTAMP(3)'), expr('CURRENT_TIMESTAMP'), ts],
      [lit('0.00'), lit('0'), { kind: 'text' }],
      [lit('1'), lit(1), { kind: 'text' }],
      [lit('A'), lit('a'), { kind: 'string', length: 5 }],
      [lit(1.5), lit(1.25), { kind: 'numeric', precision: 5, scale: 2 }],
      [lit(true), lit(false), { kind: 'boolean' }],
    ];
    for (const [a, b, type] of apart) assert.notEqual(key(a, type), key(b, type), `${JSON.stringify(a)} != ${JSON.stringify(b)}`);
  });

  it('reads NULL and an autoincrement column\'s sequence as no default, and writes readable keys', () => {
    assert.equal(key(null, { kind: 'text' }), null);
    assert.equal(key(expr('NULL::character varying'), { kind: 'string', length: 3 }), null);
    assert.equal(key(expr('NULL'), { kind: 'integer' }), null);
    assert.equal(key(expr("nextval('post_id_seq'::regclass)"), { kind: 'integer' }, true), null);
    assert.notEqual(key(expr("nextval('post_id_seq'::regclass)"), { kind: 'integer' }, false), null);
    assert.equal(key(expr("'it''s'::character varying"), { kind: 'string', length: 9 }), "'it''s'");
    assert.equal(key(expr('now()'), { kind: 'datetime', timezone: true }), 'CURRENT_TIMESTAMP');
    assert.equal(key(lit(true), { kind: 'boolean' }), 'true');
    assert.equal(key(expr("'0'::numeric"), { kind: 'numeric', precision: null, scale: null }), '0');
  });

  it('writes numbers in one spelling, digit by digit', () => {
    assert.equal(canonicalNumber('0.00'), '0');
    assert.equal(canonicalNumber('-0.0'), '0');
    assert.equal(canonicalNumber('+007.50'), '7.5');
    assert.equal(canonicalNumber('.5'), '0.5');
    assert.equal(canonicalNumber('1e3'), '1000');
    assert.equal(canonicalNumber('-1.5E-3'), '-0.0015');
    assert.equal(canonicalNumber('12345678901234567890.123456789'), '12345678901234567890.123456789');
    assert.equal(canonicalNumber('1e+21'), '1000000000000000000000');
    assert.equal(canonicalNumber('abc'), null);
    assert.equal(canonicalNumber('.'), null);
  });
});

describe('postgresql expression normalisation', () => {
  it('equates a model\'s CHECK / index text with the catalog\'s rewrite', () => {
    const same: [string, string][] = [
      ['((price >= (0)::numeric))', 'price >= 0'],
      ['(price >= 0.00)', 'price >= 0'],
      ["(status = ANY (ARRAY['a'::text, 'b'::text]))", "status IN ('a', 'b')"],
      ["(created_at > '2020-01-01'::date)", "created_at > DATE '2020-01-01'"],
      ["((name)::text ~~* 'x%'::text)", "name ILIKE 'x%'"],
      ["((name)::text !~~ 'x%'::text)", "name NOT LIKE 'x%'"],
      ["(n > '-1'::integer)", 'n > -1'],
      ['(((rating >= 1) AND (rating <= 5)))', 'rating BETWEEN 1 AND 5'],
      ['((q < 0) OR (q > 9))', 'q NOT BETWEEN 0 AND 9'],
      ['lower((email)::text)', 'lower(email)'],
      ['"Unit Price" >= (0)::numeric', '"unit price" >= 0'],
      ["(doc ? 'k'::text)", "doc ? 'k'"],
    ];
    for (const [catalog, model] of same) assert.equal(normalizer.expression(catalog), normalizer.expression(model), `${catalog} = ${model}`);
    assert.notEqual(normalizer.expression("name = 'A'"), normalizer.expression("name = 'a'"));
    assert.notEqual(normalizer.expression('a > 1'), normalizer.expression('a >= 1'));
  });

  it('reads a missing FK action as NO ACTION and keeps RESTRICT apart', () => {
    assert.equal(normalizer.foreignKeyAction(null), 'NO ACTION');
    assert.equal(normalizer.foreignKeyAction('NO ACTION'), 'NO ACTION');
    assert.equal(normalizer.foreignKeyAction('RESTRICT'), 'RESTRICT');
    assert.equal(normalizer.foreignKeyAction('CASCADE'), 'CASCADE');
  });
});
