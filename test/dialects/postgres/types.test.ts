// PostgreSQL type names <-> TypeSpec, and canonical keys (pure).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePostgresType } from '../../../src/dialects/postgres/type-parser.js';
import { OperationError, postgresDialect } from '../../../src/index.js';
import type { TypeSpec } from '../../../src/schema/type-spec.js';

const { compile, canonical } = postgresDialect.types;

describe('postgresql type parser', () => {
  it('reads format_type() spellings and user spellings into the generic kinds', () => {
    const cases: [string, TypeSpec][] = [
      ['integer', { kind: 'integer' }],
      ['int4', { kind: 'integer' }],
      ['INT', { kind: 'integer' }],
      ['int2', { kind: 'smallint' }],
      ['bigint', { kind: 'bigint' }],
      ['bool', { kind: 'boolean' }],
      ['character varying(50)', { kind: 'string', length: 50 }],
      ['varchar', { kind: 'string', length: null }],
      ['character(12)', { kind: 'char', length: 12 }],
      ['bpchar', { kind: 'custom', sql: 'bpchar' }],
      ['bpchar(3)', { kind: 'char', length: 3 }],
      ['numeric(10,2)', { kind: 'numeric', precision: 10, scale: 2 }],
      ['decimal(10)', { kind: 'numeric', precision: 10, scale: 0 }],
      ['numeric', { kind: 'numeric', precision: null, scale: null }],
      ['real', { kind: 'float' }],
      ['float4', { kind: 'float' }],
      ['float(24)', { kind: 'float' }],
      ['double precision', { kind: 'double' }],
      ['float8', { kind: 'double' }],
      ['time without time zone', { kind: 'time', timezone: false }],
      ['time(3) with time zone', { kind: 'time', timezone: true, precision: 3 }],
      ['timetz', { kind: 'time', timezone: true }],
      ['timestamp(0) without time zone', { kind: 'datetime', timezone: false, precision: 0 }],
      ['timestamp with time zone', { kind: 'datetime', timezone: true }],
      ['TIMESTAMPTZ(6)', { kind: 'datetime', timezone: true, precision: 6 }],
      ['json', { kind: 'json' }],
      ['jsonb', { kind: 'jsonb' }],
      ['uuid', { kind: 'uuid' }],
      ['bytea', { kind: 'binary' }],
      ['inet', { kind: 'inet' }],
      ['integer[]', { kind: 'array', of: { kind: 'integer' } }],
      ['character varying(20)[][]', { kind: 'array', of: { kind: 'string', length: 20 } }],
      ['tsvector', { kind: 'custom', sql: 'tsvector' }],
      ['interval second(3)', { kind: 'custom', sql: 'interval second(3)' }],
      ['"char"', { kind: 'custom', sql: '"char"' }],
      ['public.citext', { kind: 'custom', sql: 'public.citext' }],
      ['bit(8)', { kind: 'custom', sql: 'bit(8)' }],
    ];
    for (const [text, spec] of cases) assert.deepEqual(parsePostgresType(text), spec, text);
  });
});

describe('postgresql type compiler', () => {
  it('compiles every kind, other dialects\' kinds to the closest type', () => {
    const cases: [TypeSpec, string][] = [
      [{ kind: 'integer' }, 'INTEGER'],
      [{ kind: 'integer', unsigned: true }, 'BIGINT'],
      [{ kind: 'bigint', unsigned: true }, 'NUMERIC(20)'],
      [{ kind: 'tinyint' }, 'SMALLINT'],
      [{ kind: 'mediumint' }, 'INTEGER'],
      [{ kind: 'string', length: null }, 'VARCHAR'],
      [{ kind: 'char', length: 2 }, 'CHAR(2)'],
      [{ kind: 'longtext' }, 'TEXT'],
      [{ kind: 'numeric', precision: 10, scale: null }, 'NUMERIC(10)'],
      [{ kind: 'time', timezone: true, precision: 3 }, 'TIME(3) WITH TIME ZONE'],
      [{ kind: 'datetime', timezone: false }, 'TIMESTAMP'],
      [{ kind: 'binary', length: 16 }, 'BYTEA'],
      [{ kind: 'enum', name: 'My "Mood"', values: ['a'] }, '"My ""Mood"""'],
      [{ kind: 'array', of: { kind: 'enum', name: 'mood', values: ['a'] } }, '"mood"[]'],
      [{ kind: 'custom', sql: 'tsvector' }, 'tsvector'],
    ];
    for (const [spec, text] of cases) assert.equal(compile(spec), text, JSON.stringify(spec));
    assert.throws(() => compile({ kind: 'enum', name: null, values: ['a', 'b'] }), OperationError);
  });

  it('gives stored synonyms one canonical key', () => {
    const same: [TypeSpec, TypeSpec][] = [
      [{ kind: 'integer' }, { kind: 'custom', sql: 'int4' }],
      [{ kind: 'mediumint' }, { kind: 'integer' }],
      [{ kind: 'char', length: null }, { kind: 'char', length: 1 }],
      [{ kind: 'numeric', precision: 10, scale: null }, { kind: 'numeric', precision: 10, scale: 0 }],
      [{ kind: 'time', timezone: false }, { kind: 'time', timezone: false, precision: 6 }],
      [{ kind: 'datetime', timezone: true }, { kind: 'custom', sql: 'timestamp(6) with time zone' }],
      [{ kind: 'datetime', timezone: true }, { kind: 'custom', sql: 'TIMESTAMPTZ' }],
      [{ kind: 'double' }, { kind: 'custom', sql: 'float' }],
      [{ kind: 'text' }, { kind: 'mediumtext' }],
      [{ kind: 'array', of: { kind: 'array', of: { kind: 'integer' } } }, { kind: 'array', of: { kind: 'integer' } }],
      [{ kind: 'custom', sql: 'TSVECTOR' }, { kind: 'custom', sql: ' tsvector ' }],
      [{ kind: 'custom', sql: 'numeric(20)' }, { kind: 'bigint', unsigned: true }],
      [{ kind: 'enum', name: 'mood', values: ['a'] }, { kind: 'enum', name: 'mood', values: ['a', 'b'] }],
    ];
    for (const [a, b] of same) assert.equal(canonical(a), canonical(b), `${JSON.stringify(a)} = ${JSON.stringify(b)}`);
    const different: [TypeSpec, TypeSpec][] = [
      [{ kind: 'string', length: null }, { kind: 'text' }],
      [{ kind: 'string', length: 50 }, { kind: 'string', length: 51 }],
      [{ kind: 'datetime', timezone: true }, { kind: 'datetime', timezone: false }],
      [{ kind: 'datetime', timezone: false, precision: 3 }, { kind: 'datetime', timezone: false }],
      [{ kind: 'json' }, { kind: 'jsonb' }],
      [{ kind: 'enum', name: 'mood', values: ['a'] }, { kind: 'enum', name: 'Mood', values: ['a'] }],
      [{ kind: 'custom', sql: '"Mood"' }, { kind: 'custom', sql: '"mood"' }],
      // bpchar without a length holds any length; CHAR is CHAR(1)
      [{ kind: 'custom', sql: 'bpchar' }, { kind: 'char', length: null }],
    ];
    for (const [a, b] of different) assert.notEqual(canonical(a), canonical(b), `${JSON.stringify(a)} != ${JSON.stringify(b)}`);
    assert.equal(canonical({ kind: 'datetime', timezone: true }), 'TIMESTAMP(6) WITH TIME ZONE');
    assert.equal(canonical({ kind: 'string', length: 50 }), 'VARCHAR(50)');
    assert.equal(canonical({ kind: 'custom', sql: 'int4' }), 'INTEGER');
  });
});
