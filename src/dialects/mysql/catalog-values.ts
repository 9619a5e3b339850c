import type { Row } from '../../engine/types.js';

/**
 * Readers for information_schema values as mysql2 returns them: strings, numbers, or Buffers
 * for the few binary-collated columns of some servers.
 */

/** A text value; null and undefined read as ''. */
export function text(row: Row, key: string): string {
  const v = row[key];
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  return String(v);
}

/** A text value, or null for SQL NULL. */
export function textOrNull(row: Row, key: string): string | null {
  const v = row[key];
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? v : text(row, key);
}

/** A number (counts, positions, flags); NULL reads as 0. */
export function int(row: Row, key: string): number {
  const v = row[key];
  return typeof v === 'number' ? v : Number(v ?? 0);
}

/** Orders by code point (the order retort sorts names in), not by locale. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders named things by name with nulls last. */
export function byNameNullsLast(a: { readonly name: string | null }, b: { readonly name: string | null }): number {
  if (a.name === null) return b.name === null ? 0 : 1;
  if (b.name === null) return -1;
  return byCodePoint(a.name, b.name);
}
