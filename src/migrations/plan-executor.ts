/**
 * Runs a plan through umzug: the revision graph ordered the steps, umzug runs that list (each
 * migration named by its revision id), and the version table storage records each step.
 */
import { MigrationError } from '../errors/index.js';
import type { MigrationSession } from './migration-session.js';
import { StaleHeadsError } from './migration-session.js';
import type { RevisionGraph } from './revision-graph.js';
import { emitTo, type MigrationListener, type PlannedStep, type StepResult } from './runner-events.js';
import type { ScriptDirectory } from './script-directory.js';
import { loadUmzug } from './umzug-loader.js';
import { VersionTableStorage } from './umzug-storage.js';

/** How a plan ended. */
export type PlanOutcome =
  | { readonly kind: 'done'; readonly heads: readonly string[] }
  /** Another process moved the heads before `step` could run (SQLite); nothing of it ran. */
  | { readonly kind: 'stale'; readonly heads: readonly string[]; readonly step: PlannedStep }
  /** `step` failed with `cause`; `heads` are the stored heads before it. */
  | { readonly kind: 'failed'; readonly heads: readonly string[]; readonly step: PlannedStep; readonly cause: unknown; readonly executed: readonly string[] };

export interface ExecutePlanOptions {
  readonly scripts: ScriptDirectory;
  readonly session: MigrationSession;
  readonly heads: readonly string[];
  readonly steps: readonly PlannedStep[];
  /** Receives every step that finished; shared by the plans of one run (its length numbers the steps). */
  readonly results: StepResult[];
  readonly onEvent?: MigrationListener;
  /** The run's total number of steps, for progress events. Default: this plan's. */
  readonly total?: number;
}

/** umzug wraps what a migration throws in its own MigrationError, with the original as `cause`. */
function unwrapUmzug(e: unknown): unknown {
  if (e instanceof Error && !(e instanceof MigrationError) && 'migration' in e && 'cause' in e) return e.cause;
  return e;
}

/**
 * Runs the steps with umzug. Never throws for a failed step: the outcome says which step failed
 * and why, so that the caller rolls back and reports.
 *
 * @example
 * ```ts
 * const outcome = await executePlan({ scripts, session, heads, steps, results });
 * ```
 */
export async function executePlan(options: ExecutePlanOptions): Promise<PlanOutcome> {
  const { scripts, session, steps, results, onEvent } = options;
  if (steps.length === 0) return { kind: 'done', heads: options.heads };
  const graph: RevisionGraph = scripts.graph;
  const total = options.total ?? steps.length;
  let current: PlannedStep | null = null;
  const storage = new VersionTableStorage(graph, session, options.heads, steps, (step, result) => {
    const index = results.length;
    results.push({ ...step, durationMs: result.durationMs, statements: result.statements });
    emitTo(onEvent, { type: 'step-finish', step, index, total, durationMs: result.durationMs });
  });
  const run = async (step: PlannedStep): Promise<void> => {
    current = step;
    emitTo(onEvent, { type: 'step-start', step, index: results.length, total });
    await session.runStep(step, scripts.get(step.revision));
  };
  const Umzug = await loadUmzug();
  const umzug = new Umzug({
    migrations: steps.map((step) => ({ name: step.revision, path: step.path, up: () => run(step), down: () => run(step) })),
    storage,
    logger: undefined,
  });
  const names = steps.map((s) => s.revision);
  try {
    if (steps[0]?.direction === 'up') await umzug.up({ migrations: names });
    else await umzug.down({ migrations: names });
    return { kind: 'done', heads: storage.heads };
  } catch (e) {
    const cause = unwrapUmzug(e);
    const step: PlannedStep = current ?? steps[0]!;
    if (cause instanceof StaleHeadsError) return { kind: 'stale', heads: cause.heads, step };
    return { kind: 'failed', heads: storage.heads, step, cause, executed: session.activeStatements.map((s) => s.sql) };
  }
}
