import type { Dialect } from '../../engine/dialect.js';
import { rewritePlaceholders } from '../../sql/placeholders.js';
import { serverTransactions } from '../transactions.js';
import { postgresDdlCompiler, postgresDdlParts } from './ddl-compiler.js';
import { createPostgresDriver } from './driver.js';
import { postgresIntrospector } from './introspector.js';
import { postgresNormalizer } from './normalizer.js';
import { postgresTypeCompiler } from './type-compiler.js';

const CACHE_LIMIT = 500;
const converted = new Map<string, string>();
const dollar = (i: number): string => `$${i}`;

const keep = (): string => '?';

/**
 * `?` -> `$n` (and `??` -> `?`), with the conversions of recent statements cached. A statement
 * without parameters (DDL) keeps every lone `?` as it is: PostgreSQL's JSONB operators `?`, `?|`,
 * `?&` in a CHECK or an index predicate reach the server untouched, also when the statement holds
 * a `??` (in a string literal, say).
 */
function prepareSql(sql: string, paramCount: number): string {
  if (paramCount === 0) return sql.includes('??') ? rewritePlaceholders(sql, keep) : sql;
  let out = converted.get(sql);
  if (out === undefined) {
    out = rewritePlaceholders(sql, dollar);
    if (converted.size >= CACHE_LIMIT) converted.clear();
    converted.set(sql, out);
  }
  return out;
}

/**
 * PostgreSQL, through the `pg` driver (imported on first connect).
 *
 * @example
 * ```ts
 * const engine = createEngine('postgresql://postgres@127.0.0.1:5432/app');
 * engine.dialect === postgresDialect; // true
 * ```
 */
export const postgresDialect: Dialect = Object.freeze({
  name: 'postgresql',
  aliases: ['postgres'],
  urlKind: 'server',
  capabilities: Object.freeze({
    transactionalDdl: true,
    schemas: true,
    comments: true,
    namedPrimaryKeys: true,
    partialIndexes: true,
    deferrableForeignKeys: true,
    namedEnums: true,
    inlineEnums: false,
    alterColumn: true,
    alterConstraints: true,
    uniqueConstraintIsIndex: false,
    foreignKeysNeedIndex: false,
    alterForeignKeyColumns: true,
    columnOnUpdate: false,
    identityKinds: true,
    invisibleColumns: false,
    autoincrementNeedsKey: false,
    viewsBindColumns: true,
    conflictClauses: false,
    maxIdentifierLength: 63,
  }),
  defaultPoolSize: () => 10,
  serverVersionSql: 'SELECT version()',
  createDriver: createPostgresDriver,
  prepareSql,
  transactions: serverTransactions,
  quoteIdentifier: postgresDdlParts.quoteIdentifier,
  literal: postgresDdlParts.literal,
  types: postgresTypeCompiler,
  ddl: postgresDdlCompiler,
  introspector: postgresIntrospector,
  normalizer: postgresNormalizer,
});
