/**
 * PostgreSQL stores `x BETWEEN a AND b` as `x >= a AND x <= b` (and NOT BETWEEN as
 * `x < a OR x > b`). This rewrites the written form into the stored one, for comparison keys.
 * Operands are simple terms: a (quoted) name, a number, a string, a parenthesised group or a
 * function call, each with optional casts; anything else is left as written.
 */

interface Token {
  readonly kind: 'word' | 'quoted' | 'string' | 'number' | 'open' | 'close' | 'space' | 'other';
  readonly text: string;
}

const TOKEN = /\s+|'(?:[^']|'')*'?|"(?:[^"]|"")*"?|[A-Za-z_][\w$.]*|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|::|[()]|./gy;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null && m[0] !== '') {
    const t = m[0];
    const c = t[0]!;
    const kind: Token['kind'] = /\s/.test(c) ? 'space' : c === "'" ? 'string' : c === '"' ? 'quoted'
      : /[A-Za-z_]/.test(c) ? 'word' : /\d/.test(c) ? 'number' : c === '(' ? 'open' : c === ')' ? 'close' : 'other';
    out.push({ kind, text: t });
  }
  return out;
}

const isKeyword = (t: Token | undefined, word: string): boolean => t?.kind === 'word' && t.text.toLowerCase() === word;

function skipSpace(tokens: readonly Token[], i: number, step: 1 | -1): number {
  while (tokens[i]?.kind === 'space') i += step;
  return i;
}

/** Index of the bracket matching the one at `i`, scanning in `step` direction; -1 if none. */
function matching(tokens: readonly Token[], i: number, step: 1 | -1): number {
  let depth = 0;
  for (let j = i; j >= 0 && j < tokens.length; j += step) {
    const k = tokens[j]!.kind;
    if (k === 'open') depth += step;
    else if (k === 'close') depth -= step;
    if (depth === 0) return j;
  }
  return -1;
}

/** End (exclusive) of the operand starting at `i` (a primary with casts, maybe signed), or -1. */
function operandEnd(tokens: readonly Token[], i: number): number {
  let j = skipSpace(tokens, i, 1);
  if (tokens[j]?.text === '-' || tokens[j]?.text === '+') j = skipSpace(tokens, j + 1, 1);
  const t = tokens[j];
  if (t === undefined) return -1;
  if (t.kind === 'open') j = matching(tokens, j, 1);
  else if (t.kind === 'word' && tokens[skipSpace(tokens, j + 1, 1)]?.kind === 'open') j = matching(tokens, skipSpace(tokens, j + 1, 1), 1);
  else if (t.kind !== 'word' && t.kind !== 'quoted' && t.kind !== 'string' && t.kind !== 'number') return -1;
  if (j < 0) return -1;
  j++;
  for (;;) {
    const k = skipSpace(tokens, j, 1);
    if (tokens[k]?.text !== '::') return j;
    const type = skipSpace(tokens, k + 1, 1);
    if (tokens[type]?.kind !== 'word' && tokens[type]?.kind !== 'quoted') return j;
    j = type + 1;
    // type modifiers and array brackets: (10,2), []
    const after = skipSpace(tokens, j, 1);
    if (tokens[after]?.kind === 'open') j = matching(tokens, after, 1) + 1;
  }
}

/** Start of the operand that ends at `i` (inclusive), scanning back, or -1. */
function operandStart(tokens: readonly Token[], i: number): number {
  const j = skipSpace(tokens, i, -1);
  const t = tokens[j];
  if (t === undefined) return -1;
  if (t.kind === 'close') {
    const open = matching(tokens, j, -1);
    if (open < 0) return -1;
    const fn = skipSpace(tokens, open - 1, -1);
    return tokens[fn]?.kind === 'word' && !isKeyword(tokens[fn], 'and') && !isKeyword(tokens[fn], 'or') && !isKeyword(tokens[fn], 'not') ? fn : open;
  }
  return t.kind === 'word' || t.kind === 'quoted' || t.kind === 'number' || t.kind === 'string' ? j : -1;
}

const text = (tokens: readonly Token[], from: number, to: number): string => tokens.slice(from, to).map((t) => t.text).join('').trim();

/**
 * The expression with each simple `x [NOT] BETWEEN a AND b` written as PostgreSQL stores it.
 *
 * @example
 * ```ts
 * expandBetween('rating BETWEEN 1 AND 5'); // '(rating >= 1 AND rating <= 5)'
 * ```
 */
export function expandBetween(sqlText: string): string {
  if (!/between/i.test(sqlText)) return sqlText;
  const tokens = tokenize(sqlText);
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (!isKeyword(tokens[i], 'between')) continue;
    let before = skipSpace(tokens, i - 1, -1);
    const negated = isKeyword(tokens[before], 'not');
    if (negated) before = skipSpace(tokens, before - 1, -1);
    if (isKeyword(tokens[skipSpace(tokens, i + 1, 1)], 'symmetric')) continue;
    const start = operandStart(tokens, before);
    const lowEnd = operandEnd(tokens, i + 1);
    const and = skipSpace(tokens, lowEnd, 1);
    if (start < 0 || lowEnd < 0 || !isKeyword(tokens[and], 'and')) continue;
    const highEnd = operandEnd(tokens, and + 1);
    if (highEnd < 0) continue;
    const x = text(tokens, start, before + 1);
    const low = text(tokens, i + 1, lowEnd);
    const high = text(tokens, and + 1, highEnd);
    const rewritten = negated ? `(${x} < ${low} OR ${x} > ${high})` : `(${x} >= ${low} AND ${x} <= ${high})`;
    tokens.splice(start, highEnd - start, { kind: 'other', text: rewritten });
    i = start;
  }
  return tokens.map((t) => t.text).join('');
}
