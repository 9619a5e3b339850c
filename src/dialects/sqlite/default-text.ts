/**
 * The forms a SQLite column default takes. `pragma_table_xinfo(...).dflt_value` is the text of
 * the DEFAULT clause as written, without the parentheses of `DEFAULT (expr)`; a model gives a
 * literal or an SQL expression. Both are read into one of these forms to compare them.
 */
import { closingParen, isPunct, tokenize, type Token } from './ddl-tokens.js';

export type DefaultForm =
  | { readonly kind: 'null' }
  /** A number as written (sign included), TRUE as `1`, FALSE as `0`. */
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'string'; readonly value: string }
  /** CURRENT_TIMESTAMP, CURRENT_DATE or CURRENT_TIME, upper-cased. */
  | { readonly kind: 'keyword'; readonly text: string }
  | { readonly kind: 'blob'; readonly text: string }
  | { readonly kind: 'expression'; readonly text: string };

const KEYWORDS = new Set(['CURRENT_TIMESTAMP', 'CURRENT_DATE', 'CURRENT_TIME']);

function isSign(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'op' && (t.value === '+' || t.value === '-');
}

/** True when `tokens[from..to)` is one pair of parentheses around everything. */
function wrapped(tokens: readonly Token[], from: number, to: number): boolean {
  return to - from >= 2 && isPunct(tokens[from], '(') && closingParen(tokens, from) === to - 1;
}

function literalForm(tokens: readonly Token[], from: number, to: number): DefaultForm | null {
  const t = tokens[from]!;
  if (to - from === 2 && isSign(t) && tokens[from + 1]!.kind === 'number') return { kind: 'number', text: t.value + tokens[from + 1]!.value };
  if (to - from !== 1) return null;
  switch (t.kind) {
    case 'number': return { kind: 'number', text: t.value };
    case 'string': return { kind: 'string', value: t.value };
    case 'blob': return { kind: 'blob', text: t.value };
    case 'word':
      if (t.upper === 'NULL') return { kind: 'null' };
      if (t.upper === 'TRUE') return { kind: 'number', text: '1' };
      if (t.upper === 'FALSE') return { kind: 'number', text: '0' };
      return KEYWORDS.has(t.upper) ? { kind: 'keyword', text: t.upper } : null;
    default:
      return null;
  }
}

/**
 * The form of a default's SQL text, with redundant outer parentheses removed.
 *
 * @example
 * ```ts
 * defaultForm("('it''s')");          // { kind: 'string', value: "it's" }
 * defaultForm("(datetime('now'))");  // { kind: 'expression', text: "datetime('now')" }
 * ```
 */
export function defaultForm(sql: string): DefaultForm {
  const tokens = tokenize(sql);
  let from = 0;
  let to = tokens.length;
  if (to === 0) return { kind: 'null' };
  while (wrapped(tokens, from, to)) {
    from++;
    to--;
  }
  return literalForm(tokens, from, to) ?? { kind: 'expression', text: sql.slice(tokens[from]!.start, tokens[to - 1]!.end) };
}

/**
 * True when SQLite takes the text after DEFAULT without parentheses: a (signed) number, a string
 * or blob literal, NULL, TRUE, FALSE, CURRENT_TIMESTAMP / _DATE / _TIME, or a parenthesised
 * expression. Anything else must be written `DEFAULT (expr)`.
 *
 * @example
 * ```ts
 * isBareDefault('-1');                   // true
 * isBareDefault("lower(hex(randomblob(16)))"); // false
 * ```
 */
export function isBareDefault(sql: string): boolean {
  const tokens = tokenize(sql);
  if (tokens.length === 0) return false;
  return wrapped(tokens, 0, tokens.length) || literalForm(tokens, 0, tokens.length) !== null;
}

const PLAIN_DECIMAL = /^(\d*)(?:\.(\d*))?$/;
const NUMERIC_TEXT = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * True when SQLite would read a text value as a number in a column of numeric affinity.
 *
 * @example
 * ```ts
 * looksNumeric(' 1.5 '); // true
 * ```
 */
export function looksNumeric(text: string): boolean {
  return NUMERIC_TEXT.test(text);
}

/**
 * One spelling per number: no `+`, no leading zeros, no trailing fraction zeros (`+001.50` is
 * `1.5`, `-0` is `0`); exponents and hex through JavaScript numbers (`1e3` is `1000`).
 *
 * @example
 * ```ts
 * canonicalNumber('0.00'); // '0'
 * ```
 */
export function canonicalNumber(written: string): string {
  let text = written.trim().replace(/_/g, '');
  let sign = '';
  if (text.startsWith('+') || text.startsWith('-')) {
    sign = text[0] === '-' ? '-' : '';
    text = text.slice(1);
  }
  const m = PLAIN_DECIMAL.exec(text);
  if (m === null) {
    const n = Number(text);
    if (!Number.isFinite(n)) return sign + text.toLowerCase();
    if (n === 0) return '0';
    return sign + (Number.isInteger(n) && n < 1e21 ? BigInt(n).toString() : String(n));
  }
  const whole = m[1]!.replace(/^0+/, '') || '0';
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  const body = fraction ? `${whole}.${fraction}` : whole;
  return body === '0' ? '0' : sign + body;
}
