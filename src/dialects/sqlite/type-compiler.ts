import type { TypeCompiler } from '../../engine/dialect.js';
import type { TypeSpec } from '../../schema/type-spec.js';
import { parseSqliteType } from './type-parser.js';

/** Length of the VARCHAR an enum is stored in: its longest value (at least 1). */
function enumLength(values: readonly string[]): number {
  let n = 1;
  for (const v of values) n = Math.max(n, [...v].length);
  return n;
}

/**
 * The DDL spelling of a TypeSpec on SQLite. Kinds of other dialects map to the nearest type that
 * stores the same values: `jsonb` and `array` to JSON (text; the driver binds arrays and objects
 * as JSON), `inet` to VARCHAR(45), MySQL's text kinds to TEXT, an enum to VARCHAR(longest value),
 * `uuid` to CHAR(36). Integer kinds keep their names (all have INTEGER affinity).
 *
 * @example
 * ```ts
 * compileSqliteType({ kind: 'numeric', precision: 10, scale: 2 }); // 'NUMERIC(10, 2)'
 * compileSqliteType({ kind: 'enum', values: ['new', 'paid'], name: null }); // 'VARCHAR(4)'
 * ```
 */
export function compileSqliteType(type: TypeSpec): string {
  switch (type.kind) {
    case 'integer': return 'INTEGER';
    case 'smallint': return 'SMALLINT';
    case 'bigint': return 'BIGINT';
    case 'tinyint': return 'TINYINT';
    case 'mediumint': return 'MEDIUMINT';
    case 'boolean': return 'BOOLEAN';
    case 'string': return type.length === null ? 'VARCHAR' : `VARCHAR(${type.length})`;
    case 'char': return type.length === null ? 'CHAR' : `CHAR(${type.length})`;
    case 'text': case 'tinytext': case 'mediumtext': case 'longtext': return 'TEXT';
    case 'numeric':
      if (type.precision === null) return 'NUMERIC';
      return type.scale === null ? `NUMERIC(${type.precision})` : `NUMERIC(${type.precision}, ${type.scale})`;
    case 'float': return 'REAL';
    case 'double': return 'DOUBLE';
    case 'date': return 'DATE';
    case 'time': return 'TIME';
    case 'datetime': return 'DATETIME';
    case 'json': case 'jsonb': case 'array': return 'JSON';
    case 'uuid': return 'CHAR(36)';
    case 'binary': return 'BLOB';
    case 'inet': return 'VARCHAR(45)';
    case 'enum': return `VARCHAR(${enumLength(type.values)})`;
    case 'custom': return type.sql;
  }
}

const SPACES = /\s+/g;
const SPACE_AROUND = /\s*([(),])\s*/g;

/**
 * The comparison key of a type on SQLite: what the catalog would give back for it, as a generic
 * key. All integer kinds are `integer` (one storage class; an autoincrement key is INTEGER
 * whatever kind it was declared with); time zones and fractional-second precisions are not
 * stored (`datetime`, `time`); an enum is `varchar(n)`, uuid `char(36)`, jsonb and arrays `json`;
 * a custom type is keyed as the type it parses to (`custom('VARCHAR(20)')` = `string(20)`), else
 * by its lower-cased text.
 *
 * @example
 * ```ts
 * canonicalSqliteType({ kind: 'bigint' }) === canonicalSqliteType({ kind: 'integer' }); // true
 * canonicalSqliteType({ kind: 'enum', values: ['a', 'bcd'], name: 's' }); // 'varchar(3)'
 * ```
 */
export function canonicalSqliteType(type: TypeSpec): string {
  switch (type.kind) {
    case 'integer': case 'smallint': case 'bigint': case 'tinyint': case 'mediumint': return 'integer';
    case 'boolean': return 'boolean';
    case 'string': return type.length === null ? 'varchar' : `varchar(${type.length})`;
    case 'char': return type.length === null ? 'char' : `char(${type.length})`;
    case 'text': case 'tinytext': case 'mediumtext': case 'longtext': return 'text';
    case 'numeric': return type.precision === null ? 'numeric' : `numeric(${type.precision},${type.scale ?? 0})`;
    case 'float': return 'float';
    case 'double': return 'double';
    case 'date': return 'date';
    case 'time': return 'time';
    case 'datetime': return 'datetime';
    case 'json': case 'jsonb': case 'array': return 'json';
    case 'uuid': return 'char(36)';
    case 'binary': return 'blob';
    case 'inet': return 'varchar(45)';
    case 'enum': return `varchar(${enumLength(type.values)})`;
    case 'custom': {
      const parsed = parseSqliteType(type.sql);
      if (parsed.kind !== 'custom') return canonicalSqliteType(parsed);
      return type.sql.trim().replace(SPACES, ' ').replace(SPACE_AROUND, '$1').toLowerCase();
    }
  }
}

/**
 * The SQLite TypeCompiler.
 *
 * @example
 * ```ts
 * sqliteTypeCompiler.compile({ kind: 'uuid' });   // 'CHAR(36)'
 * sqliteTypeCompiler.canonical({ kind: 'uuid' }); // 'char(36)'
 * ```
 */
export const sqliteTypeCompiler: TypeCompiler = Object.freeze({
  compile: compileSqliteType,
  canonical: canonicalSqliteType,
});
