import type { TypeCompiler } from '../../engine/dialect.js';
import type { TypeSpec } from '../../schema/type-spec.js';
import { stringKey } from './string-literal.js';
import { parseColumnType } from './type-parser.js';

function escapeForEnum(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function unsigned(t: { readonly unsigned?: boolean }): string {
  return t.unsigned === true ? ' UNSIGNED' : '';
}

function fractional(base: string, precision: number | null | undefined): string {
  return precision ? `${base}(${precision})` : base;
}

/**
 * The DDL type of a TypeSpec on MySQL / MariaDB. Kinds of other dialects map to the closest type:
 * `jsonb` and `array` are JSON, `uuid` is CHAR(36), `inet` VARCHAR(45); a time zone on TIME is
 * dropped (MySQL has none); a datetime with time zone is TIMESTAMP.
 */
function compile(type: TypeSpec): string {
  switch (type.kind) {
    case 'integer': return `INT${unsigned(type)}`;
    case 'smallint': return `SMALLINT${unsigned(type)}`;
    case 'bigint': return `BIGINT${unsigned(type)}`;
    case 'tinyint': return `TINYINT${unsigned(type)}`;
    case 'mediumint': return `MEDIUMINT${unsigned(type)}`;
    case 'boolean': return 'TINYINT(1)';
    case 'string': return `VARCHAR(${type.length ?? 255})`;
    case 'char': return type.length === null ? 'CHAR' : `CHAR(${type.length})`;
    case 'text': return 'TEXT';
    case 'tinytext': return 'TINYTEXT';
    case 'mediumtext': return 'MEDIUMTEXT';
    case 'longtext': return 'LONGTEXT';
    case 'numeric':
      if (type.precision === null) return 'DECIMAL';
      return type.scale === null ? `DECIMAL(${type.precision})` : `DECIMAL(${type.precision}, ${type.scale})`;
    case 'float': return 'FLOAT';
    case 'double': return 'DOUBLE';
    case 'date': return 'DATE';
    case 'time': return fractional('TIME', type.precision);
    case 'datetime': return fractional(type.timezone ? 'TIMESTAMP' : 'DATETIME', type.precision);
    case 'json':
    case 'jsonb':
    case 'array':
      return 'JSON';
    case 'uuid': return 'CHAR(36)';
    case 'binary': return type.length == null ? 'BLOB' : `BINARY(${type.length})`;
    case 'inet': return 'VARCHAR(45)';
    case 'enum': return `ENUM(${type.values.map(escapeForEnum).join(', ')})`;
    case 'custom': return type.sql;
  }
}

/**
 * The comparison key of a type: how the server stores it, in its own lower-case spelling.
 * Display widths are ignored, omitted lengths and precisions take the server's defaults
 * (`decimal` = `decimal(10,0)`, `char` = `char(1)`, `datetime` = `datetime(0)`), `uuid` is
 * `char(36)`, `boolean` is `tinyint(1)`, `json`, `jsonb` and `array` are `json`, an enum is its
 * values (its name is ignored: MySQL enums are inline). Custom type text is parsed first, so
 * `custom('INTEGER')` and `integer` share a key.
 */
function canonical(type: TypeSpec): string {
  const u = (t: { readonly unsigned?: boolean }): string => (t.unsigned === true ? ' unsigned' : '');
  switch (type.kind) {
    case 'integer': return `int${u(type)}`;
    case 'smallint': return `smallint${u(type)}`;
    case 'bigint': return `bigint${u(type)}`;
    case 'tinyint': return `tinyint${u(type)}`;
    case 'mediumint': return `mediumint${u(type)}`;
    case 'boolean': return 'tinyint(1)';
    case 'string': return `varchar(${type.length ?? 255})`;
    case 'char': return `char(${type.length ?? 1})`;
    case 'text':
    case 'tinytext':
    case 'mediumtext':
    case 'longtext':
      return type.kind;
    case 'numeric': return `decimal(${type.precision ?? 10},${type.scale ?? 0})`;
    case 'float': return 'float';
    case 'double': return 'double';
    case 'date': return 'date';
    case 'time': return `time(${type.precision ?? 0})`;
    case 'datetime': return `${type.timezone ? 'timestamp' : 'datetime'}(${type.precision ?? 0})`;
    case 'json':
    case 'jsonb':
    case 'array':
      return 'json';
    case 'uuid': return 'char(36)';
    case 'binary': return type.length == null ? 'blob' : `binary(${type.length})`;
    case 'inet': return 'varchar(45)';
    case 'enum': return `enum(${type.values.map(stringKey).join(',')})`;
    case 'custom': {
      const parsed = parseColumnType(type.sql);
      return parsed.kind === 'custom' ? parsed.sql : canonical(parsed);
    }
  }
}

/**
 * The MySQL / MariaDB type compiler.
 *
 * @example
 * ```ts
 * mysqlTypeCompiler.compile({ kind: 'boolean' });               // 'TINYINT(1)'
 * mysqlTypeCompiler.canonical({ kind: 'uuid' }) === mysqlTypeCompiler.canonical({ kind: 'char', length: 36 }); // true
 * ```
 */
export const mysqlTypeCompiler: TypeCompiler = Object.freeze({ compile, canonical });
