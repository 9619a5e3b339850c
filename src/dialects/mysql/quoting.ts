import { identifierQuoter } from '../../sql/identifiers.js';
import { literalWriter } from '../sql-text.js';

/**
 * Quotes a MySQL / MariaDB identifier with backticks, doubling backticks inside it.
 *
 * @example
 * ```ts
 * mysqlQuoteIdentifier('order'); // '`order`'
 * ```
 */
export const mysqlQuoteIdentifier: (name: string) => string = identifierQuoter('`');

/**
 * An SQL literal for MySQL / MariaDB: strings quoted with `'` (quotes doubled, backslashes
 * escaped), booleans `1` / `0` (what TINYINT(1) stores and the catalog gives back).
 *
 * @example
 * ```ts
 * mysqlLiteral("it's"); // "'it''s'"
 * mysqlLiteral(true);   // '1'
 * ```
 */
export const mysqlLiteral: (value: string | number | boolean | bigint | null) => string = literalWriter({
  dialect: 'mysql',
  booleans: ['1', '0'],
  backslashEscapes: true,
});
