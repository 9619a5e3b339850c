/**
 * The data of the revision graph: what a migration file declares ({@link RevisionInput}), what the
 * graph keeps about each revision ({@link Revision}) and the steps of a plan ({@link MigrationStep}).
 * All plain, readonly, JSON-able data.
 */

/**
 * One revision as a migration file declares it.
 *
 * @example
 * ```ts
 * const input: RevisionInput = {
 *   id: 'a81c0e5f22d9',
 *   parents: ['3f2a9c1d7b04'],          // [] for a base, several for a merge
 *   message: 'add post summary',
 *   source: 'migrations/2026_11_21_1015-a81c0e5f22d9_add_post_summary.ts',
 * };
 * ```
 */
export interface RevisionInput {
  /** The revision id: letters, digits and `_` (generated ids are 12 lowercase hex characters). */
  readonly id: string;
  /** Parent revisions: empty for a base, one for a plain revision, several for a merge. */
  readonly parents: readonly string[];
  /**
   * Revisions (ids or branch labels) that must be applied before this one without being its
   * parents: they order the plan but do not join branches, as Alembic's `depends_on`.
   */
  readonly dependsOn?: readonly string[];
  /** Names for the branch that starts (or continues) at this revision. */
  readonly branchLabels?: readonly string[];
  /** The migration's message. */
  readonly message?: string;
  /** The file that declares the revision, named in errors. */
  readonly source?: string;
}

/**
 * A revision inside a built {@link RevisionGraph}, with the edges the graph derived.
 *
 * @example
 * ```ts
 * const rev = graph.get('a81c0e5f22d9');
 * rev.parents;   // ['3f2a9c1d7b04']
 * rev.children;  // revisions naming it as a parent, sorted
 * ```
 */
export interface Revision {
  readonly kind: 'revision';
  readonly id: string;
  /** Parent ids, in declaration order. */
  readonly parents: readonly string[];
  /** Dependency ids (branch labels resolved to ids), in declaration order. */
  readonly dependsOn: readonly string[];
  /** The branch labels this revision declares. */
  readonly branchLabels: readonly string[];
  readonly message: string | null;
  readonly source: string | null;
  /** Revisions that name this one as a parent, sorted by id. */
  readonly children: readonly string[];
  /** Revisions that name this one in `dependsOn`, sorted by id. */
  readonly dependents: readonly string[];
}

/** Which way a step moves: `up` runs the revision's `upgrade`, `down` its `downgrade`. */
export type Direction = 'up' | 'down';

/**
 * One step of a plan: run `revision` in `direction`, which moves the stored heads (the rows of
 * the version table) from `fromHeads` to `toHeads`. Both head lists are sorted.
 *
 * @example
 * ```ts
 * for (const step of graph.planUpgrade(stored, 'heads')) {
 *   await run(step.revision, step.direction);
 *   await versionTable.replace(step.fromHeads, step.toHeads);
 * }
 * ```
 */
export interface MigrationStep {
  readonly revision: string;
  readonly direction: Direction;
  readonly fromHeads: readonly string[];
  readonly toHeads: readonly string[];
}

/** A branch point (a revision with several children) and its children, sorted by id. */
export interface BranchPoint {
  readonly id: string;
  readonly children: readonly string[];
}

/**
 * What a target resolves against: the heads stored in the database (empty = base), needed by
 * relative targets such as `+1`, `-2` and `feature@+1`.
 */
export interface ResolveContext {
  readonly current?: readonly string[];
}
