/** A column key part: `` `col` ``, `` `col`(10) ``, `col DESC` (quoted or plain name, prefix length, order). */
const COLUMN_PART = /^(?:`(?:[^`]|``)+`|[a-z_$][a-z0-9_$]*)(?:\s*\(\s*\d+\s*\))?(?:\s+(?:asc|desc))?$/i;
const ORDER_SUFFIX = /\s+(asc|desc)$/i;

/**
 * One index element as MySQL writes it in a key part list: column parts (with prefix length and
 * order) as they are, anything else as a functional key part in parentheses (`(lower(email))`,
 * MySQL 8.0.13+; MariaDB has no functional key parts and refuses them).
 *
 * @example
 * ```ts
 * indexElementSql('`email`(20)');       // '`email`(20)'
 * indexElementSql('lower(`email`) DESC'); // '(lower(`email`)) DESC'
 * ```
 */
export function indexElementSql(element: string): string {
  const text = element.trim();
  if (COLUMN_PART.test(text)) return text;
  const order = ORDER_SUFFIX.exec(text);
  const body = order ? text.slice(0, order.index).trim() : text;
  const suffix = order ? ` ${order[1]!.toUpperCase()}` : '';
  return isWrapped(body) ? `${body}${suffix}` : `(${body})${suffix}`;
}

function isWrapped(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0 && i < text.length - 1) return false;
  }
  return true;
}
