/**
 * Masks the password of a URL given as text, even one that does not parse, for error messages:
 * everything between the first `:` of the user info and the last `@` becomes `***`. It errs on the
 * side of hiding too much (a password with an unencoded `/` or `@` stays hidden).
 *
 * @example
 * ```ts
 * maskUrlText('postgresql://app:s3cret@db/app'); // 'postgresql://app:***@db/app'
 * ```
 */
export function maskUrlText(text: string): string {
  const at = text.lastIndexOf('@');
  if (at < 0) return text;
  const sep = text.indexOf('://');
  const start = sep >= 0 && sep < at ? sep + 3 : 0;
  const colon = text.indexOf(':', start);
  if (colon < 0 || colon > at) return text;
  return `${text.slice(0, colon + 1)}***${text.slice(at)}`;
}
