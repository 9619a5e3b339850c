/**
 * Just enough SQL tokenizing to find and rename column references inside the expressions a
 * snapshot keeps as text (CHECK expressions, index expressions and partial-index predicates), so
 * that `applyOperation` follows what databases do when a column is renamed or dropped.
 * String literals are skipped; `"quoted"` and `` `quoted` `` identifiers match exactly, bare words
 * case-insensitively; a word followed by `(` (a function) or preceded by `::` (a type) is not a
 * column.
 */

interface Token {
  readonly start: number;
  readonly end: number;
  /** The identifier's name (unquoted), or null for anything that is not an identifier. */
  readonly identifier: string | null;
  /** The quote character of a quoted identifier. */
  readonly quote: '"' | '`' | null;
}

function* tokens(text: string): Generator<Token> {
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      let name = '';
      while (j < text.length) {
        if (text[j] === c) {
          if (text[j + 1] === c) {
            name += c;
            j += 2;
            continue;
          }
          j++;
          break;
        }
        name += text[j];
        j++;
      }
      yield { start: i, end: j, identifier: c === "'" ? null : name, quote: c === "'" ? null : c };
      i = j;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(text.slice(i))!;
      const end = i + m[0].length;
      const after = /^\s*\(/.test(text.slice(end));
      const before = /::\s*$/.test(text.slice(0, i));
      yield { start: i, end, identifier: after || before ? null : m[0], quote: null };
      i = end;
    } else {
      i++;
    }
  }
}

function matches(token: Token, name: string): boolean {
  if (token.identifier === null) return false;
  return token.quote ? token.identifier === name : token.identifier.toLowerCase() === name.toLowerCase();
}

/**
 * True when the SQL text refers to the column `name`.
 *
 * @example
 * ```ts
 * mentionsIdentifier('price > 0 AND "qty" > 0', 'qty'); // true
 * mentionsIdentifier("status <> 'price'", 'price');     // false
 * ```
 */
export function mentionsIdentifier(text: string, name: string): boolean {
  for (const t of tokens(text)) if (matches(t, name)) return true;
  return false;
}

/**
 * The SQL text with every reference to column `from` renamed to `to`, keeping the quote style
 * (a bare word that becomes a name needing quotes is double-quoted).
 *
 * @example
 * ```ts
 * renameIdentifier('lower("email")', 'email', 'mail'); // 'lower("mail")'
 * ```
 */
export function renameIdentifier(text: string, from: string, to: string): string {
  let out = '';
  let last = 0;
  for (const t of tokens(text)) {
    if (!matches(t, from)) continue;
    out += text.slice(last, t.start);
    if (t.quote) out += `${t.quote}${to.split(t.quote).join(t.quote + t.quote)}${t.quote}`;
    else out += /^[a-z_][a-z0-9_]*$/.test(to) ? to : `"${to.split('"').join('""')}"`;
    last = t.end;
  }
  return last === 0 ? text : out + text.slice(last);
}
