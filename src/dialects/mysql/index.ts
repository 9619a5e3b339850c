import type { Dialect } from '../../engine/dialect.js';
import { questionMarkSql } from '../sql-text.js';
import { serverTransactions } from '../transactions.js';
import { mysqlDdlCompiler } from './ddl-compiler.js';
import { createMysqlDriver } from './driver.js';
import { mysqlIntrospector } from './introspector.js';
import { mysqlNormalizer } from './normalizer.js';
import { mysqlLiteral, mysqlQuoteIdentifier } from './quoting.js';
import { mysqlTypeCompiler } from './type-compiler.js';

/**
 * MySQL and MariaDB, through the `mysql2` driver (imported on first connect). MySQL 8 and
 * MariaDB 10.5+ are served by the same DDL, written in the forms both accept; reflection tells
 * them apart with `SELECT VERSION()`, once per call.
 *
 * Choices that make the round trip (declare, create, reflect, compare) hold:
 * - `datetime` with time zone is TIMESTAMP (stored in UTC, shown in the session time zone),
 *   without is DATETIME; reflection maps them back the same way. TIME has no time zone.
 * - `boolean` is TINYINT(1) and `tinyint(1)` reads back as boolean; `uuid` is CHAR(36) (same
 *   canonical key as `char(36)`, which reads back as char); `json` is JSON (MariaDB stores
 *   LONGTEXT plus a `json_valid` check named after the column: read back as json, check dropped).
 * - Enums are inline `ENUM('a','b')`; their name is not stored (canonical key = the values).
 * - Literal booleans are `1` / `0`. Literal defaults of BLOB / TEXT / JSON columns and expression
 *   defaults other than literals and CURRENT_TIMESTAMP are written in parentheses, as MySQL 8
 *   requires and MariaDB accepts.
 * - No partial indexes, deferrable foreign keys or SET DEFAULT actions (OperationError).
 * - ON UPDATE reads back as `CURRENT_TIMESTAMP` or `CURRENT_TIMESTAMP(n)` (n > 0) from both
 *   MariaDB's `on update current_timestamp()` and MySQL 8's `[DEFAULT_GENERATED ]on update
 *   CURRENT_TIMESTAMP[(n)]`; a server with `explicit_defaults_for_timestamp` off adds DEFAULT and
 *   ON UPDATE CURRENT_TIMESTAMP to the first TIMESTAMP NOT NULL column declared without a default,
 *   and reflection then shows them.
 * - Generated columns are written without NULL / NOT NULL (MariaDB refuses both there), so they
 *   are nullable; their expression reads back as the server rewrote it (backticks, MariaDB's
 *   `ucase(` for `upper(`, MySQL 8's charset introducers), without surrounding parentheses.
 * - A column's collation reads back only when it is not its table's (TABLE_COLLATION); MariaDB's
 *   JSON (LONGTEXT COLLATE utf8mb4_bin) carries none.
 *
 * @example
 * ```ts
 * const engine = createEngine('mariadb://root@127.0.0.1:3306/test');
 * engine.dialect === mysqlDialect; // true
 * ```
 */
export const mysqlDialect: Dialect = Object.freeze({
  name: 'mysql',
  aliases: ['mariadb'],
  urlKind: 'server',
  capabilities: Object.freeze({
    transactionalDdl: false,
    schemas: false,
    comments: true,
    namedPrimaryKeys: false,
    partialIndexes: false,
    deferrableForeignKeys: false,
    namedEnums: false,
    inlineEnums: true,
    alterColumn: true,
    alterConstraints: true,
    uniqueConstraintIsIndex: true,
    foreignKeysNeedIndex: true,
    alterForeignKeyColumns: false,
    columnOnUpdate: true,
    identityKinds: false,
    invisibleColumns: true,
    autoincrementNeedsKey: true,
    viewsBindColumns: false,
    conflictClauses: false,
    maxIdentifierLength: 64,
  }),
  defaultPoolSize: () => 10,
  serverVersionSql: 'SELECT VERSION()',
  createDriver: createMysqlDriver,
  prepareSql: questionMarkSql('mysql'),
  transactions: serverTransactions,
  quoteIdentifier: mysqlQuoteIdentifier,
  literal: mysqlLiteral,
  types: mysqlTypeCompiler,
  ddl: mysqlDdlCompiler,
  introspector: mysqlIntrospector,
  normalizer: mysqlNormalizer,
});
