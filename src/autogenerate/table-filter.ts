import type { TableFilter } from './compare-options.js';

/** The filter options shared by compare and the rename finder. */
export interface TableFilterOptions {
  readonly include?: TableFilter;
  readonly exclude?: TableFilter;
  readonly ignoreTables?: readonly string[];
}

/**
 * One predicate from `include`, `exclude` and `ignoreTables`: true for a table to compare.
 *
 * @example
 * ```ts
 * const keep = tablePredicate({ exclude: (n) => n.startsWith('tmp_'), ignoreTables: ['retort_version'] });
 * keep('post'); // true
 * ```
 */
export function tablePredicate(options: TableFilterOptions): (name: string) => boolean {
  const include = options.include === undefined ? null : asPredicate(options.include);
  const exclude = options.exclude === undefined ? null : asPredicate(options.exclude);
  const ignored = new Set(options.ignoreTables ?? []);
  return (name) => !ignored.has(name) && (include === null || include(name)) && (exclude === null || !exclude(name));
}

function asPredicate(filter: TableFilter): (name: string) => boolean {
  if (typeof filter === 'function') return filter;
  const names = new Set(filter);
  return (name) => names.has(name);
}
