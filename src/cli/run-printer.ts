/**
 * What `upgrade` and `downgrade` print while they run: the plan, one line per migration as it
 * finishes (`3f2a9c1d7b04 -> a81c0e5f22d9  add post summary  (14 ms)`), warnings and lock waits
 * on stderr.
 */
import type { MigrationEvent, MigrationListener, MigrateResult, PlannedStep } from '../migrations/runner-events.js';
import type { ScriptDirectory } from '../migrations/script-directory.js';
import type { CliIO } from './io.js';
import { duration, revisionList } from './revision-text.js';

/** `from -> to` of a step: a revision's parents and the revision, in the step's direction. */
export function stepArrow(step: Pick<PlannedStep, 'revision' | 'direction'>, scripts: ScriptDirectory): string {
  const parents = scripts.has(step.revision) ? revisionList(scripts.get(step.revision).parents) : '?';
  return step.direction === 'up' ? `${parents} -> ${step.revision}` : `${step.revision} -> ${parents}`;
}

/** `3f2a9c1d7b04 -> a81c0e5f22d9  add post summary  (14 ms)`. */
export function stepLine(step: PlannedStep, durationMs: number, scripts: ScriptDirectory): string {
  return `${stepArrow(step, scripts)}  ${step.message}  (${duration(durationMs)})`;
}

/**
 * A listener printing a run's events. With `script: true` (a `--sql` run) stdout is left to the
 * script: only warnings are printed, on stderr.
 *
 * @example
 * ```ts
 * const listener = runPrinter(io, scripts, { script: false });
 * await upgrade({ config, scripts, onEvent: listener });
 * ```
 */
export function runPrinter(io: CliIO, scripts: ScriptDirectory, options: { readonly script: boolean }): MigrationListener {
  return (event: MigrationEvent) => {
    switch (event.type) {
      case 'warning':
        io.err(`warning: ${event.message}`);
        return;
      case 'lock-wait':
        if (!options.script) io.err(`waiting: ${event.message}`);
        return;
      case 'lock-acquired':
      case 'step-start':
        return;
      case 'plan': {
        const last = event.steps.at(-1);
        if (options.script || last === undefined) return;
        const count = event.steps.length === 1 ? '1 migration' : `${event.steps.length} migrations`;
        const verb = event.direction === 'up' ? 'upgrading' : 'downgrading';
        io.out(`${verb} ${revisionList(event.fromHeads)} -> ${revisionList(last.toHeads)} (${count})`);
        return;
      }
      case 'step-finish':
        if (!options.script) io.out(`${stepLine(event.step, event.durationMs, scripts)}`);
        return;
    }
  };
}

/** The line printed when a run had nothing to do. */
export function nothingToDo(result: MigrateResult): string {
  if (result.direction === 'up' && (result.target === 'head' || result.target === 'heads')) return 'already at head';
  return `nothing to do: the database is at ${revisionList(result.heads)}`;
}
