/**
 * A tokenizer for the SQL text SQLite keeps in `sqlite_master.sql` (CREATE TABLE / INDEX / VIEW).
 * It knows what the text can hold around the clauses retort reads: string literals `'it''s'`,
 * quoted identifiers `"a ""b"""`, `` `a``b` `` and `[a b]`, blob literals `x'00'`, numbers,
 * `--` and `/* *\/` comments, and parentheses. Every token keeps its offsets, so an expression is
 * cut from the original text verbatim (`CHECK (...)`, `WHERE ...`).
 *
 * @example
 * ```ts
 * tokenize('CHECK ("a b" > 0)').map((t) => t.value); // ['CHECK', '(', 'a b', '>', '0', ')']
 * ```
 */

/** What a token is. `word` is a bare word (keyword or identifier); `quoted` a quoted identifier. */
export type TokenKind = 'word' | 'quoted' | 'string' | 'blob' | 'number' | 'punct' | 'op';

export interface Token {
  readonly kind: TokenKind;
  /** A word as written; a quoted identifier or string without quotes (doubled quotes undone); punctuation itself. */
  readonly value: string;
  /** Upper-cased value of a `word` (for keyword tests); '' for other kinds. */
  readonly upper: string;
  /** Offset of the first character in the text. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0c, 0x0b]);
const PUNCT = new Set(['(', ')', ',', ';', '.']);

function isWordStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c >= 0x80;
}

function isWordPart(c: number): boolean {
  return isWordStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x24;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Index just past a quoted run that starts at `start` and ends with `close` (doubled `close` is
 * escaped when `doubles`); -1 when the run is not closed.
 */
function quotedEnd(text: string, start: number, close: string, doubles: boolean): number {
  let i = start + 1;
  for (;;) {
    const j = text.indexOf(close, i);
    if (j < 0) return -1;
    if (doubles && text[j + 1] === close) {
      i = j + 2;
      continue;
    }
    return j + 1;
  }
}

function numberEnd(text: string, start: number): number {
  let i = start;
  const n = text.length;
  if (text[i] === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X')) {
    i += 2;
    while (i < n && /[0-9a-fA-F_]/.test(text[i]!)) i++;
    return i;
  }
  while (i < n && (isDigit(text.charCodeAt(i)) || text[i] === '_')) i++;
  if (text[i] === '.') {
    i++;
    while (i < n && (isDigit(text.charCodeAt(i)) || text[i] === '_')) i++;
  }
  if ((text[i] === 'e' || text[i] === 'E') && (isDigit(text.charCodeAt(i + 1)) || ((text[i + 1] === '+' || text[i + 1] === '-') && isDigit(text.charCodeAt(i + 2))))) {
    i += 2;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

/**
 * Splits SQL text into tokens, dropping whitespace and comments. Never throws: an unterminated
 * string, identifier or comment runs to the end of the text.
 *
 * @example
 * ```ts
 * tokenize("[a b] -- note\n'x'").map((t) => [t.kind, t.value]); // [['quoted', 'a b'], ['string', 'x']]
 * ```
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  const push = (kind: TokenKind, value: string, start: number, end: number): void => {
    tokens.push({ kind, value, upper: kind === 'word' ? value.toUpperCase() : '', start, end });
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (SPACE.has(c)) {
      i++;
      continue;
    }
    const ch = text[i]!;
    if (ch === '-' && text[i + 1] === '-') {
      const eol = text.indexOf('\n', i + 2);
      i = eol < 0 ? n : eol + 1;
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`' || ch === '[') {
      const close = ch === '[' ? ']' : ch;
      const found = quotedEnd(text, i, close, ch !== '[');
      const end = found < 0 ? n : found;
      const body = text.slice(i + 1, found < 0 ? n : end - 1);
      push(ch === "'" ? 'string' : 'quoted', ch === '[' ? body : unquote(body, ch), i, end);
      i = end;
    } else if ((ch === 'x' || ch === 'X') && text[i + 1] === "'") {
      const found = quotedEnd(text, i + 1, "'", false);
      const end = found < 0 ? n : found;
      push('blob', text.slice(i, end), i, end);
      i = end;
    } else if (isDigit(c) || (ch === '.' && isDigit(text.charCodeAt(i + 1)))) {
      const end = numberEnd(text, i);
      push('number', text.slice(i, end), i, end);
      i = end;
    } else if (isWordStart(c)) {
      let end = i + 1;
      while (end < n && isWordPart(text.charCodeAt(end))) end++;
      push('word', text.slice(i, end), i, end);
      i = end;
    } else if (PUNCT.has(ch)) {
      push('punct', ch, i, i + 1);
      i++;
    } else {
      push('op', ch, i, i + 1);
      i++;
    }
  }
  return tokens;
}

function unquote(body: string, quote: string): string {
  return body.includes(quote) ? body.split(quote + quote).join(quote) : body;
}

/**
 * True when the token is the bare keyword `keyword` (upper case), never a quoted identifier.
 *
 * @example
 * ```ts
 * isKeyword(tokenize('check')[0], 'CHECK'); // true; for tokenize('"check"')[0] (a quoted identifier): false
 * ```
 */
export function isKeyword(token: Token | undefined, keyword: string): boolean {
  return token !== undefined && token.kind === 'word' && token.upper === keyword;
}

/** True when the token is the punctuation `p` (`(`, `)`, `,`, `;` or `.`). */
export function isPunct(token: Token | undefined, p: string): boolean {
  return token !== undefined && token.kind === 'punct' && token.value === p;
}

/**
 * The index of the `)` that closes the `(` at `open`, or tokens.length when it is not closed.
 *
 * @example
 * ```ts
 * closingParen(tokenize('(a, (b))'), 0); // 6
 * ```
 */
export function closingParen(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    if (t.value === '(') depth++;
    else if (t.value === ')' && --depth === 0) return i;
  }
  return tokens.length;
}

/**
 * The token ranges `[start, end)` between top-level commas of `tokens[from, to)`.
 *
 * @example
 * ```ts
 * splitTopLevel(tokenize('a, f(b, c)'), 0, 7); // [[0, 1], [2, 7]]
 * ```
 */
export function splitTopLevel(tokens: readonly Token[], from: number, to: number): [number, number][] {
  const parts: [number, number][] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    if (t.value === '(') depth++;
    else if (t.value === ')') depth--;
    else if (t.value === ',' && depth === 0) {
      parts.push([start, i]);
      start = i + 1;
    }
  }
  if (start < to) parts.push([start, to]);
  return parts;
}

/**
 * The name a token stands for where SQLite expects a name (bare word, quoted identifier, or string).
 *
 * @example
 * ```ts
 * nameOf(tokenize('"a ""b"""')[0]); // 'a "b"'
 * ```
 */
export function nameOf(token: Token | undefined): string | null {
  if (token === undefined) return null;
  return token.kind === 'word' || token.kind === 'quoted' || token.kind === 'string' ? token.value : null;
}

/** The parenthesised body of a CREATE TABLE: offsets of `(` and `)`, and of each top-level item. */
export interface BodySplit {
  readonly open: number;
  readonly close: number;
  /** `[start, end)` character ranges between top-level commas. */
  readonly items: readonly (readonly [number, number])[];
}

/**
 * Splits the first top-level parenthesised part of `text` into its top-level items, character by
 * character, without building tokens (quotes, comments and nested parentheses are skipped). Null
 * when the text has no such part.
 *
 * @example
 * ```ts
 * const { items } = splitBody('CREATE TABLE "a(" (x INT, CHECK (x IN (1, 2)))')!; // two items
 * ```
 */
export function splitBody(text: string): BodySplit | null {
  const n = text.length;
  let open = -1;
  let depth = 0;
  let start = 0;
  const items: [number, number][] = [];
  // jump from one character that matters to the next (a native scan, fast even before the JIT warms up)
  const next = /[(),'"`[\-/]/g;
  for (let m = next.exec(text); m !== null; m = next.exec(text)) {
    const i = m.index;
    const ch = m[0];
    if (ch === '(') {
      if (depth === 0 && open < 0) {
        open = i;
        start = i + 1;
      }
      depth++;
    } else if (ch === ')') {
      depth--;
      if (depth === 0 && open >= 0) {
        items.push([start, i]);
        return { open, close: i, items };
      }
    } else if (ch === ',') {
      if (depth === 1 && open >= 0) {
        items.push([start, i]);
        start = i + 1;
      }
    } else if (ch === '-' || ch === '/') {
      const comment = ch === '-' ? text[i + 1] === '-' : text[i + 1] === '*';
      if (comment) {
        const close = ch === '-' ? text.indexOf('\n', i + 2) : text.indexOf('*/', i + 2);
        next.lastIndex = close < 0 ? n : close + (ch === '-' ? 1 : 2);
      }
    } else {
      const end = quotedEnd(text, i, ch === '[' ? ']' : ch, ch !== '[');
      next.lastIndex = end < 0 ? n : end;
    }
  }
  return null;
}
