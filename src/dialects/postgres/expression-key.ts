import { canonicalExpression } from '../base/canonical-expression.js';
import { expandBetween } from './between.js';
import { canonicalNumber } from './numeric-literal.js';
import { segments, stringValue, type Segment } from './sql-segments.js';

/**
 * Type names that PostgreSQL accepts before a string literal (`DATE '2020-01-01'`,
 * `INTERVAL '1 day'`) and gives back as a cast (`'2020-01-01'::date`).
 */
const TYPED_LITERAL = /(^|[^\w$."])(interval|date|time|timestamp|timestamptz|timetz|time\s+with(?:out)?\s+time\s+zone|timestamp\s+with(?:out)?\s+time\s+zone|jsonb|json|uuid|inet|cidr|bytea|text|varchar|character\s+varying|numeric|decimal|integer|int|int2|int4|int8|bigint|smallint|boolean|bool|real|double\s+precision|money)\s*$/i;

/** A cast to a numeric type right after a literal: `'-1'::integer`. */
const NUMERIC_CAST = /^\s*::\s*(integer|bigint|smallint|numeric|decimal|real|double precision|int2|int4|int8|float4|float8)\b/i;

/** Number tokens outside identifiers: `0.00`, `1e3`. */
const NUMBER_TOKEN = /(^|[^\w$.])(\d+(?:\.\d*)?(?:e[+-]?\d+)?)(?![\w$.])/gi;

/** The text of a segment list. */
function join(parts: readonly Segment[]): string {
  return parts.map((p) => p.text).join('');
}

/**
 * Spells PostgreSQL's rewrites of an expression back the way people write it, before
 * {@link canonicalExpression}: typed literals (`DATE 'x'` becomes `'x'::date` in the catalog),
 * `BETWEEN` (stored as `>=` and `<=`), `~~*` for ILIKE, quoted numbers cast to a numeric type (`'-1'::integer`), numbers in one
 * spelling (`0.00` = `0`). With `timestamps`, `now()` and `transaction_timestamp()` are spelled
 * CURRENT_TIMESTAMP (used for defaults).
 */
function prepare(text: string, timestamps: boolean): string {
  const parts = segments(expandBetween(text));
  const out: Segment[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part.kind === 'string') {
      const number = canonicalNumber(stringValue(part.text));
      if (number !== null && next?.kind === 'other' && NUMERIC_CAST.test(next.text)) {
        out.push({ kind: 'other', text: number });
        continue;
      }
      out.push(part);
      continue;
    }
    if (part.kind === 'ident') {
      out.push(part);
      continue;
    }
    let t = part.text
      .replace(/!~~\*/g, ' NOT ILIKE ')
      .replace(/~~\*/g, ' ILIKE ')
      .replace(NUMBER_TOKEN, (_m, before: string, n: string) => `${before}${canonicalNumber(n) ?? n}`);
    if (timestamps) t = t.replace(/\b(now|transaction_timestamp)\s*\(\s*\)/gi, 'CURRENT_TIMESTAMP');
    if (next?.kind === 'string') t = t.replace(TYPED_LITERAL, '$1');
    out.push({ kind: 'other', text: t });
  }
  return join(out);
}

/**
 * The comparison key of a CHECK body, index predicate or index element: PostgreSQL's rewrites
 * undone, then {@link canonicalExpression} (casts, quotes, parentheses, case and spaces dropped).
 *
 * @example
 * ```ts
 * expressionKey("(created_at > '2020-01-01'::date)") === expressionKey("created_at > DATE '2020-01-01'"); // true
 * ```
 */
export function expressionKey(text: string): string {
  return canonicalExpression(prepare(text, false));
}

/** {@link expressionKey} with `now()` and `transaction_timestamp()` read as CURRENT_TIMESTAMP (defaults). */
export function defaultExpressionKey(text: string): string {
  return canonicalExpression(prepare(text, true));
}
