/**
 * The MigrationError of a failed step: the revision, the direction, the failing statement, the
 * database's message (as `cause`) and the statements of the migration that had already run,
 * with what became of them (rolled back, or left committed where DDL is not transactional).
 */
import { DriverError, IntegrityCheckError, MigrationError, RetortError } from '../errors/index.js';
import type { PlannedStep } from './runner-events.js';

export interface FailureContext {
  readonly step: PlannedStep;
  /** The statements of the failed migration accepted before the failure (the failing one excluded). */
  readonly executed: readonly string[];
  /** True when the failed migration ran inside a transaction that was rolled back. */
  readonly rolledBack: boolean;
  /** Earlier migrations of the run rolled back with it (`all` mode), oldest first. */
  readonly undone?: readonly string[];
  /** The stored heads the database stays at. */
  readonly heads: readonly string[];
  readonly dialect: string;
  /** True when the run was writing a `--sql` script (nothing ran on a database). */
  readonly offline?: boolean;
}

function failingSql(cause: unknown): string | undefined {
  if (cause instanceof DriverError || cause instanceof IntegrityCheckError) return cause.sql;
  return undefined;
}

function reason(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  return String(cause);
}

function describeHeads(heads: readonly string[]): string {
  return heads.length === 0 ? 'base' : heads.join(', ');
}

/**
 * Builds the error thrown for a failed step.
 *
 * @example
 * ```ts
 * throw migrationFailure(cause, { step, executed, rolledBack: true, heads: step.fromHeads, dialect: 'postgresql' });
 * ```
 */
export function migrationFailure(cause: unknown, context: FailureContext): MigrationError {
  const { step } = context;
  const direction = step.direction === 'up' ? 'upgrade' : 'downgrade';
  const sql = failingSql(cause);
  const executed = sql !== undefined && context.executed.at(-1) === sql ? context.executed.slice(0, -1) : context.executed;
  // the driver's message repeats the statement; it has a line of its own here
  const why = sql === undefined ? reason(cause) : reason(cause).replace(/ in statement: [\s\S]*$/, '');
  const lines = [`${direction} of revision ${step.revision}${step.message ? ` (${step.message})` : ''} failed: ${why}`];
  if (sql !== undefined) lines.push(`  failing statement: ${sql}`);
  if (context.offline === true) {
    lines[0] = `cannot write the --sql script: ${lines[0] ?? ''}`;
  } else if (context.rolledBack) {
    lines.push(
      context.undone !== undefined && context.undone.length > 0
        ? `  the run's transaction was rolled back (transaction: 'all'), with the migrations it had run (${context.undone.join(', ')}): ` +
            `the database stays at ${describeHeads(context.heads)}`
        : `  the migration's transaction was rolled back: the database stays at ${describeHeads(context.heads)}`,
    );
  } else if (executed.length > 0) {
    lines.push(
      `  these statements of the migration had already run and were NOT rolled back (${context.dialect} commits DDL as it runs):`,
      ...executed.map((s, i) => `    ${i + 1}. ${s}`),
      `  the version table still records ${describeHeads(context.heads)}: undo them by hand, then run ${direction} again`
        + ` (it runs the whole migration); or finish the migration by hand, then record it with retort stamp ${describeHeads(step.toHeads)}`,
    );
  } else {
    lines.push(`  nothing of the migration had run; the version table still records ${describeHeads(context.heads)}`);
  }
  return new MigrationError(lines.join('\n'), {
    revision: step.revision,
    direction,
    ...(sql !== undefined ? { sql } : {}),
    executed,
    cause,
    ...(cause instanceof RetortError && cause.code === 'INTEGRITY_CHECK_FAILED' ? { code: 'MIGRATION_INTEGRITY_FAILED' } : {}),
  });
}
