import type { ViewUse } from '../../schema/snapshot.js';
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

/** A string literal, a backquoted identifier, a dot, a word, or any other character (spaces skipped). */
const PART = /'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"|`(?:[^`]|``)*`|\.|[A-Za-z_][A-Za-z0-9_$]*|\S/g;

/**
 * The tables and columns of the view's own database that a view reads, from its definition as
 * information_schema.VIEWS gives it: MySQL and MariaDB qualify every table with its database and
 * every column with its table or the table's alias (`` `shop`.`orders` `o` ``, `` `o`.`id` ``,
 * `` `shop`.`orders`.`id` ``). A table none of whose columns the view names is listed as a whole
 * (`column` null). Tables of other databases, and derived tables, are left out.
 *
 * @example
 * ```ts
 * viewUses('select `shop`.`o`.`id` AS `id` from `shop`.`orders` `o`', 'shop');
 * // [{ schema: null, table: 'orders', column: 'id' }]
 * ```
 */
export function viewUses(definition: string, schema: string): ViewUse[] {
  const parts = definition.match(PART) ?? [];
  const name = (part: string | undefined): string | null => (part !== undefined && part.startsWith('`') ? part.slice(1, -1).replaceAll('``', '`') : null);
  // qualified names: runs of identifiers joined by dots, with what follows them
  const chains: { names: string[]; next: number }[] = [];
  for (let i = 0; i < parts.length; i++) {
    const first = name(parts[i]);
    if (first === null) continue;
    const names = [first];
    let j = i + 1;
    while (parts[j] === '.' && name(parts[j + 1]) !== null) {
      names.push(name(parts[j + 1]) as string);
      j += 2;
    }
    if (names.length > 1) chains.push({ names, next: j });
    i = j - 1;
  }
  // tables of this database (`db`.`table`), and their aliases (`db`.`table` `alias`, or AS `alias`)
  const tables = new Set<string>();
  const aliases = new Map<string, string>();
  for (const { names, next } of chains) {
    if (names.length !== 2 || names[0] !== schema) continue;
    const table = names[1] as string;
    tables.add(table);
    const alias = name(parts[next]) ?? (parts[next]?.toUpperCase() === 'AS' ? name(parts[next + 1]) : null);
    if (alias !== null) aliases.set(alias, table);
  }
  const columns = new Map<string, Set<string>>();
  const read = (table: string, column: string): void => {
    let set = columns.get(table);
    if (set === undefined) columns.set(table, (set = new Set()));
    set.add(column);
  };
  for (const { names } of chains) {
    if (names.length === 3 && names[0] === schema) read(names[1] as string, names[2] as string);
    else if (names.length === 2 && names[0] !== schema) {
      const table = aliases.get(names[0] as string) ?? (tables.has(names[0] as string) ? names[0] : undefined);
      if (table !== undefined) read(table, names[1] as string);
    }
  }
  const uses: ViewUse[] = [];
  for (const table of [...new Set([...tables, ...columns.keys()])].sort()) {
    const read = columns.get(table);
    if (read === undefined) uses.push({ schema: null, table, column: null });
    else for (const column of [...read].sort()) uses.push({ schema: null, table, column });
  }
  return uses;
}
