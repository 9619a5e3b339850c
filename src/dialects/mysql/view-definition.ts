import { mysqlQuoteIdentifier } from './quoting.js';

/** A string literal (skipped as it is) or a backquoted identifier followed by a dot. */
const TOKEN = /'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"|`(?:[^`]|``)*`\./g;

/**
 * A view's definition as information_schema.VIEWS gives it, without the qualifier of the view's
 * own database: MySQL and MariaDB store `` `shop`.`orders` `` for a table of the same database,
 * so two copies of one schema in databases of other names would differ. Qualifiers naming another
 * database, and anything inside string literals, stay.
 *
 * @example
 * ```ts
 * viewDefinitionWithoutSchema('select `shop`.`t`.`id` AS `id` from `shop`.`t`', 'shop');
 * // 'select `t`.`id` AS `id` from `t`'
 * ```
 */
export function viewDefinitionWithoutSchema(definition: string, schema: string): string {
  const qualifier = `${mysqlQuoteIdentifier(schema)}.`;
  return definition.replace(TOKEN, (token) => (token === qualifier ? '' : token));
}
