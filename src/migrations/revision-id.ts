/**
 * Revision ids and migration file names. The randomness and the date are passed in, so both
 * are pure and testable.
 */
import { RevisionError } from '../errors/index.js';

/** The length of a generated revision id, in hex characters (48 random bits). */
export const REVISION_ID_LENGTH = 12;

/** The longest message slug in a migration file name, as Alembic's `truncate_slug_length`. */
export const MAX_SLUG_LENGTH = 40;

/**
 * Where random bits come from: a function returning numbers in [0, 1) (e.g. a seeded PRNG in
 * tests), or anything with `randomBytes(size)` (node's `crypto` module).
 */
export type RandomSource = (() => number) | { randomBytes(size: number): Uint8Array };

function randomNibbles(random: RandomSource, count: number): number[] {
  if (typeof random === 'function') {
    return Array.from({ length: count }, () => {
      const value = random();
      if (!(value >= 0 && value < 1)) throw new RevisionError(`random source returned ${value}; expected a number in [0, 1)`);
      return Math.floor(value * 16);
    });
  }
  const bytes = random.randomBytes(Math.ceil(count / 2));
  if (bytes.length * 2 < count) throw new RevisionError(`random source returned ${bytes.length} bytes; expected ${Math.ceil(count / 2)}`);
  return Array.from({ length: count }, (_, i) => {
    const byte = bytes[i >> 1] ?? 0;
    return i % 2 === 0 ? byte >> 4 : byte & 0x0f;
  });
}

/**
 * A new revision id: 12 lowercase hex characters.
 *
 * @example
 * ```ts
 * import * as crypto from 'node:crypto';
 * generateRevisionId(crypto);      // e.g. 'a81c0e5f22d9'
 * generateRevisionId(Math.random); // also works; tests pass a seeded PRNG
 * ```
 */
export function generateRevisionId(random: RandomSource): string {
  return randomNibbles(random, REVISION_ID_LENGTH)
    .map((n) => n.toString(16))
    .join('');
}

/**
 * Turns a message into a file-name slug: accents dropped, lowercase, runs of anything but
 * `a-z0-9` become one `_`, trimmed, cut at a word boundary to at most {@link MAX_SLUG_LENGTH}.
 *
 * @example
 * ```ts
 * slugify('Add post.summary (nullable)!'); // 'add_post_summary_nullable'
 * ```
 */
export function slugify(message: string, maxLength = MAX_SLUG_LENGTH): string {
  const slug = message
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf('_');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, maxLength)).replace(/_+$/, '');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The file name of a new migration: `YYYY_MM_DD_HHMM-<id>_<slug>.ts`, the date in UTC. Without
 * a message (or one with no letters or digits) the slug and its `_` are left out.
 *
 * @example
 * ```ts
 * migrationFileName({ id: 'a81c0e5f22d9', message: 'add post summary', date: new Date('2026-11-21T10:15:00Z') });
 * // '2026_11_21_1015-a81c0e5f22d9_add_post_summary.ts'
 * ```
 */
export function migrationFileName(options: { readonly id: string; readonly message?: string; readonly date: Date; readonly extension?: string }): string {
  const { id, message, date } = options;
  if (Number.isNaN(date.getTime())) throw new RevisionError('migrationFileName needs a valid date');
  const stamp = `${date.getUTCFullYear()}_${pad(date.getUTCMonth() + 1)}_${pad(date.getUTCDate())}_${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}`;
  const slug = slugify(message ?? '');
  return `${stamp}-${id}${slug === '' ? '' : `_${slug}`}${options.extension ?? '.ts'}`;
}
