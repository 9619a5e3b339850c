/**
 * The revision graph: migration revisions linked by their parents (and `dependsOn`), modelled on
 * Alembic's revision map. Pure data and logic: no I/O, no clock. Building it validates the
 * declarations; it then answers structure questions (heads, bases, branches, labels), resolves
 * targets (`head`, `heads`, `base`, prefixes, `feature@head`, `-1`, `rev+2`, ...), plans upgrades
 * and downgrades, and keeps the heads bookkeeping of the version table.
 */
import { RevisionNotFoundError } from '../errors/index.js';
import { buildRevisions, compareIds } from './revision-build.js';
import { applyStep } from './revision-heads.js';
import { history } from './revision-history.js';
import { reachable, postOrder } from './revision-order.js';
import { planDowngrade, planUpgrade } from './revision-plan.js';
import { resolveOne, resolveTarget } from './revision-resolve.js';
import type { BranchPoint, Direction, MigrationStep, ResolveContext, Revision, RevisionInput } from './revision.js';

/** Which edges a walk follows: parents only, or parents and `dependsOn`. */
export interface WalkOptions {
  /** Follow `dependsOn` edges as well as parents. Default true. */
  readonly dependencies?: boolean;
}

/**
 * An immutable, validated graph of revisions.
 *
 * @example
 * ```ts
 * const graph = RevisionGraph.build([
 *   { id: 'a1a1a1', parents: [], message: 'create user' },
 *   { id: 'b2b2b2', parents: ['a1a1a1'], message: 'add post' },
 * ]);
 * graph.heads;                                  // ['b2b2b2']
 * graph.resolve('head');                        // ['b2b2b2']
 * graph.planUpgrade([], 'head').map((s) => s.revision); // ['a1a1a1', 'b2b2b2']
 * ```
 */
export class RevisionGraph {
  /** Revisions with no children (`dependsOn` does not count), sorted by id. */
  readonly heads: readonly string[];
  /** Revisions with no parents, sorted by id. */
  readonly bases: readonly string[];
  /** Every revision id, sorted. */
  readonly ids: readonly string[];
  /** Branch label -> the revision that declares it, sorted by label. */
  readonly labels: ReadonlyMap<string, string>;

  readonly #revisions: ReadonlyMap<string, Revision>;
  readonly #ancestors = new Map<string, ReadonlySet<string>>();
  readonly #parentAncestors = new Map<string, ReadonlySet<string>>();
  #effectiveLabels: ReadonlyMap<string, readonly string[]> | undefined;

  private constructor(revisions: ReadonlyMap<string, Revision>, labels: ReadonlyMap<string, string>) {
    this.#revisions = revisions;
    this.labels = labels;
    const all = [...revisions.values()];
    this.ids = Object.freeze(all.map((r) => r.id));
    this.heads = Object.freeze(all.filter((r) => r.children.length === 0).map((r) => r.id));
    this.bases = Object.freeze(all.filter((r) => r.parents.length === 0).map((r) => r.id));
  }

  /**
   * Validates the declarations and builds the graph. Throws `InvalidRevisionError`,
   * `DuplicateRevisionError` (naming both files), `DuplicateBranchLabelError`,
   * `MissingRevisionError` (naming the revision, its file and the missing id) or
   * `RevisionCycleError` (naming the cycle).
   *
   * @example
   * ```ts
   * const graph = RevisionGraph.build(scripts.map((s) => ({ id: s.revision, parents: s.parents, source: s.path })));
   * ```
   */
  static build(inputs: readonly RevisionInput[]): RevisionGraph {
    const { revisions, labels } = buildRevisions(inputs);
    return new RevisionGraph(revisions, labels);
  }

  /** The number of revisions. */
  get size(): number {
    return this.#revisions.size;
  }

  /** True when a revision has exactly this id. */
  has(id: string): boolean {
    return this.#revisions.has(id);
  }

  /**
   * The revision with exactly this id (use {@link resolveOne} for prefixes and symbols).
   * Throws `RevisionNotFoundError` for an unknown id.
   *
   * @example
   * ```ts
   * graph.get('a81c0e5f22d9').message; // 'add post summary'
   * ```
   */
  get(id: string): Revision {
    const rev = this.#revisions.get(id);
    if (!rev) throw new RevisionNotFoundError(id);
    return rev;
  }

  /** Every revision, oldest first (parents and dependencies before the revisions that need them). */
  all(): readonly Revision[] {
    const ids = postOrder([...this.heads, ...this.#revisions.keys()], (id) => this.downRevisions(id), new Set(this.#revisions.keys()));
    return ids.map((id) => this.get(id));
  }

  /** Revisions naming `id` as a parent, sorted. */
  children(id: string): readonly string[] {
    return this.get(id).children;
  }

  /** Parents and dependencies of `id`: everything that must be applied before it, sorted. */
  downRevisions(id: string): readonly string[] {
    const rev = this.get(id);
    return [...rev.parents, ...rev.dependsOn].sort(compareIds);
  }

  /** Children and dependents of `id`: everything that needs it applied, sorted. */
  upRevisions(id: string): readonly string[] {
    const rev = this.get(id);
    return [...new Set([...rev.children, ...rev.dependents])].sort(compareIds);
  }

  /** True when no revision names `id` as a parent. */
  isHead(id: string): boolean {
    return this.get(id).children.length === 0;
  }

  /** True when `id` has no parents. */
  isBase(id: string): boolean {
    return this.get(id).parents.length === 0;
  }

  /** True when several revisions name `id` as their parent. */
  isBranchPoint(id: string): boolean {
    return this.get(id).children.length > 1;
  }

  /** True when `id` has several parents (it merges branches). */
  isMergePoint(id: string): boolean {
    return this.get(id).parents.length > 1;
  }

  /**
   * Branch points with their children, sorted by id: what `retort branches` shows.
   *
   * @example
   * ```ts
   * graph.branches; // [{ id: 'a1a1a1', children: ['b1b1b1', 'c2c2c2'] }]
   * ```
   */
  get branches(): readonly BranchPoint[] {
    return [...this.#revisions.values()]
      .filter((r) => r.children.length > 1)
      .map((r) => ({ id: r.id, children: r.children }));
  }

  /**
   * Ancestors of `id` (itself excluded). By default through parents and dependencies; with
   * `{ dependencies: false }` through parents only.
   */
  ancestors(id: string, options: WalkOptions = {}): ReadonlySet<string> {
    const withDeps = options.dependencies ?? true;
    const cache = withDeps ? this.#ancestors : this.#parentAncestors;
    const cached = cache.get(id);
    if (cached) return cached;
    const next = withDeps ? (r: string) => this.downRevisions(r) : (r: string) => this.get(r).parents;
    const found = reachable(next(id), next);
    cache.set(id, found);
    return found;
  }

  /** Descendants of `id` (itself excluded), through children and dependents unless told otherwise. */
  descendants(id: string, options: WalkOptions = {}): ReadonlySet<string> {
    const next = options.dependencies ?? true ? (r: string) => this.upRevisions(r) : (r: string) => this.get(r).children;
    return reachable(next(id), next);
  }

  /** True when `ancestor` is a (strict) ancestor of `id`. */
  isAncestor(ancestor: string, id: string, options: WalkOptions = {}): boolean {
    return this.ancestors(id, options).has(ancestor);
  }

  /** True when `a` and `b` are on one line of parents: equal, or one is an ancestor of the other. */
  sharesLineage(a: string, b: string): boolean {
    return a === b || this.isAncestor(a, b, { dependencies: false }) || this.isAncestor(b, a, { dependencies: false });
  }

  /**
   * The branch labels `id` carries: its own, those of its ancestors it descends from, and those
   * of the revisions its unbranched stem leads to (as Alembic propagates labels).
   */
  labelsOf(id: string): readonly string[] {
    this.get(id);
    this.#effectiveLabels ??= this.#propagateLabels();
    return this.#effectiveLabels.get(id) ?? [];
  }

  /**
   * Every revision applied when the version table stores `heads`: the heads and all their
   * ancestors (dependencies included). Throws `RevisionNotFoundError` for an unknown head.
   */
  appliedRevisions(heads: readonly string[]): ReadonlySet<string> {
    for (const h of heads) this.#requireStored(h);
    return reachable(heads, (r) => this.downRevisions(r));
  }

  /**
   * The stored heads without duplicates or revisions implied by another stored head, sorted.
   *
   * @example
   * ```ts
   * graph.normalizeHeads(['b2b2b2', 'a1a1a1', 'b2b2b2']); // ['b2b2b2'] when a1a1a1 is its parent
   * ```
   */
  normalizeHeads(heads: readonly string[]): readonly string[] {
    const unique = [...new Set(heads)];
    for (const h of unique) this.#requireStored(h);
    return unique.filter((h) => !unique.some((other) => other !== h && this.isAncestor(h, other))).sort(compareIds);
  }

  /**
   * Resolves a target to revision ids (empty = base). Accepts full ids, unique prefixes (at
   * least 3 characters), branch labels, `head`, `heads`, `base`, `label@head`, `label@heads`,
   * `label@rev`, and relative targets `+N`, `-N`, `label@+N`, `label@-N`, `rev+N`, `rev-N`,
   * `head-N`. Relative targets without a revision count from `context.current`.
   *
   * @example
   * ```ts
   * graph.resolve('a81c');                          // ['a81c0e5f22d9']
   * graph.resolve('-1', { current: ['a81c0e5f22d9'] }); // its parent
   * ```
   */
  resolve(target: string, context: ResolveContext = {}): readonly string[] {
    return resolveTarget(this, target, context).ids;
  }

  /**
   * Resolves a target that must name one revision (or base, returned as null). Throws
   * `MultipleHeadsError` when it names several.
   *
   * @example
   * ```ts
   * graph.resolveOne('head'); // 'a81c0e5f22d9'
   * ```
   */
  resolveOne(target: string, context: ResolveContext = {}): string | null {
    return resolveOne(this, target, context);
  }

  /**
   * Steps that move the stored heads `current` (empty = base) up to `target`, oldest first.
   * See {@link planUpgrade}.
   */
  planUpgrade(current: readonly string[], target: string): readonly MigrationStep[] {
    return planUpgrade(this, current, target);
  }

  /**
   * Steps that move the stored heads `current` down to `target`, newest first.
   * See {@link planDowngrade}.
   */
  planDowngrade(current: readonly string[], target: string): readonly MigrationStep[] {
    return planDowngrade(this, current, target);
  }

  /** The stored heads after running one revision up or down. See {@link applyStep}. */
  applyStep(heads: readonly string[], step: { readonly revision: string; readonly direction: Direction }): readonly string[] {
    return applyStep(this, heads, step);
  }

  /**
   * Revisions between two targets, newest first, as `retort history -r lower:upper` lists them.
   * See {@link history}.
   */
  history(range?: string, context: ResolveContext = {}): readonly Revision[] {
    return history(this, range, context);
  }

  #requireStored(id: string): void {
    if (!this.#revisions.has(id)) {
      throw new RevisionNotFoundError(id, `the database records revision "${id}", but no migration file declares it`);
    }
  }

  #propagateLabels(): ReadonlyMap<string, readonly string[]> {
    const found = new Map<string, Set<string>>();
    const add = (id: string, label: string): void => {
      const set = found.get(id) ?? new Set<string>();
      set.add(label);
      found.set(id, set);
    };
    for (const [label, owner] of this.labels) {
      add(owner, label);
      for (const d of this.descendants(owner, { dependencies: false })) add(d, label);
      let rev = this.get(owner);
      while (rev.parents.length === 1) {
        const parent = this.get(rev.parents[0] ?? '');
        if (this.upRevisions(parent.id).length > 1 || parent.parents.length > 1) break;
        add(parent.id, label);
        rev = parent;
      }
    }
    return new Map([...found].map(([id, set]) => [id, [...set].sort(compareIds)]));
  }
}

export type { BranchPoint, Direction, MigrationStep, ResolveContext, Revision, RevisionInput } from './revision.js';
export type { TargetSpec } from './revision-target.js';
export type { HeadsChange } from './revision-heads.js';
export type { HistoryRange } from './revision-history.js';
export type { RandomSource } from './revision-id.js';
export { parseTarget } from './revision-target.js';
export { MIN_PREFIX_LENGTH } from './revision-resolve.js';
export { applyStep, headsChange, HeadsState } from './revision-heads.js';
export { planDowngrade, planUpgrade } from './revision-plan.js';
export { history, parseHistoryRange } from './revision-history.js';
export { RESERVED_REVISION_WORDS } from './revision-build.js';
export { generateRevisionId, migrationFileName, MAX_SLUG_LENGTH, REVISION_ID_LENGTH, slugify } from './revision-id.js';
