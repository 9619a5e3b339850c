/**
 * Upgrade and downgrade planning: from the heads stored in the database to a target, the
 * ordered steps to run, each with the stored heads before and after it.
 */
import { MultipleHeadsError, RevisionTargetError } from '../errors/index.js';
import { compareIds } from './revision-build.js';
import type { RevisionGraph } from './revision-graph.js';
import { HeadsState } from './revision-heads.js';
import { postOrder, reachable } from './revision-order.js';
import { resolveSpec } from './revision-resolve.js';
import { parseTarget } from './revision-target.js';
import type { Direction, MigrationStep } from './revision.js';

function describe(heads: readonly string[]): string {
  return heads.length === 0 ? 'the database is at base' : `current heads: ${heads.join(', ')}`;
}

function run(state: HeadsState, ids: readonly string[], direction: Direction): MigrationStep[] {
  return ids.map((revision) => {
    const fromHeads = state.heads;
    state.apply({ revision, direction });
    return Object.freeze({ revision, direction, fromHeads, toHeads: state.heads });
  });
}

/**
 * Plans an upgrade from the stored heads `current` (empty = base) to `target`: every revision
 * the target needs (its ancestors and their dependencies) that is not applied yet, parents and
 * dependencies first. Branches not named by the target stay where they are; `heads` brings
 * every branch up; a merge runs once, after all its parents. Ties are broken by id, and each
 * branch is finished before the next begins.
 *
 * Throws `RevisionTargetError` when the target is already below the current heads (that
 * needs a downgrade), or is relative downwards (`-1`); and the resolution errors of
 * `RevisionGraph.resolve`.
 *
 * @example
 * ```ts
 * for (const step of planUpgrade(graph, ['3f2a9c1d7b04'], 'head')) {
 *   console.log(step.revision, step.fromHeads, '->', step.toHeads);
 * }
 * ```
 */
export function planUpgrade(graph: RevisionGraph, current: readonly string[], target: string): readonly MigrationStep[] {
  const state = new HeadsState(graph, current);
  const heads = state.heads;
  const spec = parseTarget(target);
  if (spec.kind === 'relative' && spec.anchor === null && spec.steps < 0) {
    throw new RevisionTargetError(target, `cannot upgrade to "${target}": it counts down from the current heads; use "retort downgrade ${target}"`);
  }
  const { ids } = resolveSpec(graph, spec, target, { current: heads });
  if (ids.length === 0 && heads.length > 0) {
    throw new RevisionTargetError(target, `cannot upgrade to "${target}": it is base, below the ${describe(heads)}; use "retort downgrade base"`);
  }
  for (const id of ids) {
    const below = heads.filter((h) => h !== id && graph.isAncestor(id, h, { dependencies: false }));
    if (below.length > 0) {
      throw new RevisionTargetError(
        target,
        `cannot upgrade to "${target}": revision "${id}" is already applied, below the current head${below.length > 1 ? 's' : ''} ` +
          `${below.join(', ')}; use "retort downgrade ${target}" to go back to it`,
      );
    }
  }
  const needed = reachable(ids, (id) => graph.downRevisions(id));
  for (const id of needed) if (state.isApplied(id)) needed.delete(id);
  const order = postOrder([...ids].sort(compareIds), (id) => graph.downRevisions(id), needed);
  return run(state, order, 'up');
}

/**
 * Plans a downgrade from the stored heads `current` to `target`: every applied revision that
 * descends from the target's children (dependents included), newest first, each branch walked
 * down in turn. `base` reverts everything; a revision reverts whatever was built on it; a
 * branch-restricted target (`feature@-1`, `feature@base`), or a plain `-N` from one of several
 * heads, only goes down that branch.
 *
 * Throws `RevisionTargetError` when the target is not applied (that needs an upgrade), when
 * nothing applied builds on it through parents, or for an upward relative target (`+1`);
 * `MultipleHeadsError` when it names several revisions; and the resolution errors.
 *
 * @example
 * ```ts
 * planDowngrade(graph, ['c3c3c3'], '-1');   // [{ revision: 'c3c3c3', direction: 'down', ... }]
 * planDowngrade(graph, ['c3c3c3'], 'base'); // every applied revision, newest first
 * ```
 */
export function planDowngrade(graph: RevisionGraph, current: readonly string[], target: string): readonly MigrationStep[] {
  const state = new HeadsState(graph, current);
  const heads = state.heads;
  const spec = parseTarget(target);
  if (spec.kind === 'relative' && spec.anchor === null && spec.steps > 0) {
    throw new RevisionTargetError(target, `cannot downgrade to "${target}": it counts up from the current heads; use "retort upgrade ${target}"`);
  }
  const resolution = resolveSpec(graph, spec, target, { current: heads });
  if (resolution.ids.length > 1) throw new MultipleHeadsError(resolution.ids, target);
  const to = resolution.ids[0] ?? null;
  if (to !== null && !state.isApplied(to)) {
    throw new RevisionTargetError(
      target,
      `cannot downgrade to "${target}": revision "${to}" is not applied (${describe(heads)}); use "retort upgrade ${target}" to reach it`,
    );
  }

  let roots = to === null ? graph.bases : graph.children(to);
  if (resolution.branch !== null && roots.length > 1) {
    const line = graph.ancestors(resolution.branch, { dependencies: false });
    const branch = resolution.branch;
    roots = roots.filter((r) => r === branch || line.has(r));
    if (roots.length === 0) {
      throw new RevisionTargetError(target, `cannot downgrade to "${target}": it is not below the branch it names (${describe(heads)})`);
    }
  }

  const remove = reachable(roots, (id) => graph.upRevisions(id));
  for (const id of remove) if (!state.isApplied(id)) remove.delete(id);
  if (to !== null && remove.size === 0 && !heads.includes(to)) {
    const users = graph.upRevisions(to).filter((u) => state.isApplied(u));
    throw new RevisionTargetError(
      target,
      `cannot downgrade to "${target}": nothing applied descends from revision "${to}" through parents; ` +
        `it is applied because ${users.map((u) => `"${u}"`).join(', ')} depend${users.length === 1 ? 's' : ''} on it`,
    );
  }
  const order = postOrder(roots, (id) => graph.upRevisions(id), remove);
  return run(state, order, 'down');
}
