import type { Dialect } from '../../engine/dialect.js';

/** The names a rendered migration imports from 'retort' (besides the `Operations` type). */
export type RenderImport = 'column' | 'sql';

/**
 * Collects what rendered code uses, so the file imports only that. With a dialect, types the
 * column builders cannot express (a binary column with a length) render as `column.custom(...)`
 * in the dialect's spelling.
 */
export class RenderContext {
  readonly #used = new Set<RenderImport>();
  readonly dialect: Pick<Dialect, 'types'> | null;

  constructor(options: { readonly dialect?: Pick<Dialect, 'types'> } = {}) {
    this.dialect = options.dialect ?? null;
  }

  /** Notes that the code uses `name`; returns it. */
  use(name: RenderImport): RenderImport {
    this.#used.add(name);
    return name;
  }

  /** The used names, sorted. */
  imports(): RenderImport[] {
    return [...this.#used].sort();
  }
}
