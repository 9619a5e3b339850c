import { createHash } from 'node:crypto';

const HASH_LENGTH = 8;

/** Length of `name` in UTF-8 bytes, the unit PostgreSQL's identifier limit counts in. */
export function identifierLength(name: string): number {
  return Buffer.byteLength(name, 'utf8');
}

/**
 * True when `name` is longer than `limit` UTF-8 bytes (never when `limit` is null). Short names
 * are answered without encoding them: a UTF-16 code unit takes at most 3 bytes.
 */
export function exceedsIdentifierLimit(name: string, limit: number | null): boolean {
  return limit !== null && name.length * 3 > limit && identifierLength(name) > limit;
}

/**
 * Shortens a generated identifier that is longer than `limit` so that the database keeps it
 * whole: the longest prefix that fits is kept and `_` plus the first 8 hex digits of the
 * SHA-256 of the full name is appended, so that an ASCII result is exactly `limit` long. The
 * same input always gives the same output, so a model and the database it created agree.
 * Lengths are counted in UTF-8 bytes (PostgreSQL counts bytes; for MySQL, which counts
 * characters, this is merely stricter). `limit` null means no limit.
 *
 * @example
 * ```ts
 * shortenIdentifier('fk_' + 'x'.repeat(80), 63); // 'fk_xxx…xxx_1a2b3c4d', 63 characters
 * ```
 */
export function shortenIdentifier(name: string, limit: number | null): string {
  if (limit === null || identifierLength(name) <= limit) return name;
  const hash = createHash('sha256').update(name, 'utf8').digest('hex').slice(0, HASH_LENGTH);
  const budget = limit - HASH_LENGTH - 1;
  let prefix = '';
  let used = 0;
  for (const ch of name) {
    const size = identifierLength(ch);
    if (used + size > budget) break;
    prefix += ch;
    used += size;
  }
  return `${prefix}_${hash}`;
}

/** First 8 hex digits of the SHA-256 of `text`: a short, stable tag for derived names. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, HASH_LENGTH);
}
