/**
 * TypeScript literals for rendered migrations: strings in single quotes, escaped; SQL in
 * sql`...` templates; object keys bare when they are identifiers.
 */

const ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** A single-quoted TypeScript string literal. */
export function quote(text: string): string {
  return `'${text.replace(/[\\'\n\r\t\u2028\u2029]|[\u0000-\u001f\u007f]/g, (ch) => ESCAPES[ch] ?? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`)}'`;
}

/** The body of a template literal (backslash, backtick and `${` escaped). */
export function templateBody(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object key: bare when it is an identifier, else quoted. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : quote(name);
}

/** A number as TypeScript source. */
export function numberLiteral(value: number): string {
  if (Number.isNaN(value)) return 'Number.NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Number.POSITIVE_INFINITY' : 'Number.NEGATIVE_INFINITY';
  return Object.is(value, -0) ? '-0' : String(value);
}

/** A comment's text on one line (newlines become spaces, `*\/` cannot end anything). */
export function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}
