import type { Dialect } from '../../engine/dialect.js';
import type { DatabaseUrl } from '../../engine/url.js';
import { identifierQuoter } from '../../sql/identifiers.js';
import { literalWriter, questionMarkSql } from '../sql-text.js';
import { standardTransactions } from '../transactions.js';
import { createSqliteDdlCompiler } from './ddl-compiler.js';
import { createSqliteDriver, isMemoryUrl } from './driver.js';
import { sqliteIntrospector } from './introspector.js';
import { sqliteNormalizer } from './normalizer.js';
import { sqliteTypeCompiler } from './type-compiler.js';

const quoteIdentifier = identifierQuoter('"');
const literal = literalWriter({ dialect: 'sqlite', booleans: ['1', '0'], backslashEscapes: false });

/**
 * SQLite, through `better-sqlite3` (imported on first connect). A file database gets one
 * connection by default; `:memory:` always exactly one, kept open while the engine lives.
 *
 * @example
 * ```ts
 * const engine = createEngine('sqlite:///app.db');
 * engine.dialect === sqliteDialect; // true
 * ```
 */
export const sqliteDialect: Dialect = Object.freeze({
  name: 'sqlite',
  aliases: ['sqlite3'],
  urlKind: 'file',
  capabilities: Object.freeze({
    transactionalDdl: true,
    schemas: false,
    comments: false,
    namedPrimaryKeys: true,
    partialIndexes: true,
    deferrableForeignKeys: true,
    namedEnums: false,
    inlineEnums: false,
    alterColumn: false,
    alterConstraints: false,
    uniqueConstraintIsIndex: false,
    foreignKeysNeedIndex: false,
    alterForeignKeyColumns: true,
    columnOnUpdate: false,
    identityKinds: false,
    invisibleColumns: false,
    autoincrementNeedsKey: false,
    viewsBindColumns: false,
    conflictClauses: true,
    maxIdentifierLength: null,
  }),
  defaultPoolSize: () => 1,
  poolLimits: (url: DatabaseUrl) => (isMemoryUrl(url) ? { max: 1, keepOpen: true } : {}),
  serverVersionSql: 'SELECT sqlite_version()',
  createDriver: createSqliteDriver,
  prepareSql: questionMarkSql('sqlite'),
  transactions: standardTransactions,
  quoteIdentifier,
  literal,
  types: sqliteTypeCompiler,
  ddl: createSqliteDdlCompiler({ name: 'sqlite', quoteIdentifier, literal, types: sqliteTypeCompiler }),
  introspector: sqliteIntrospector,
  normalizer: sqliteNormalizer,
});
