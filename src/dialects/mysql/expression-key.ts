import { canonicalExpression } from '../base/canonical-expression.js';
import { readStringLiteral } from './string-literal.js';

/**
 * Rewrites MariaDB applies to stored CHECK / default expressions, undone on the text outside
 * string literals and identifiers (each pattern is matched case-insensitively):
 * `octet_length(` was written `length(`, `ucase(` / `lcase(` were `upper(` / `lower(`, `1` / `0`
 * were TRUE / FALSE, ` MOD ` was `%`, `cast(x as char charset utf8mb3)` was `cast(x as char)`.
 */
const REWRITES: readonly [RegExp, string][] = [
  [/\boctet_length\s*\(/gi, 'length('],
  [/\bucase\s*\(/gi, 'upper('],
  [/\blcase\s*\(/gi, 'lower('],
  [/\btrue\b/gi, '1'],
  [/\bfalse\b/gi, '0'],
  [/%/g, ' mod '],
  [/\s+(?:charset|character\s+set)\s+[a-z0-9_]+/gi, ''],
];

/** MariaDB's `NEXT VALUE FOR seq` / `PREVIOUS VALUE FOR seq`, which it stores as `nextval(seq)` / `lastval(seq)`. */
const SEQUENCE_NAME = '(?:`(?:[^`]|``)+`|[A-Za-z0-9_$]+)';
const VALUE_FOR = new RegExp(`\\b(next|previous)\\s+value\\s+for\\s+(${SEQUENCE_NAME}(?:\\s*\\.\\s*${SEQUENCE_NAME})?)`, 'gi');

/** A string literal in one spelling: quotes doubled, backslashes escaped (MySQL's own syntax). */
function stringSql(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function rewrite(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REWRITES) out = out.replace(pattern, replacement);
  return out;
}

/**
 * The canonical text of a MySQL / MariaDB CHECK, index or default expression: string literals
 * in one spelling (`'it\'s'` = `'it''s'`), MariaDB's rewrites undone (see above), then
 * {@link canonicalExpression} (case, backticks, charset introducers, parentheses, spacing).
 * MariaDB also rewrites `NOT (a = 3)` to `a <> 3` and `NOT a > 5` to `a <= 5`; those stay apart.
 * `NEXT VALUE FOR seq` is `nextval(seq)` (and PREVIOUS VALUE FOR, `lastval`), as MariaDB stores it.
 *
 * @example
 * ```ts
 * mysqlExpressionKey("`s` = 'it\\'s' and ucase(`s`) <> 'Y'") === mysqlExpressionKey("s = 'it''s' AND upper(s) <> 'Y'"); // true
 * ```
 */
export function mysqlExpressionKey(source: string): string {
  const text = source.replace(VALUE_FOR, (_m, which: string, name: string) => `${which.toLowerCase() === 'next' ? 'nextval' : 'lastval'}(${name})`);
  let out = '';
  let other = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'" || c === '`') {
      const read = c === "'" ? readStringLiteral(text, i) : null;
      const end = read ? read.end : c === '`' ? closingBacktick(text, i) : text.length;
      out += rewrite(other) + (read ? stringSql(read.value) : text.slice(i, end));
      other = '';
      i = end;
    } else {
      other += c;
      i++;
    }
  }
  return canonicalExpression(out + rewrite(other));
}

function closingBacktick(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '`') {
      if (text[i + 1] !== '`') return i + 1;
      i += 2;
    } else {
      i++;
    }
  }
  return text.length;
}
