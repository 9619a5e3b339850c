import type { DialectNormalizer } from '../../engine/dialect.js';
import type { ForeignKeyAction } from '../../schema/snapshot.js';
import { canonicalExpression } from '../base/canonical-expression.js';
import { mysqlDefaultKey } from './default-value.js';

/** MariaDB stores `length(x)` as `octet_length(x)` (the same function). */
const OCTET_LENGTH = /\boctet_length\s*\(/gi;

/**
 * The canonical text of a CHECK / index expression on MySQL / MariaDB: backticks, charset
 * introducers, parentheses, spacing and case do not matter ({@link canonicalExpression}), and
 * MariaDB's `octet_length(...)` is the `length(...)` it was written as.
 */
function expression(sqlText: string): string {
  return canonicalExpression(sqlText.replace(OCTET_LENGTH, 'length('));
}

/** InnoDB checks foreign keys at once: RESTRICT and NO ACTION (and no action given) are one. */
function foreignKeyAction(action: ForeignKeyAction | null): ForeignKeyAction {
  return action === null || action === 'RESTRICT' ? 'NO ACTION' : action;
}

/**
 * The MySQL / MariaDB normalizer: canonical defaults (see {@link mysqlDefaultKey}), expressions
 * and foreign key actions, so catalog spellings never show as changes.
 *
 * @example
 * ```ts
 * mysqlNormalizer.defaultValue({ kind: 'expression', sql: 'current_timestamp()' }, column); // 'CURRENT_TIMESTAMP'
 * mysqlNormalizer.foreignKeyAction('RESTRICT'); // 'NO ACTION'
 * ```
 */
export const mysqlNormalizer: DialectNormalizer = Object.freeze({
  defaultValue: mysqlDefaultKey,
  expression,
  foreignKeyAction,
});
