// Small, realistic stand-ins for the dialects' type compilers and normalisers, for the pure
// autogenerate tests. The real ones live in src/dialects/<db>/ (written elsewhere); these follow
// the same rules closely enough to exercise compare: PostgreSQL int4 = integer, casts stripped from
// defaults, now() = CURRENT_TIMESTAMP; MySQL unique = index, implicit FK index; SQLite without
// comments or ALTER of constraints.
import type { CompareDialect } from '../../src/autogenerate/compare-options.js';
import type { DialectCapabilities } from '../../src/engine/dialect.js';
import type { ColumnSnapshot, DefaultSpec, ForeignKeyAction } from '../../src/schema/snapshot.js';
import type { TypeSpec } from '../../src/schema/type-spec.js';

export type TestDialectName = 'postgresql' | 'mysql' | 'sqlite';

const base: DialectCapabilities = {
  transactionalDdl: true,
  schemas: false,
  comments: true,
  namedPrimaryKeys: false,
  partialIndexes: false,
  deferrableForeignKeys: false,
  namedEnums: false,
  inlineEnums: false,
  alterColumn: true,
  alterConstraints: true,
  uniqueConstraintIsIndex: false,
  foreignKeysNeedIndex: false,
  alterForeignKeyColumns: true,
  columnOnUpdate: false,
  identityKinds: false,
  invisibleColumns: false,
  autoincrementNeedsKey: false,
  viewsBindColumns: false,
  conflictClauses: false,
  maxIdentifierLength: null,
};

const capabilities: Record<TestDialectName, DialectCapabilities> = {
  postgresql: { ...base, schemas: true, namedPrimaryKeys: true, partialIndexes: true, deferrableForeignKeys: true, namedEnums: true, identityKinds: true, viewsBindColumns: true, maxIdentifierLength: 63 },
  mysql: { ...base, transactionalDdl: false, inlineEnums: true, uniqueConstraintIsIndex: true, foreignKeysNeedIndex: true, alterForeignKeyColumns: false, columnOnUpdate: true, invisibleColumns: true, autoincrementNeedsKey: true, maxIdentifierLength: 64 },
  sqlite: { ...base, comments: false, partialIndexes: true, deferrableForeignKeys: true, alterColumn: false, alterConstraints: false, conflictClauses: true },
};

const pgSynonyms: Record<string, string> = {
  int4: 'integer', int: 'integer', int8: 'bigint', int2: 'smallint', bool: 'boolean', float8: 'double precision',
  float4: 'real', decimal: 'numeric', 'timestamp with time zone': 'timestamptz', 'timestamp without time zone': 'timestamp',
};

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function pgCanonical(t: TypeSpec): string {
  switch (t.kind) {
    case 'integer': case 'tinyint': case 'mediumint': return 'integer';
    case 'smallint': return 'smallint';
    case 'bigint': return 'bigint';
    case 'boolean': return 'boolean';
    case 'string': return t.length === null ? 'varchar' : `varchar(${t.length})`;
    case 'char': return `char(${t.length ?? 1})`;
    case 'text': case 'tinytext': case 'mediumtext': case 'longtext': return 'text';
    case 'numeric': return t.precision === null ? 'numeric' : `numeric(${t.precision},${t.scale ?? 0})`;
    case 'float': return 'real';
    case 'double': return 'double precision';
    case 'date': return 'date';
    case 'time': return `time${t.timezone ? 'tz' : ''}(${t.precision ?? 6})`;
    case 'datetime': return `timestamp${t.timezone ? 'tz' : ''}(${t.precision ?? 6})`;
    case 'json': return 'json';
    case 'jsonb': return 'jsonb';
    case 'uuid': return 'uuid';
    case 'binary': return 'bytea';
    case 'inet': return 'inet';
    case 'enum': return t.name === null ? `enum(${t.values.map(quote).join(',')})` : `enum:${t.name}`;
    case 'array': return `${pgCanonical(t.of)}[]`;
    case 'custom': {
      const text = t.sql.trim().toLowerCase().replace(/\s+/g, ' ').replace(/^character varying/, 'varchar');
      return pgSynonyms[text] ?? text;
    }
  }
}

function mysqlCanonical(t: TypeSpec): string {
  const u = (x: { unsigned?: boolean }): string => (x.unsigned === true ? ' unsigned' : '');
  switch (t.kind) {
    case 'integer': return `int${u(t)}`;
    case 'smallint': return `smallint${u(t)}`;
    case 'bigint': return `bigint${u(t)}`;
    case 'tinyint': return `tinyint${u(t)}`;
    case 'mediumint': return `mediumint${u(t)}`;
    case 'boolean': return 'tinyint(1)';
    case 'string': return `varchar(${t.length ?? 255})`;
    case 'char': return `char(${t.length ?? 1})`;
    case 'text': case 'tinytext': case 'mediumtext': case 'longtext': return t.kind;
    case 'numeric': return `decimal(${t.precision ?? 10},${t.scale ?? 0})`;
    case 'float': return 'float';
    case 'double': return 'double';
    case 'date': return 'date';
    case 'time': return `time(${t.precision ?? 0})`;
    case 'datetime': return `${t.timezone ? 'timestamp' : 'datetime'}(${t.precision ?? 0})`;
    case 'json': case 'jsonb': return 'json';
    case 'uuid': return 'char(36)';
    case 'binary': return t.length == null ? 'blob' : `binary(${t.length})`;
    case 'inet': return 'varchar(45)';
    case 'enum': return `enum(${t.values.map(quote).join(',')})`;
    case 'array': return 'json';
    case 'custom': {
      const text = t.sql.trim().toLowerCase().replace(/\s+/g, ' ');
      return ({ integer: 'int', bool: 'tinyint(1)', boolean: 'tinyint(1)' } as Record<string, string>)[text] ?? text;
    }
  }
}

function sqliteCanonical(t: TypeSpec): string {
  switch (t.kind) {
    case 'integer': case 'smallint': case 'bigint': case 'tinyint': case 'mediumint': return 'integer';
    case 'enum': return `varchar(${Math.max(0, ...t.values.map((v) => v.length))})`;
    case 'array': return 'json';
    default: return pgCanonical(t);
  }
}

function compile(t: TypeSpec): string {
  switch (t.kind) {
    case 'string': return t.length === null ? 'VARCHAR' : `VARCHAR(${t.length})`;
    case 'datetime': return `TIMESTAMP${t.timezone ? ' WITH TIME ZONE' : ''}`;
    case 'enum': return t.name === null ? `ENUM(${t.values.map(quote).join(', ')})` : `"${t.name}"`;
    case 'array': return `${compile(t.of)}[]`;
    case 'custom': return t.sql;
    case 'numeric': return t.precision === null ? 'NUMERIC' : `NUMERIC(${t.precision}, ${t.scale ?? 0})`;
    case 'char': return `CHAR(${t.length ?? 1})`;
    case 'binary': return t.length == null ? 'BYTEA' : `BINARY(${t.length})`;
    default: {
      const unsigned = 'unsigned' in t && t.unsigned === true ? ' UNSIGNED' : '';
      return `${t.kind.toUpperCase()}${unsigned}`;
    }
  }
}

function literal(value: string | number | boolean): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

function stripOuterParens(text: string): string {
  let s = text.trim();
  while (s.startsWith('(') && s.endsWith(')')) {
    let depth = 0;
    let wraps = true;
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '(') depth++;
      else if (s[i] === ')') depth--;
      if (depth === 0 && i < s.length - 1) { wraps = false; break; }
    }
    if (!wraps) break;
    s = s.slice(1, -1).trim();
  }
  return s;
}

function pgExpression(text: string): string {
  const bare = text
    .replace(/::(character varying|timestamp with(out)? time zone|double precision|"?[a-z_][a-z0-9_]*"?)(\([0-9, ]+\))?(\[\])?/gi, '')
    .replace(/"([a-z_][a-z0-9_]*)"/g, '$1')
    .replace(/(^|[^a-z0-9_])\(([a-z0-9_]+|'[^']*')\)/gi, '$1$2');
  return stripOuterParens(bare).replace(/\s+/g, ' ');
}

const currentTimestamp = /^(now\(\)|current_timestamp(\(\))?|localtimestamp)$/i;

function pgDefault(value: DefaultSpec | null, column: ColumnSnapshot): string | null {
  if (value === null) return null;
  if (value.kind === 'literal') return literal(value.value);
  const text = pgExpression(value.sql);
  if (column.autoincrement && /^nextval\(/i.test(text)) return null;
  if (/^null$/i.test(text)) return null;
  return currentTimestamp.test(text) ? 'CURRENT_TIMESTAMP' : text;
}

function mysqlExpression(text: string): string {
  return stripOuterParens(text.replace(/`/g, '')).replace(/\s+/g, ' ').toLowerCase();
}

function mysqlDefault(value: DefaultSpec | null): string | null {
  if (value === null) return null;
  if (value.kind === 'literal') return typeof value.value === 'boolean' ? (value.value ? '1' : '0') : literal(value.value);
  const text = stripOuterParens(value.sql);
  if (/^null$/i.test(text)) return null;
  return currentTimestamp.test(text) ? 'CURRENT_TIMESTAMP' : text;
}

function sqliteDefault(value: DefaultSpec | null): string | null {
  if (value === null) return null;
  if (value.kind === 'literal') return typeof value.value === 'boolean' ? (value.value ? '1' : '0') : literal(value.value);
  const text = stripOuterParens(value.sql);
  return currentTimestamp.test(text) ? 'CURRENT_TIMESTAMP' : text;
}

function action(a: ForeignKeyAction | null): ForeignKeyAction {
  return a ?? 'NO ACTION';
}

/** A test dialect with realistic canonical types, DDL type names and normalisers. */
export function testDialect(name: TestDialectName): CompareDialect {
  switch (name) {
    case 'postgresql':
      return {
        name,
        capabilities: capabilities.postgresql,
        types: { canonical: pgCanonical, compile },
        normalizer: { defaultValue: pgDefault, expression: pgExpression, foreignKeyAction: action },
      };
    case 'mysql':
      return {
        name,
        capabilities: capabilities.mysql,
        types: { canonical: mysqlCanonical, compile },
        normalizer: {
          defaultValue: mysqlDefault,
          expression: mysqlExpression,
          foreignKeyAction: (a) => (a === null || a === 'RESTRICT' ? 'NO ACTION' : a),
        },
      };
    case 'sqlite':
      return {
        name,
        capabilities: capabilities.sqlite,
        types: { canonical: sqliteCanonical, compile },
        normalizer: { defaultValue: sqliteDefault, expression: (s) => stripOuterParens(s).replace(/\s+/g, ' '), foreignKeyAction: action },
      };
  }
}
