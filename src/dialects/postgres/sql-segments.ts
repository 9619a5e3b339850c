/**
 * Splitting of PostgreSQL expression text into string literals, quoted identifiers and the rest,
 * for rewrites that must not touch what is inside quotes.
 */
import { closingQuote } from '../../sql/placeholders.js';

export interface Segment {
  readonly kind: 'string' | 'ident' | 'other';
  /** The text as written, quotes included. */
  readonly text: string;
}

/**
 * The segments of `text` in order.
 *
 * @example
 * ```ts
 * segments(`a = 'it''s'`); // [{ kind: 'other', text: 'a = ' }, { kind: 'string', text: "'it''s'" }]
 * ```
 */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  let start = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "'" || c === '"') {
      if (i > start) out.push({ kind: 'other', text: text.slice(start, i) });
      const end = closingQuote(text, i);
      out.push({ kind: c === "'" ? 'string' : 'ident', text: text.slice(i, end) });
      i = end;
      start = i;
    } else {
      i++;
    }
  }
  if (i > start) out.push({ kind: 'other', text: text.slice(start, i) });
  return out;
}

/**
 * The value of a string literal segment.
 *
 * @example
 * ```ts
 * stringValue("'it''s'"); // "it's"
 * ```
 */
export function stringValue(literal: string): string {
  return literal.slice(1, -1).replace(/''/g, "'");
}

/**
 * A string literal for a value, in standard SQL quoting.
 *
 * @example
 * ```ts
 * quoteString("it's"); // "'it''s'"
 * ```
 */
export function quoteString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * True when `text` opens with `(` and the matching `)` is its last character, so the whole text
 * is one parenthesised expression.
 *
 * @example
 * ```ts
 * isWrapped('(a + b)');       // true
 * isWrapped('(a) + (b)');     // false
 * ```
 */
export function isWrapped(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      i = closingQuote(text, i) - 1;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth === 0 && i < text.length - 1) return false;
    }
  }
  return true;
}

/**
 * True when `text` has an operator or a cast outside parentheses and quotes (`a + b`,
 * `email::text`), so that it needs parentheses to stand as an index element or a default.
 *
 * @example
 * ```ts
 * hasTopLevelOperator('a + b');          // true
 * hasTopLevelOperator('lower(a || b)');  // false
 * ```
 */
export function hasTopLevelOperator(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      i = closingQuote(text, i) - 1;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
    } else if (depth === 0 && '+-*/%^|&<>=!~#@?:'.includes(c)) {
      return true;
    } else if (depth === 0 && /\s/.test(c) && /^\s+(and|or|not|is|in|like|ilike|between|similar|at)\b/i.test(text.slice(i))) {
      return true;
    }
  }
  return false;
}
