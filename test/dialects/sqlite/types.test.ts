// SQLite types: declared type text -> TypeSpec, TypeSpec -> DDL, canonical keys; and, against
// SQLite itself, that a spelling and retort's spelling of the type it parses to store values alike.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { canonicalSqliteType, compileSqliteType } from '../../../src/dialects/sqlite/type-compiler.js';
import { affinityOf, parseSqliteType } from '../../../src/dialects/sqlite/type-parser.js';
import type { TypeSpec } from '../../../src/schema/type-spec.js';

describe('parseSqliteType', () => {
  const cases: [string, TypeSpec][] = [
    ['INTEGER', { kind: 'integer' }],
    ['int', { kind: 'integer' }],
    ['INT UNSIGNED', { kind: 'integer', unsigned: true }],
    ['integer(11)', { kind: 'integer' }],
    ['SMALLINT', { kind: 'smallint' }],
    ['int2', { kind: 'smallint' }],
    ['BIGINT', { kind: 'bigint' }],
    ['INT8', { kind: 'bigint' }],
    ['unsigned  big int', { kind: 'bigint' }],
    ['TINYINT', { kind: 'tinyint' }],
    ['MEDIUMINT', { kind: 'mediumint' }],
    ['BOOLEAN', { kind: 'boolean' }],
    ['bool', { kind: 'boolean' }],
    ['VARCHAR(255)', { kind: 'string', length: 255 }],
    ['varchar ( 20 )', { kind: 'string', length: 20 }],
    ['VARCHAR', { kind: 'string', length: null }],
    ['CHARACTER VARYING(50)', { kind: 'string', length: 50 }],
    ['nvarchar(10)', { kind: 'string', length: 10 }],
    ['CHAR(12)', { kind: 'char', length: 12 }],
    ['CHARACTER(3)', { kind: 'char', length: 3 }],
    ['NCHAR(2)', { kind: 'char', length: 2 }],
    ['TEXT', { kind: 'text' }],
    ['CLOB', { kind: 'text' }],
    ['MEDIUMTEXT', { kind: 'mediumtext' }],
    ['NUMERIC', { kind: 'numeric', precision: null, scale: null }],
    ['NUMERIC(10, 2)', { kind: 'numeric', precision: 10, scale: 2 }],
    ['decimal(12)', { kind: 'numeric', precision: 12, scale: null }],
    ['REAL', { kind: 'float' }],
    ['FLOAT', { kind: 'float' }],
    ['DOUBLE', { kind: 'double' }],
    ['DOUBLE   PRECISION', { kind: 'double' }],
    ['FLOAT8', { kind: 'double' }],
    ['DATE', { kind: 'date' }],
    ['TIME', { kind: 'time', timezone: false }],
    ['DATETIME', { kind: 'datetime', timezone: false }],
    ['TIMESTAMP(3)', { kind: 'datetime', timezone: false, precision: 3 }],
    ['timestamp with time zone', { kind: 'datetime', timezone: true }],
    ['TIMESTAMPTZ', { kind: 'datetime', timezone: true }],
    ['JSON', { kind: 'json' }],
    ['JSONB', { kind: 'jsonb' }],
    ['BLOB', { kind: 'binary' }],
    ['', { kind: 'custom', sql: '' }],
    ['UUID', { kind: 'custom', sql: 'UUID' }],
    ['BINARY(16)', { kind: 'custom', sql: 'BINARY(16)' }],
    ['INET', { kind: 'custom', sql: 'INET' }],
    ['weird type', { kind: 'custom', sql: 'weird type' }],
    ['VARCHAR(10) ARRAY', { kind: 'custom', sql: 'VARCHAR(10) ARRAY' }],
  ];
  for (const [text, spec] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => assert.deepEqual(parseSqliteType(text), spec));
  }
});

describe('compileSqliteType', () => {
  it('writes every kind, other dialects\' kinds as the nearest SQLite type', () => {
    const cases: [TypeSpec, string][] = [
      [{ kind: 'integer' }, 'INTEGER'],
      [{ kind: 'bigint', unsigned: true }, 'BIGINT'],
      [{ kind: 'tinyint' }, 'TINYINT'],
      [{ kind: 'boolean' }, 'BOOLEAN'],
      [{ kind: 'string', length: 200 }, 'VARCHAR(200)'],
      [{ kind: 'string', length: null }, 'VARCHAR'],
      [{ kind: 'char', length: 12 }, 'CHAR(12)'],
      [{ kind: 'text' }, 'TEXT'],
      [{ kind: 'longtext' }, 'TEXT'],
      [{ kind: 'numeric', precision: 10, scale: 2 }, 'NUMERIC(10, 2)'],
      [{ kind: 'numeric', precision: 10, scale: null }, 'NUMERIC(10)'],
      [{ kind: 'numeric', precision: null, scale: null }, 'NUMERIC'],
      [{ kind: 'float' }, 'REAL'],
      [{ kind: 'double' }, 'DOUBLE'],
      [{ kind: 'date' }, 'DATE'],
      [{ kind: 'time', timezone: true, precision: 3 }, 'TIME'],
      [{ kind: 'datetime', timezone: false, precision: 6 }, 'DATETIME'],
      [{ kind: 'json' }, 'JSON'],
      [{ kind: 'jsonb' }, 'JSON'],
      [{ kind: 'array', of: { kind: 'integer' } }, 'JSON'],
      [{ kind: 'uuid' }, 'CHAR(36)'],
      [{ kind: 'binary', length: 16 }, 'BLOB'],
      [{ kind: 'inet' }, 'VARCHAR(45)'],
      [{ kind: 'enum', values: ['draft', 'published'], name: 'post_status' }, 'VARCHAR(9)'],
      [{ kind: 'custom', sql: 'GEOMETRY' }, 'GEOMETRY'],
    ];
    for (const [spec, sql] of cases) assert.equal(compileSqliteType(spec), sql, JSON.stringify(spec));
  });
});

describe('canonicalSqliteType', () => {
  const same = (a: TypeSpec, b: TypeSpec): void => assert.equal(canonicalSqliteType(a), canonicalSqliteType(b), `${JSON.stringify(a)} = ${JSON.stringify(b)}`);
  const differ = (a: TypeSpec, b: TypeSpec): void => assert.notEqual(canonicalSqliteType(a), canonicalSqliteType(b), `${JSON.stringify(a)} != ${JSON.stringify(b)}`);

  it('makes the types SQLite stores alike equal', () => {
    same({ kind: 'bigint' }, { kind: 'integer' });
    same({ kind: 'smallint', unsigned: true }, { kind: 'integer' });
    same({ kind: 'enum', values: ['new', 'shipped'], name: 'order_status' }, { kind: 'string', length: 7 });
    same({ kind: 'uuid' }, { kind: 'char', length: 36 });
    same({ kind: 'jsonb' }, { kind: 'json' });
    same({ kind: 'array', of: { kind: 'text' } }, { kind: 'json' });
    same({ kind: 'inet' }, { kind: 'string', length: 45 });
    same({ kind: 'datetime', timezone: true, precision: 3 }, { kind: 'datetime', timezone: false });
    same({ kind: 'time', timezone: false, precision: 0 }, { kind: 'time', timezone: true });
    same({ kind: 'numeric', precision: 10, scale: null }, { kind: 'numeric', precision: 10, scale: 0 });
    same({ kind: 'mediumtext' }, { kind: 'text' });
    same({ kind: 'custom', sql: 'character varying ( 20 )' }, { kind: 'string', length: 20 });
    same({ kind: 'custom', sql: 'Weird  Type' }, { kind: 'custom', sql: 'weird type' });
  });

  it('keeps declared differences that the catalog shows', () => {
    differ({ kind: 'string', length: 100 }, { kind: 'string', length: 200 });
    differ({ kind: 'string', length: null }, { kind: 'text' });
    differ({ kind: 'float' }, { kind: 'double' });
    differ({ kind: 'numeric', precision: 10, scale: 2 }, { kind: 'numeric', precision: 12, scale: 2 });
    differ({ kind: 'boolean' }, { kind: 'integer' });
    differ({ kind: 'custom', sql: 'UUID' }, { kind: 'uuid' });
  });

  it('gives every kind the key of what reflection reads back from its DDL', () => {
    const kinds: TypeSpec[] = [
      { kind: 'integer' }, { kind: 'mediumint' }, { kind: 'boolean' }, { kind: 'string', length: 3 }, { kind: 'char', length: null },
      { kind: 'tinytext' }, { kind: 'numeric', precision: 5, scale: 1 }, { kind: 'float' }, { kind: 'double' }, { kind: 'date' },
      { kind: 'time', timezone: true }, { kind: 'datetime', timezone: false, precision: 3 }, { kind: 'json' }, { kind: 'jsonb' },
      { kind: 'uuid' }, { kind: 'binary' }, { kind: 'inet' }, { kind: 'enum', values: ['ä', 'bb'], name: null },
      { kind: 'array', of: { kind: 'integer' } }, { kind: 'custom', sql: 'GEOMETRY' },
    ];
    for (const t of kinds) same(t, parseSqliteType(compileSqliteType(t)));
  });
});

describe('affinity', () => {
  /** What SQLite stores for '5', 5 (bound as a double), '5.5' and 'x' in a column of this declared type: its affinity at work. */
  function storage(db: Database.Database, declared: string): string {
    db.exec(`DROP TABLE IF EXISTS t; CREATE TABLE t (v ${declared.replace(/"/g, '')})`);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    for (const v of ['5', 5, '5.5', 'x']) insert.run(v);
    return (db.prepare('SELECT group_concat(typeof(v)) AS s FROM t').get() as { s: string }).s;
  }

  it('agrees with SQLite, and each spelling stores values like the spelling retort writes for it', () => {
    const db = new Database(':memory:');
    try {
      const spellings = ['INTEGER', 'int8', 'unsigned big int', 'BOOL', 'varchar(5)', 'CHARACTER VARYING(5)', 'nchar(2)', 'CLOB', 'DECIMAL(10,2)',
        'REAL', 'FLOAT8', 'DOUBLE PRECISION', 'DATE', 'TIMESTAMP', 'timestamp with time zone', 'JSON', 'JSONB', 'BLOB', '', 'UUID', 'BINARY(16)', 'INET', 'STRING'];
      for (const s of spellings) {
        const expected = storage(db, s);
        assert.equal(storage(db, compileSqliteType(parseSqliteType(s))), expected, `${s} stores values as ${expected}`);
        const viaAffinity = { INTEGER: 'integer,integer,real,text', NUMERIC: 'integer,integer,real,text', REAL: 'real,real,real,text', TEXT: 'text,text,text,text', BLOB: 'text,real,text,text' }[affinityOf(s)];
        assert.equal(viaAffinity, expected, `affinity of ${JSON.stringify(s)}`);
      }
    } finally {
      db.close();
    }
  });
});
