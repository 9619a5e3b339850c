/**
 * A canonical form of an SQL expression (CHECK bodies, partial-index predicates, index
 * expressions, defaults) for comparing what a model declares with what a catalog gives back.
 * Catalogs rewrite expressions: PostgreSQL adds casts and parentheses (`((price > (0)::numeric))`)
 * and turns `IN (...)` into `= ANY (ARRAY[...])`, MySQL adds backticks and charset introducers.
 * Two expressions with the same canonical form are treated as the same; the form is only a key,
 * never SQL to run.
 *
 * What it does, outside string literals: lower-cases; drops identifier quotes; drops PostgreSQL
 * `::type` casts; drops charset introducers (`_utf8mb4'x'`); drops parentheses and whitespace;
 * spells `!=` as `<>`, `~~` as `like`; turns `= any (array[a, b])` into `in (a, b)`.
 *
 * @example
 * ```ts
 * canonicalExpression('((price > (0)::numeric))') === canonicalExpression('price > 0'); // true
 * ```
 */
export function canonicalExpression(text: string): string {
  let out = '';
  for (const t of tokenize(text)) {
    if (t.kind === 'string') out += t.text;
    else if (t.kind === 'ident') out += t.text.toLowerCase().replace(/\s/g, '');
    else if (t.kind === 'other') {
      out += t.text
        .toLowerCase()
        .replace(/[()\s]/g, '')
        .replace(/!=/g, '<>')
        .replace(/!~~/g, 'notlike')
        .replace(/~~/g, 'like');
    }
  }
  return out
    .replace(/=anyarray\[((?:'[^']*'|[^\]'])*)\]/g, 'in$1')
    .replace(/<>allarray\[((?:'[^']*'|[^\]'])*)\]/g, 'notin$1');
}

interface Token {
  readonly kind: 'string' | 'ident' | 'cast' | 'other';
  readonly text: string;
}

/** Splits into string literals (kept verbatim), quoted identifiers (unquoted), casts and the rest. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let other = '';
  const flush = (): void => {
    if (other) tokens.push({ kind: 'other', text: other });
    other = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'") {
      // charset introducer right before a string: _utf8mb4'x'
      other = other.replace(/_[a-z0-9]+$/i, '');
      flush();
      const end = closing(text, i, "'");
      tokens.push({ kind: 'string', text: text.slice(i, end) });
      i = end;
    } else if (c === '"' || c === '`') {
      flush();
      const end = closing(text, i, c);
      tokens.push({ kind: 'ident', text: text.slice(i + 1, end - 1).split(c + c).join(c) });
      i = end;
    } else if (c === ':' && text[i + 1] === ':') {
      flush();
      const m = /^::\s*("[^"]*"|[a-z_][a-z0-9_]*)(\s*\.\s*("[^"]*"|[a-z_][a-z0-9_]*))?(\s+(varying|precision|with(out)?\s+time\s+zone)|\s*\(\s*\d+(\s*,\s*\d+)?\s*\))*(\s*\[\s*\])*/i.exec(text.slice(i));
      const len = m ? m[0].length : 2;
      tokens.push({ kind: 'cast', text: text.slice(i, i + len) });
      i += len;
    } else {
      other += c;
      i++;
    }
  }
  flush();
  return tokens;
}

function closing(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\\' && quote === "'") {
      i += 2;
      continue;
    }
    if (text[i] === quote) {
      if (text[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return text.length;
}
