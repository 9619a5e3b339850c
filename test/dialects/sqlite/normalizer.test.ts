// The SQLite normaliser (defaults, expressions, FK actions) and the default-text helpers. Pure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalNumber, defaultForm, isBareDefault } from '../../../src/dialects/sqlite/default-text.js';
import { sqliteNormalizer } from '../../../src/dialects/sqlite/normalizer.js';
import type { ColumnSnapshot, DefaultSpec } from '../../../src/schema/snapshot.js';
import type { TypeSpec } from '../../../src/schema/type-spec.js';

const col = (type: TypeSpec): ColumnSnapshot => ({ name: 'c', type, nullable: true, default: null, autoincrement: false, comment: null });
const expr = (sql: string): DefaultSpec => ({ kind: 'expression', sql });
const lit = (value: string | number | boolean): DefaultSpec => ({ kind: 'literal', value });
const key = (d: DefaultSpec | null, type: TypeSpec): string | null => sqliteNormalizer.defaultValue(d, col(type));

const integer: TypeSpec = { kind: 'integer' };
const boolean: TypeSpec = { kind: 'boolean' };
const numeric: TypeSpec = { kind: 'numeric', precision: 10, scale: 2 };
const text: TypeSpec = { kind: 'string', length: 20 };
const untyped: TypeSpec = { kind: 'custom', sql: '' };

describe('sqliteNormalizer.defaultValue', () => {
  it('treats no default, NULL and DEFAULT (NULL) alike', () => {
    assert.equal(key(null, integer), null);
    assert.equal(key(expr('NULL'), integer), null);
    assert.equal(key(expr('(null)'), text), null);
  });

  it('spells booleans 1 / 0 whether written TRUE, true, 1 or as a model literal', () => {
    for (const d of [lit(true), expr('TRUE'), expr('true'), expr('1'), expr('(1)'), expr("'1'")]) assert.equal(key(d, boolean), '1', JSON.stringify(d));
    for (const d of [lit(false), expr('FALSE'), expr('0'), expr('( 0 )')]) assert.equal(key(d, boolean), '0', JSON.stringify(d));
  });

  it('gives numbers one spelling, and numeric text in a numeric column the number it becomes', () => {
    for (const d of [lit(0), expr('0'), expr('0.00'), expr('+0'), expr('-0'), expr("'0'"), expr("'0.0'"), expr('(0)')]) assert.equal(key(d, numeric), '0', JSON.stringify(d));
    assert.equal(key(expr('-1.50'), numeric), '-1.5');
    assert.equal(key(expr('(-1)'), integer), '-1');
    assert.equal(key(expr('1e3'), integer), '1000');
    assert.equal(key(lit(12.5), numeric), '12.5');
    assert.notEqual(key(expr("'abc'"), numeric), key(expr('0'), numeric));
  });

  it('in a TEXT column, a number is the text it becomes', () => {
    assert.equal(key(lit(5), text), key(expr("'5'"), text));
    assert.equal(key(expr('5.0'), text), "'5'");
    assert.notEqual(key(expr("'5.0'"), text), key(expr("'5'"), text));
  });

  it('without a type (BLOB affinity) keeps text and numbers apart', () => {
    assert.notEqual(key(expr("'5'"), untyped), key(expr('5'), untyped));
  });

  it('keeps strings exact, quotes inside included', () => {
    assert.equal(key(lit("it's new"), text), "'it''s new'");
    assert.equal(key(expr("'it''s new'"), text), "'it''s new'");
    assert.equal(key(expr("('it''s new')"), text), "'it''s new'");
    assert.notEqual(key(expr("'Draft'"), text), key(expr("'draft'"), text));
    assert.notEqual(key(expr("'a  b'"), text), key(expr("'a b'"), text));
  });

  it('reads CURRENT_* in any case, and the date functions of now as those keywords', () => {
    const dt: TypeSpec = { kind: 'datetime', timezone: false };
    for (const s of ['CURRENT_TIMESTAMP', 'current_timestamp', '(CURRENT_TIMESTAMP)', "datetime('now')", "(DATETIME( 'now' ))"]) assert.equal(key(expr(s), dt), 'CURRENT_TIMESTAMP', s);
    assert.equal(key(expr("date('now')"), { kind: 'date' }), 'CURRENT_DATE');
    assert.equal(key(expr('current_time'), { kind: 'time', timezone: false }), 'CURRENT_TIME');
    assert.notEqual(key(expr("datetime('now', 'localtime')"), dt), 'CURRENT_TIMESTAMP');
    assert.notEqual(key(expr('now()'), dt), 'CURRENT_TIMESTAMP', 'now() is not SQLite');
  });

  it('compares other expressions by their canonical form', () => {
    const blob: TypeSpec = { kind: 'binary' };
    assert.equal(key(expr('lower(hex(randomblob(16)))'), text), key(expr('(LOWER(HEX(RANDOMBLOB(16))))'), text));
    assert.equal(key(expr("x'00FF'"), blob), key(expr("X'00ff'"), blob));
    assert.notEqual(key(expr('abs(-1)'), integer), key(expr('abs(-2)'), integer));
  });
});

describe('sqliteNormalizer.expression and foreignKeyAction', () => {
  it('compares CHECK and index expressions without quotes, case, parentheses or spacing', () => {
    assert.equal(sqliteNormalizer.expression('"unit price" >= 0'), sqliteNormalizer.expression('(unit price>=0)'.replace('unit price', '"UNIT PRICE"')));
    assert.equal(sqliteNormalizer.expression('lower("email")'), sqliteNormalizer.expression('LOWER(email)'));
    assert.notEqual(sqliteNormalizer.expression("status = 'A'"), sqliteNormalizer.expression("status = 'a'"));
  });

  it('reads no action as NO ACTION, and keeps RESTRICT apart (SQLite runs it at once, even when deferred)', () => {
    assert.equal(sqliteNormalizer.foreignKeyAction(null), 'NO ACTION');
    assert.equal(sqliteNormalizer.foreignKeyAction('NO ACTION'), 'NO ACTION');
    assert.equal(sqliteNormalizer.foreignKeyAction('RESTRICT'), 'RESTRICT');
  });
});

describe('default text helpers', () => {
  it('classify default texts', () => {
    assert.deepEqual(defaultForm("('it''s')"), { kind: 'string', value: "it's" });
    assert.deepEqual(defaultForm('- 5'), { kind: 'number', text: '-5' });
    assert.deepEqual(defaultForm("(datetime('now'))"), { kind: 'expression', text: "datetime('now')" });
    assert.deepEqual(defaultForm("(1) + (2)"), { kind: 'expression', text: '(1) + (2)' });
    assert.deepEqual(defaultForm("('a)' || '(b')"), { kind: 'expression', text: "'a)' || '(b'" });
  });

  it('know what SQLite takes after DEFAULT without parentheses', () => {
    for (const s of ['0', '-1', '+1.5', "'x'", "x'00'", 'NULL', 'true', 'CURRENT_DATE', '(1 + 1)']) assert.equal(isBareDefault(s), true, s);
    for (const s of ['1 + 1', "lower('X')", "'a' || 'b'", 'now()', '(1) + (2)', '']) assert.equal(isBareDefault(s), false, s);
  });

  it('write numbers one way', () => {
    assert.deepEqual(['007', '1.500', '+3', '-0.0', '.5', '1e-7', '2E3', '0x10', '1_000'].map(canonicalNumber), ['7', '1.5', '3', '0', '0.5', '1e-7', '2000', '16', '1000']);
  });
});
