/**
 * umzug's storage contract over retort's version table. umzug asks which migrations have run
 * (`executed`) and reports each one it ran (`logMigration` after `up`, `unlogMigration` after
 * `down`); this storage answers from the stored heads (read under the lock) and writes the
 * version rows through the migration session, so they join the migration's transaction.
 */
import type { UmzugStorage } from 'umzug';
import { RevisionStepError } from '../errors/index.js';
import type { MigrationSession } from './migration-session.js';
import type { RevisionGraph } from './revision-graph.js';
import type { PlannedStep } from './runner-events.js';

/** Receives each step once its version rows are written. */
export type StepRecorded = (step: PlannedStep, result: { durationMs: number; statements: readonly string[] }) => void;

/**
 * The version table as an umzug storage for one plan.
 *
 * @example
 * ```ts
 * const storage = new VersionTableStorage(graph, session, heads, steps, (step, r) => results.push(r));
 * new Umzug({ migrations, storage, logger: undefined });
 * ```
 */
export class VersionTableStorage implements UmzugStorage {
  readonly #graph: RevisionGraph;
  readonly #session: MigrationSession;
  readonly #steps: ReadonlyMap<string, PlannedStep>;
  readonly #recorded: StepRecorded;
  #heads: readonly string[];

  constructor(graph: RevisionGraph, session: MigrationSession, heads: readonly string[], steps: readonly PlannedStep[], recorded: StepRecorded) {
    this.#graph = graph;
    this.#session = session;
    this.#heads = heads;
    this.#steps = new Map(steps.map((s) => [s.revision, s]));
    this.#recorded = recorded;
  }

  /** The stored heads as this storage knows them. */
  get heads(): readonly string[] {
    return this.#heads;
  }

  /** Every revision applied at the stored heads (the heads and their ancestors). */
  async executed(): Promise<string[]> {
    return [...this.#graph.appliedRevisions(this.#heads)];
  }

  async logMigration(params: { name: string }): Promise<void> {
    await this.#record(params.name, 'up');
  }

  async unlogMigration(params: { name: string }): Promise<void> {
    await this.#record(params.name, 'down');
  }

  async #record(name: string, direction: 'up' | 'down'): Promise<void> {
    const step = this.#steps.get(name);
    if (!step || step.direction !== direction) throw new RevisionStepError(name, `umzug reported ${direction} of "${name}", which is not a step of the plan`);
    // the plan computed each step's heads from the one before (planSteps); umzug must run the
    // steps in that order, which is all there is to check here (recomputing the heads from the
    // graph would cost a walk of every applied revision per step)
    if (this.#heads.join(',') !== step.fromHeads.join(',')) {
      throw new RevisionStepError(name, `step ${direction} "${name}" planned from ${step.fromHeads.join(', ') || 'base'} but the heads are ${this.#heads.join(', ') || 'base'}`);
    }
    const result = await this.#session.recordStep(step);
    this.#heads = step.toHeads;
    this.#recorded(step, result);
  }
}
