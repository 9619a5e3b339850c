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
 * MySQL and MariaDB, through the `mysql2` driver (imported on first connect).
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
