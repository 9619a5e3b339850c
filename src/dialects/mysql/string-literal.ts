/**
 * MySQL / MariaDB string literals: reading the ones catalogs give back (`'it''s'`,
 * `'back\\slash'`, `_utf8mb4'x'`) and writing canonical keys of string values.
 */

/** Escape letters of MySQL string literals and the character each stands for. */
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  "'": "'",
  '"': '"',
  b: '\b',
  n: '\n',
  r: '\r',
  t: '\t',
  Z: '\x1a',
  '\\': '\\',
  // `\%` and `\_` keep their backslash (they matter in LIKE patterns)
  '%': '\\%',
  _: '\\_',
};

/** A string literal read from SQL text: its value and the index just after its closing quote. */
export interface ReadString {
  readonly value: string;
  readonly end: number;
}

/**
 * Reads the string literal whose opening quote (`'` or `"`) is at `start`, undoing `''` and
 * backslash escapes. Returns null when the literal is not closed.
 *
 * @example
 * ```ts
 * readStringLiteral("'it''s' x", 0); // { value: "it's", end: 7 }
 * ```
 */
export function readStringLiteral(text: string, start: number): ReadString | null {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      const next = text[i + 1]!;
      value += ESCAPES[next] ?? next;
      i += 2;
    } else if (c === quote) {
      if (text[i + 1] === quote) {
        value += c;
        i += 2;
      } else {
        return { value, end: i + 1 };
      }
    } else {
      value += c;
      i++;
    }
  }
  return null;
}

const INTRODUCER = /^(?:_[a-z0-9]+\s*|n(?='))/i;

/**
 * The value of `text` when it is exactly one string literal (optionally with a charset introducer
 * such as `_utf8mb4` or the `N` prefix), else null.
 *
 * @example
 * ```ts
 * stringLiteralValue("'draft'"); // 'draft'
 * stringLiteralValue("_utf8mb4'x'"); // 'x'
 * stringLiteralValue('lower(x)'); // null
 * ```
 */
export function stringLiteralValue(text: string): string | null {
  const t = text.trim();
  const prefix = INTRODUCER.exec(t);
  const start = prefix ? prefix[0].length : 0;
  if (t[start] !== "'" && t[start] !== '"') return null;
  const read = readStringLiteral(t, start);
  return read !== null && read.end === t.length ? read.value : null;
}

/**
 * A canonical key for a string value: single-quoted with quotes doubled and nothing else escaped.
 * Only a comparison key, never SQL to run (backslashes are not escaped).
 */
export function stringKey(value: string): string {
  return `'${value.split("'").join("''")}'`;
}

/**
 * The values of an `enum(...)` / `set(...)` column type's argument text, e.g. `'a','it''s'`.
 *
 * @example
 * ```ts
 * parseQuotedList("'a','it''s'"); // ['a', "it's"]
 * ```
 */
export function parseQuotedList(text: string): string[] {
  const values: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      const read = readStringLiteral(text, i);
      if (read === null) break;
      values.push(read.value);
      i = read.end;
    } else {
      i++;
    }
  }
  return values;
}
