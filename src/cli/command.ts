import type { Argv } from 'yargs';
import type { CliIO } from './io.js';

/** Parsed arguments as yargs gives them to a handler. */
export type CommandArgs = Record<string, unknown>;

/** What a command's module exports: runs the command and returns its exit code (default 0). */
export interface CommandModule {
  run(args: CommandArgs, io: CliIO): Promise<number | void>;
}

/**
 * A command of the `retort` executable: its yargs declaration, and a loader of the module that
 * runs it (imported only when the command runs, to keep startup lean).
 *
 * @example
 * ```ts
 * export const reflectCommand: CommandSpec = {
 *   command: 'reflect', describe: 'print the schema of a database',
 *   builder: (y) => y.option('json', { type: 'boolean' }),
 *   load: () => import('./commands/reflect.js'),
 * };
 * ```
 */
export interface CommandSpec {
  readonly command: string | readonly string[];
  readonly describe: string;
  readonly builder: (yargs: Argv) => Argv;
  /** Exit code when the command fails (default 1; `diff` uses 2, as 1 means "different"). */
  readonly errorExitCode?: number;
  load(): Promise<CommandModule>;
}

/** A comma-separated list option (`--include a,b --include c`) as a flat list of names. */
export function listOption(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean);
}
