/**
 * Heads bookkeeping, as Alembic keeps its version table: the database stores the SET of its
 * current heads (one row per head). The applied revisions are those heads and all their
 * ancestors (dependencies included); the heads are the applied revisions nothing applied builds on.
 * Running a revision up adds it and drops the heads it builds on (a merge replaces all its
 * parents); running one down removes it and brings back each parent or dependency that nothing
 * else applied still builds on (going down one branch of a branch point leaves the point to the
 * other branch).
 */
import { RevisionStepError } from '../errors/index.js';
import { compareIds } from './revision-build.js';
import type { RevisionGraph } from './revision-graph.js';
import type { Direction } from './revision.js';

/** What changes in the version table when the stored heads move. */
export interface HeadsChange {
  /** Rows to delete, sorted. */
  readonly removed: readonly string[];
  /** Rows to insert, sorted. */
  readonly added: readonly string[];
}

/**
 * A mutable simulation of the version table, used to plan and check steps.
 *
 * @example
 * ```ts
 * const state = new HeadsState(graph, []);
 * state.apply({ revision: 'a1a1a1', direction: 'up' });
 * state.heads; // ['a1a1a1']
 * ```
 */
export class HeadsState {
  readonly #graph: RevisionGraph;
  readonly #heads: Set<string>;
  readonly #applied: Set<string>;

  /** Starts from the stored heads (normalized: duplicates and implied revisions dropped). */
  constructor(graph: RevisionGraph, heads: readonly string[]) {
    this.#graph = graph;
    this.#heads = new Set(graph.normalizeHeads(heads));
    this.#applied = new Set(graph.appliedRevisions([...this.#heads]));
  }

  /** The current heads, sorted. */
  get heads(): readonly string[] {
    return [...this.#heads].sort(compareIds);
  }

  /** True when `id` is applied. */
  isApplied(id: string): boolean {
    return this.#applied.has(id);
  }

  /** Every applied revision (a copy). */
  get applied(): ReadonlySet<string> {
    return new Set(this.#applied);
  }

  /** Runs one step; throws `RevisionStepError` when the step does not fit the current heads. */
  apply(step: { readonly revision: string; readonly direction: Direction }): void {
    switch (step.direction) {
      case 'up':
        this.#up(step.revision);
        return;
      case 'down':
        this.#down(step.revision);
        return;
      default: {
        const never: never = step.direction;
        throw new RevisionStepError(step.revision, `unknown direction ${String(never)}`);
      }
    }
  }

  #describe(): string {
    const heads = this.heads;
    return heads.length === 0 ? 'the database is at base' : `current heads: ${heads.join(', ')}`;
  }

  #up(id: string): void {
    const graph = this.#graph;
    const rev = graph.get(id);
    if (this.#applied.has(id)) {
      throw new RevisionStepError(id, `cannot apply "${id}": it is already applied (${this.#describe()})`);
    }
    const missing = graph.downRevisions(id).filter((d) => !this.#applied.has(d));
    if (missing.length > 0) {
      const what = missing.map((m) => `${rev.parents.includes(m) ? 'parent' : 'dependency'} "${m}"`).join(', ');
      throw new RevisionStepError(id, `cannot apply "${id}": its ${what} must be applied first (${this.#describe()})`);
    }
    for (const d of graph.downRevisions(id)) this.#heads.delete(d);
    this.#heads.add(id);
    this.#applied.add(id);
  }

  #down(id: string): void {
    const graph = this.#graph;
    if (!this.#applied.has(id)) {
      throw new RevisionStepError(id, `cannot revert "${id}": it is not applied (${this.#describe()})`);
    }
    if (!this.#heads.has(id)) {
      const above = graph.upRevisions(id).filter((u) => this.#applied.has(u));
      throw new RevisionStepError(
        id,
        `cannot revert "${id}": ${above.map((u) => `"${u}"`).join(', ')} still applied on top of it must be reverted first`,
      );
    }
    this.#heads.delete(id);
    this.#applied.delete(id);
    for (const d of graph.downRevisions(id)) {
      if (!graph.upRevisions(d).some((u) => this.#applied.has(u))) this.#heads.add(d);
    }
  }
}

/**
 * The stored heads after running one revision up or down from `heads`, sorted. Pure: the
 * heads are not changed. Throws `RevisionStepError` when the step cannot run from these heads
 * (a parent not applied, a revision already applied, a revision something applied builds on).
 *
 * @example
 * ```ts
 * // a1 <- b1, a1 <- b2 (a branch point), m merges b1 and b2
 * applyStep(graph, ['b1', 'b2'], { revision: 'm', direction: 'up' });   // ['m']
 * applyStep(graph, ['m'], { revision: 'm', direction: 'down' });        // ['b1', 'b2']
 * applyStep(graph, ['b1', 'b2'], { revision: 'b1', direction: 'down' }); // ['b2'] (a1 stays, under b2)
 * ```
 */
export function applyStep(
  graph: RevisionGraph,
  heads: readonly string[],
  step: { readonly revision: string; readonly direction: Direction },
): readonly string[] {
  const state = new HeadsState(graph, heads);
  state.apply(step);
  return state.heads;
}

/**
 * The version table rows to delete and insert to move from one heads set to another.
 *
 * @example
 * ```ts
 * headsChange(['b1', 'b2'], ['m']); // { removed: ['b1', 'b2'], added: ['m'] }
 * ```
 */
export function headsChange(from: readonly string[], to: readonly string[]): HeadsChange {
  const before = new Set(from);
  const after = new Set(to);
  return {
    removed: [...before].filter((h) => !after.has(h)).sort(compareIds),
    added: [...after].filter((h) => !before.has(h)).sort(compareIds),
  };
}
