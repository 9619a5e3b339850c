/**
 * Plans as the runner uses them: the revision graph's steps with each migration's message and
 * file, and the re-plan after another process moved the heads.
 */
import { RevisionStepError } from '../errors/index.js';
import { HeadsState } from './revision-heads.js';
import type { Direction } from './revision.js';
import type { PlannedStep } from './runner-events.js';
import type { ScriptDirectory } from './script-directory.js';

/**
 * The steps from the stored heads to `target`, in order: `planUpgrade` for `up`, `planDowngrade`
 * for `down`. Throws the graph's errors (unknown or ambiguous target, several heads, a target
 * that needs the other direction).
 *
 * @example
 * ```ts
 * planSteps(scripts, 'up', [], 'head').map((s) => s.revision);
 * ```
 */
export function planSteps(scripts: ScriptDirectory, direction: Direction, heads: readonly string[], target: string): PlannedStep[] {
  const graph = scripts.graph;
  const plan = direction === 'up' ? graph.planUpgrade(heads, target) : graph.planDowngrade(heads, target);
  return plan.map((step) => {
    const script = scripts.get(step.revision);
    return Object.freeze({ ...step, message: script.message, path: script.path });
  });
}

/**
 * The rest of an upgrade after another process moved the heads to `heads`: the planned
 * revisions not applied yet, in the planned order, with their heads recomputed. Throws
 * RevisionStepError when they no longer fit (the other process went down, or elsewhere).
 */
export function replanRemaining(scripts: ScriptDirectory, steps: readonly PlannedStep[], heads: readonly string[]): PlannedStep[] {
  const state = new HeadsState(scripts.graph, heads);
  const out: PlannedStep[] = [];
  for (const step of steps) {
    if (step.direction !== 'up') {
      throw new RevisionStepError(step.revision, `another process changed the version table during a downgrade (now ${heads.join(', ') || 'base'}); run the downgrade again`);
    }
    if (state.isApplied(step.revision)) continue;
    const fromHeads = state.heads;
    state.apply(step);
    out.push(Object.freeze({ ...step, fromHeads, toHeads: state.heads }));
  }
  return out;
}
