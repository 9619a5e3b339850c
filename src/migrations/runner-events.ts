/**
 * What a migration run reports while it runs (the CLI prints these; library code never prints),
 * and what it returns.
 */
import type { ChecksumDrift } from './checksum-drift.js';
import type { Direction } from './revision.js';

/** One step of a run, as reported. */
export interface PlannedStep {
  readonly revision: string;
  readonly direction: Direction;
  readonly message: string;
  /** The stored heads before and after the step, sorted. */
  readonly fromHeads: readonly string[];
  readonly toHeads: readonly string[];
  /** The migration file. */
  readonly path: string;
}

/** Codes of {@link MigrationWarningEvent}. */
export type MigrationWarningCode =
  /** An applied migration's file changed after it was applied. */
  | 'CHECKSUM_DRIFT'
  /** `transaction: 'all'` on a dialect whose DDL is not transactional (MySQL): each statement commits. */
  | 'NO_TRANSACTIONAL_DDL'
  /** A statement that cannot run in a transaction made the runner commit the open one first. */
  | 'TRANSACTION_SPLIT'
  /** Another process moved the version table (SQLite); the runner re-planned what is left. */
  | 'REPLANNED';

/** The migration lock is held by another process; the run waits for it. */
export interface LockWaitEvent {
  readonly type: 'lock-wait';
  readonly message: string;
}

/** The lock is taken (after `waitedMs`). */
export interface LockAcquiredEvent {
  readonly type: 'lock-acquired';
  readonly waitedMs: number;
}

/** The plan, computed after the lock was taken. `steps` is empty when there is nothing to do. */
export interface PlanEvent {
  readonly type: 'plan';
  readonly direction: Direction;
  readonly target: string;
  readonly fromHeads: readonly string[];
  readonly steps: readonly PlannedStep[];
}

/** A step begins. `index` counts from 0 within the plan. */
export interface StepStartEvent {
  readonly type: 'step-start';
  readonly step: PlannedStep;
  readonly index: number;
  readonly total: number;
}

/** A step finished and its version rows are written (committed, in `each` mode). */
export interface StepFinishEvent {
  readonly type: 'step-finish';
  readonly step: PlannedStep;
  readonly index: number;
  readonly total: number;
  readonly durationMs: number;
}

/** Something the user should know that does not stop the run. */
export interface MigrationWarningEvent {
  readonly type: 'warning';
  readonly code: MigrationWarningCode;
  readonly message: string;
  readonly revision?: string;
}

/** Every event of a run. */
export type MigrationEvent = LockWaitEvent | LockAcquiredEvent | PlanEvent | StepStartEvent | StepFinishEvent | MigrationWarningEvent;

/** Receives a run's events. Exceptions it throws are ignored. */
export type MigrationListener = (event: MigrationEvent) => void;

/** A step that ran. */
export interface StepResult extends PlannedStep {
  readonly durationMs: number;
  /** The migration's own statements (ops and op.execute), in order; not BEGIN/COMMIT or version rows. */
  readonly statements: readonly string[];
}

/**
 * What `upgrade` / `downgrade` return.
 *
 * @example
 * ```ts
 * const result = await upgrade({ url, target: 'head' });
 * result.steps.map((s) => s.revision); // what this call ran
 * result.heads;                        // the stored heads afterwards
 * ```
 */
export interface MigrateResult {
  readonly direction: Direction;
  readonly target: string;
  /** The stored heads when the run started (after the lock was taken). */
  readonly fromHeads: readonly string[];
  /** The stored heads when it ended. */
  readonly heads: readonly string[];
  /** The steps this call ran (another process may have run others, see REPLANNED). */
  readonly steps: readonly StepResult[];
  /** Applied migrations changed after they were applied (online only; empty offline). */
  readonly drift: readonly ChecksumDrift[];
  /** The SQL script of an offline (`sql: true`) run; null online. */
  readonly sql: string | null;
}

/** Calls a listener, ignoring what it throws (a printing problem must not break a migration). */
export function emitTo(listener: MigrationListener | undefined, event: MigrationEvent): void {
  if (!listener) return;
  try {
    listener(event);
  } catch {
    // listeners are the caller's; their failures are not the migration's
  }
}
