import type { TypeCompiler } from '../../engine/dialect.js';
import { OperationError } from '../../errors/index.js';
import type { TypeSpec } from '../../schema/type-spec.js';
import { identifierQuoter } from '../../sql/identifiers.js';
import { parsePostgresType } from './type-parser.js';

const quote = identifierQuoter('"');

/** Default fractional-seconds precision of TIME and TIMESTAMP. */
const DEFAULT_TIME_PRECISION = 6;

function withTimeZone(timezone: boolean): string {
  return timezone ? ' WITH TIME ZONE' : '';
}

function precision(p: number | null | undefined): string {
  return p === null || p === undefined ? '' : `(${p})`;
}

/** The name of an enum type, qualified with `schema` when given. */
function enumName(type: Extract<TypeSpec, { kind: 'enum' }>, schema: string | null): string {
  if (type.name === null) {
    throw new OperationError(`postgresql: enums are named types; give the enum (${type.values.join(', ')}) a name: column.enum([...], { name: '...' })`);
  }
  return schema ? `${quote(schema)}.${quote(type.name)}` : quote(type.name);
}

/**
 * DDL text of a type. `schema` qualifies enum types (the schema of the table that uses them).
 * Kinds of other dialects map to the closest PostgreSQL type: TINYINT and MEDIUMINT to SMALLINT and
 * INTEGER, unsigned integers to the next wider type (BIGINT UNSIGNED to NUMERIC(20)), the MySQL
 * TEXT sizes to TEXT.
 *
 * @example
 * ```ts
 * compilePostgresType({ kind: 'datetime', timezone: true, precision: 3 }, null); // 'TIMESTAMP(3) WITH TIME ZONE'
 * ```
 */
export function compilePostgresType(type: TypeSpec, schema: string | null): string {
  switch (type.kind) {
    case 'integer': return type.unsigned ? 'BIGINT' : 'INTEGER';
    case 'smallint': return type.unsigned ? 'INTEGER' : 'SMALLINT';
    case 'bigint': return type.unsigned ? 'NUMERIC(20)' : 'BIGINT';
    case 'tinyint': return 'SMALLINT';
    case 'mediumint': return 'INTEGER';
    case 'boolean': return 'BOOLEAN';
    case 'string': return `VARCHAR${precision(type.length)}`;
    case 'char': return `CHAR${precision(type.length)}`;
    case 'text': case 'tinytext': case 'mediumtext': case 'longtext': return 'TEXT';
    case 'numeric':
      if (type.precision === null) return 'NUMERIC';
      return type.scale === null ? `NUMERIC(${type.precision})` : `NUMERIC(${type.precision}, ${type.scale})`;
    case 'float': return 'REAL';
    case 'double': return 'DOUBLE PRECISION';
    case 'date': return 'DATE';
    case 'time': return `TIME${precision(type.precision)}${withTimeZone(type.timezone)}`;
    case 'datetime': return `TIMESTAMP${precision(type.precision)}${withTimeZone(type.timezone)}`;
    case 'json': return 'JSON';
    case 'jsonb': return 'JSONB';
    case 'uuid': return 'UUID';
    case 'binary': return 'BYTEA';
    case 'inet': return 'INET';
    case 'enum': return enumName(type, schema);
    case 'array': return `${compilePostgresType(type.of, schema)}[]`;
    case 'custom': return type.sql;
    default: {
      const never: never = type;
      throw new OperationError(`postgresql: unknown type ${JSON.stringify(never)}`);
    }
  }
}

/** Upper case outside double quotes, whitespace collapsed and dropped next to punctuation. */
function customKey(text: string): string {
  let out = '';
  let quoted = false;
  for (const c of text.trim()) {
    if (c === '"') quoted = !quoted;
    out += quoted || c === '"' ? c : c.toUpperCase();
  }
  return out.replace(/\s+/g, ' ').replace(/\s*([(),.[\]])\s*/g, '$1');
}

function canonicalKey(type: TypeSpec, inArray: boolean): string {
  switch (type.kind) {
    case 'char': return `CHAR(${type.length ?? 1})`;
    case 'numeric':
      return type.precision === null ? 'NUMERIC' : `NUMERIC(${type.precision},${type.scale ?? 0})`;
    case 'bigint': return type.unsigned ? 'NUMERIC(20,0)' : 'BIGINT';
    case 'time': return `TIME(${type.precision ?? DEFAULT_TIME_PRECISION})${withTimeZone(type.timezone)}`;
    case 'datetime': return `TIMESTAMP(${type.precision ?? DEFAULT_TIME_PRECISION})${withTimeZone(type.timezone)}`;
    case 'enum': return type.name === null ? `ENUM(${type.values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')})` : `ENUM ${quote(type.name)}`;
    // every dimension of an array is the same type to PostgreSQL
    case 'array': return inArray ? canonicalKey(type.of, true) : `${canonicalKey(type.of, true)}[]`;
    case 'custom': {
      const parsed = parsePostgresType(type.sql);
      return parsed.kind === 'custom' ? customKey(type.sql) : canonicalKey(parsed, inArray);
    }
    default: return compilePostgresType(type, null);
  }
}

/**
 * PostgreSQL's type compiler. `canonical` gives one key per stored type: synonyms are one key
 * (`int4` = INTEGER, `timestamptz` = TIMESTAMP(6) WITH TIME ZONE), omitted modifiers take their
 * defaults (CHAR = CHAR(1), TIME = TIME(6), NUMERIC(10) = NUMERIC(10,0)), the kinds of other
 * dialects are keyed as the type they compile to, arrays of any dimension are one, and an enum is
 * keyed by its name (its values are compared with the enum type itself).
 *
 * @example
 * ```ts
 * postgresTypeCompiler.compile({ kind: 'string', length: 50 });            // 'VARCHAR(50)'
 * postgresTypeCompiler.canonical({ kind: 'custom', sql: 'int4' });          // 'INTEGER'
 * postgresTypeCompiler.canonical({ kind: 'datetime', timezone: true });     // 'TIMESTAMP(6) WITH TIME ZONE'
 * ```
 */
export const postgresTypeCompiler: TypeCompiler = Object.freeze({
  compile: (type: TypeSpec): string => compilePostgresType(type, null),
  canonical: (type: TypeSpec): string => canonicalKey(type, false),
});
