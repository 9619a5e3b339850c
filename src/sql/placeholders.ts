/**
 * retort's public placeholder style is `?` on every dialect. Dialects whose driver wants another
 * style (PostgreSQL: `$1`) rewrite the `?` that stand outside string literals, quoted identifiers,
 * dollar-quoted bodies and comments. `??` stands for a literal `?` (PostgreSQL's JSONB operators).
 */

/** Counts the `?` placeholders of `text` (outside quotes and comments). */
export function countPlaceholders(text: string): number {
  let n = 0;
  scan(text, () => {
    n++;
    return '?';
  });
  return n;
}

/**
 * Rewrites each `?` placeholder of `text` with `render(index)` (index from 1) and each `??`
 * with a single `?`.
 */
export function rewritePlaceholders(text: string, render: (index: number) => string): string {
  let n = 0;
  return scan(text, () => render(++n));
}

function scan(text: string, onPlaceholder: () => string): string {
  if (!text.includes('?')) return text;
  let out = '';
  let i = 0;
  const len = text.length;
  while (i < len) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      const end = skipQuoted(text, i, c);
      out += text.slice(i, end);
      i = end;
    } else if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? len : nl;
      out += text.slice(i, end);
      i = end;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? len : close + 2;
      out += text.slice(i, end);
      i = end;
    } else if (c === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i));
      if (tag && !/[A-Za-z0-9_]/.test(text[i - 1] ?? '')) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        const end = close < 0 ? len : close + tag[0].length;
        out += text.slice(i, end);
        i = end;
      } else {
        out += c;
        i++;
      }
    } else if (c === '?') {
      if (text[i + 1] === '?') {
        out += '?';
        i += 2;
      } else {
        out += onPlaceholder();
        i++;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * Index just past the closing quote of the quoted text (string literal or identifier) that opens
 * at `start`; a doubled quote escapes it, as in standard SQL. The end of `text` when unclosed.
 */
export function closingQuote(text: string, start: number): number {
  return skipQuoted(text, start, text[start] ?? "'");
}

function skipQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === quote) {
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
