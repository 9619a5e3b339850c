import type { DialectNormalizer } from '../../engine/dialect.js';
import type { ForeignKeyAction } from '../../schema/snapshot.js';
import { mysqlDefaultKey } from './default-value.js';
import { mysqlExpressionKey } from './expression-key.js';
import { mysqlStoredIndex } from './index-canonical.js';

/** InnoDB checks foreign keys at once: RESTRICT and NO ACTION (and no action given) are one. */
function foreignKeyAction(action: ForeignKeyAction | null): ForeignKeyAction {
  return action === null || action === 'RESTRICT' ? 'NO ACTION' : action;
}

/**
 * The MySQL / MariaDB normalizer: canonical defaults (see {@link mysqlDefaultKey}), expressions,
 * foreign key actions and indexes as stored (see {@link mysqlStoredIndex}), so catalog spellings
 * never show as changes.
 *
 * @example
 * ```ts
 * mysqlNormalizer.defaultValue({ kind: 'expression', sql: 'current_timestamp()' }, column); // 'CURRENT_TIMESTAMP'
 * mysqlNormalizer.foreignKeyAction('RESTRICT'); // 'NO ACTION'
 * ```
 */
export const mysqlNormalizer: DialectNormalizer = Object.freeze({
  defaultValue: mysqlDefaultKey,
  expression: mysqlExpressionKey,
  foreignKeyAction,
  index: mysqlStoredIndex,
});
