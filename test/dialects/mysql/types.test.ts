// MySQL / MariaDB type parsing (catalog text -> TypeSpec), canonical keys and the normalizer (pure).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mysqlDialect } from '../../../src/dialects/mysql/index.js';
import { parseColumnType } from '../../../src/dialects/mysql/type-parser.js';
import type { ColumnSnapshot, DefaultSpec } from '../../../src/schema/snapshot.js';
import type { TypeSpec } from '../../../src/schema/type-spec.js';
import { col, expr, lit } from '../../helpers/snapshots.js';

const { types, normalizer } = mysqlDialect;

describe('mysql: COLUMN_TYPE -> TypeSpec', () => {
  const cases: [string, TypeSpec][] = [
    ['int(11)', { kind: 'integer' }],
    ['int', { kind: 'integer' }],
    ['int(10) unsigned', { kind: 'integer', unsigned: true }],
    ['tinyint(1)', { kind: 'boolean' }],
    ['tinyint(4)', { kind: 'tinyint' }],
    ['tinyint(3) unsigned', { kind: 'tinyint', unsigned: true }],
    ['smallint(6)', { kind: 'smallint' }],
    ['mediumint(9)', { kind: 'mediumint' }],
    ['bigint(20) unsigned', { kind: 'bigint', unsigned: true }],
    ['varchar(50)', { kind: 'string', length: 50 }],
    ['char(36)', { kind: 'char', length: 36 }],
    ['text', { kind: 'text' }],
    ['tinytext', { kind: 'tinytext' }],
    ['mediumtext', { kind: 'mediumtext' }],
    ['longtext', { kind: 'longtext' }],
    ['decimal(10,2)', { kind: 'numeric', precision: 10, scale: 2 }],
    ['float', { kind: 'float' }],
    ['double', { kind: 'double' }],
    ['date', { kind: 'date' }],
    ['time', { kind: 'time', timezone: false }],
    ['time(3)', { kind: 'time', timezone: false, precision: 3 }],
    ['datetime', { kind: 'datetime', timezone: false }],
    ['datetime(6)', { kind: 'datetime', timezone: false, precision: 6 }],
    ['timestamp', { kind: 'datetime', timezone: true }],
    ['timestamp(3)', { kind: 'datetime', timezone: true, precision: 3 }],
    ['json', { kind: 'json' }],
    ["enum('a','it''s','b\\\\s',')x(')", { kind: 'enum', name: null, values: ['a', "it's", 'b\\s', ')x('] }],
    ['blob', { kind: 'binary' }],
    ['binary(16)', { kind: 'binary', length: 16 }],
    ['varbinary(16)', { kind: 'custom', sql: 'varbinary(16)' }],
    ['longblob', { kind: 'custom', sql: 'longblob' }],
    ["set('A','b')", { kind: 'custom', sql: "set('A','b')" }],
    ['year(4)', { kind: 'custom', sql: 'year' }],
    ['YEAR', { kind: 'custom', sql: 'year' }],
    ['bit(1)', { kind: 'custom', sql: 'bit(1)' }],
    ['BIT', { kind: 'custom', sql: 'bit(1)' }],
    ['geometry', { kind: 'custom', sql: 'geometry' }],
    ['int(5) unsigned zerofill', { kind: 'custom', sql: 'int(5) unsigned zerofill' }],
    ['double(10,2)', { kind: 'custom', sql: 'double(10,2)' }],
    ['uuid', { kind: 'custom', sql: 'uuid' }],
  ];
  for (const [text, spec] of cases) {
    it(text, () => assert.deepEqual(parseColumnType(text), spec));
  }
});

describe('mysql: canonical types', () => {
  const same = (a: TypeSpec, b: TypeSpec): void => assert.equal(types.canonical(a), types.canonical(b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  const differ = (a: TypeSpec, b: TypeSpec): void => assert.notEqual(types.canonical(a), types.canonical(b));

  it('gives what the server stores the same key', () => {
    same({ kind: 'uuid' }, { kind: 'char', length: 36 });
    same({ kind: 'boolean' }, parseColumnType('tinyint(1)'));
    same({ kind: 'integer' }, { kind: 'custom', sql: 'INTEGER' });
    same({ kind: 'integer' }, { kind: 'custom', sql: 'int(11)' });
    same({ kind: 'numeric', precision: null, scale: null }, parseColumnType('decimal(10,0)'));
    same({ kind: 'numeric', precision: 8, scale: null }, parseColumnType('decimal(8,0)'));
    same({ kind: 'char', length: null }, parseColumnType('char(1)'));
    same({ kind: 'datetime', timezone: false }, parseColumnType('datetime'));
    same({ kind: 'datetime', timezone: false, precision: 0 }, { kind: 'datetime', timezone: false });
    same({ kind: 'time', timezone: true }, { kind: 'time', timezone: false });
    same({ kind: 'jsonb' }, { kind: 'json' });
    same({ kind: 'enum', name: 'mood', values: ['a', 'b'] }, { kind: 'enum', name: null, values: ['a', 'b'] });
    same({ kind: 'binary' }, { kind: 'custom', sql: 'BLOB' });
    same({ kind: 'custom', sql: 'DOUBLE PRECISION' }, { kind: 'double' });
    same({ kind: 'custom', sql: "SET('A', 'b')" }, { kind: 'custom', sql: "set('A', 'b')" });
  });

  it('keeps what the server stores differently apart', () => {
    differ({ kind: 'datetime', timezone: true }, { kind: 'datetime', timezone: false });
    differ({ kind: 'datetime', timezone: false, precision: 3 }, { kind: 'datetime', timezone: false });
    differ({ kind: 'integer', unsigned: true }, { kind: 'integer' });
    differ({ kind: 'enum', name: null, values: ['a', 'b'] }, { kind: 'enum', name: null, values: ['b', 'a'] });
    differ({ kind: 'text' }, { kind: 'mediumtext' });
    differ({ kind: 'binary' }, { kind: 'custom', sql: 'longblob' });
    differ({ kind: 'string', length: 10 }, { kind: 'char', length: 10 });
    differ({ kind: 'custom', sql: 'uuid' }, { kind: 'uuid' }); // MariaDB's native UUID type is not CHAR(36)
  });

  it('round-trips every compiled type through the parser', () => {
    const all: TypeSpec[] = [
      { kind: 'integer' }, { kind: 'bigint', unsigned: true }, { kind: 'boolean' }, { kind: 'string', length: 20 },
      { kind: 'numeric', precision: 12, scale: 3 }, { kind: 'time', timezone: false, precision: 2 },
      { kind: 'datetime', timezone: true, precision: 6 }, { kind: 'uuid' }, { kind: 'binary', length: 4 },
      { kind: 'enum', name: null, values: ["it's", 'b\\s'] }, { kind: 'inet' }, { kind: 'float' },
    ];
    for (const spec of all) same(spec, parseColumnType(types.compile(spec).toLowerCase().replace(/, /g, ',')));
  });
});

describe('mysql: canonical defaults', () => {
  const key = (value: DefaultSpec | null, c: ColumnSnapshot): string | null => normalizer.defaultValue(value, c);
  const decimal = col('price', { kind: 'numeric', precision: 10, scale: 2 });
  const bool = col('flag', { kind: 'boolean' });
  const str = col('name', { kind: 'string', length: 50 });
  const dt6 = col('at', { kind: 'datetime', timezone: false, precision: 6 });

  it('treats NULL defaults as none', () => {
    assert.equal(key(expr('NULL'), str), null);
    assert.equal(key(expr('null'), str), null);
    assert.equal(key(null, str), null);
    assert.notEqual(key(expr("'NULL'"), str), null);
  });

  it('makes numbers one whatever their spelling', () => {
    for (const v of [lit(0), lit('0'), expr('0.00'), expr("'0'"), expr('(0)'), expr('-0.0')]) assert.equal(key(v, decimal), '0');
    assert.equal(key(expr('12.50'), decimal), key(lit(12.5), decimal));
    assert.equal(key(expr('1500'), col('d', { kind: 'double' })), key(expr('1.5e3'), col('d', { kind: 'double' })));
    assert.notEqual(key(lit('0'), str), key(lit(0), str), 'a string column keeps the quotes');
  });

  it('makes booleans 1 / 0', () => {
    assert.equal(key(lit(true), bool), '1');
    assert.equal(key(expr('1'), bool), '1');
    assert.equal(key(expr('TRUE'), bool), '1');
    assert.equal(key(lit(false), bool), key(expr("'0'"), bool));
  });

  it('reads quoted strings with doubled quotes, backslashes and introducers', () => {
    assert.equal(key(lit("it's"), str), key(expr("'it''s'"), str));
    assert.equal(key(lit('back\\slash'), str), key(expr("'back\\\\slash'"), str));
    assert.equal(key(lit('x'), str), key(expr("_utf8mb4'x'"), str));
    assert.equal(key(lit('x'), str), key(expr("('x')"), str));
    assert.notEqual(key(lit('x'), str), key(lit('X'), str));
  });

  it('spells CURRENT_TIMESTAMP one way, keeping a fractional precision', () => {
    const variants = ['CURRENT_TIMESTAMP', 'current_timestamp()', 'CURRENT_TIMESTAMP(0)', 'now()', 'LOCALTIMESTAMP'];
    for (const v of variants) assert.equal(key(expr(v), dt6), 'CURRENT_TIMESTAMP', v);
    assert.equal(key(expr('current_timestamp(6)'), dt6), key(expr('CURRENT_TIMESTAMP(6)'), dt6));
    assert.notEqual(key(expr('current_timestamp(6)'), dt6), key(expr('CURRENT_TIMESTAMP'), dt6));
  });

  it('compares other expressions by their canonical text', () => {
    const c = col('n', { kind: 'integer' });
    assert.equal(key(expr('(1 + 2)'), c), key(expr('1+2'), c));
    assert.equal(key(expr('uuid()'), col('u', { kind: 'uuid' })), key(expr('(UUID())'), col('u', { kind: 'uuid' })));
  });

  it('folds RESTRICT and NO ACTION, and reads MariaDB expression rewrites', () => {
    assert.equal(normalizer.foreignKeyAction(null), 'NO ACTION');
    assert.equal(normalizer.foreignKeyAction('RESTRICT'), 'NO ACTION');
    assert.equal(normalizer.foreignKeyAction('CASCADE'), 'CASCADE');
    assert.equal(normalizer.expression('octet_length(`name`) > 0'), normalizer.expression('length(name) > 0'));
    assert.equal(normalizer.expression("`a` <> 'x'"), normalizer.expression("a != 'x'"));
    assert.equal(normalizer.expression("`s` = 'it\\'s'"), normalizer.expression("s = 'it''s'"));
    assert.equal(normalizer.expression('`b` = 1 or `b` = 0'), normalizer.expression('b = TRUE OR b = false'));
    assert.equal(normalizer.expression("ucase(`s`) <> 'Y' and lcase(`s`) <> 'y'"), normalizer.expression("upper(s) <> 'Y' AND lower(s) <> 'y'"));
    assert.equal(normalizer.expression('`a` MOD 3 = 1'), normalizer.expression('a % 3 = 1'));
    assert.equal(normalizer.expression("cast(`a` as char charset utf8mb3) <> '9'"), normalizer.expression("CAST(a AS CHAR) <> '9'"));
    assert.notEqual(normalizer.expression("s LIKE 'a%'"), normalizer.expression("s LIKE 'a mod '"), 'strings are left alone');
    assert.notEqual(normalizer.expression("s = 'TRUE'"), normalizer.expression("s = '1'"));
    assert.notEqual(normalizer.expression("s = 'a\\\\'"), normalizer.expression("s = 'a'"));
  });
});
