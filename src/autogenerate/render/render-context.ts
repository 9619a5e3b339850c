/** The names a rendered migration imports from 'retort' (besides the `Operations` type). */
export type RenderImport = 'column' | 'sql';

/** Collects what rendered code uses, so the file imports only that. */
export class RenderContext {
  readonly #used = new Set<RenderImport>();

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
