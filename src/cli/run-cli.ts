import { readFileSync } from 'node:fs';
import yargs from 'yargs';
import { commands } from './commands/specs.js';
import { processIO, type CliIO, type GlobalArgs } from './io.js';

/** Exit codes: 0 done, 1 the command failed, 2 the command line is wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** The command line itself is wrong (unknown command or option, missing argument). */
class UsageError extends Error {}

/** The global options, read from yargs' parsed arguments. */
function globalArgs(args: Record<string, unknown>): GlobalArgs {
  return {
    url: typeof args.url === 'string' ? args.url : undefined,
    config: typeof args.config === 'string' ? args.config : undefined,
  };
}

function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const version = typeof pkg === 'object' && pkg !== null ? (pkg as { version?: unknown }).version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

/**
 * Runs the retort command line and returns the exit code. The only place that prints errors:
 * a RetortError is one line `retort: error: <message>`; anything else one line too, with the
 * stack only when RETORT_DEBUG=1. Command modules are imported when their command runs.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(['ping', '--url', 'sqlite:///app.db']);
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  let exitCode = EXIT_OK;
  let failureCode = EXIT_FAILED;
  const parser = yargs([...argv])
    .scriptName('retort')
    .usage('$0 <command> [options]')
    .option('url', { type: 'string', global: true, describe: 'database URL (default: $DATABASE_URL, then the config file)' })
    .option('config', { type: 'string', global: true, describe: 'config file (default: retort.config.ts, .mts, .js or .mjs in the current folder)' })
    .command(commands.map((spec) => ({
      command: spec.command as string | string[],
      describe: spec.describe,
      builder: spec.builder,
      handler: async (args: Record<string, unknown>) => {
        failureCode = spec.errorExitCode ?? EXIT_FAILED;
        const module = await spec.load();
        exitCode = (await module.run({ ...args, ...globalArgs(args) }, io)) ?? EXIT_OK;
      },
    })))
    .demandCommand(1, 'name a command')
    .recommendCommands()
    .strict()
    .version(packageVersion())
    .wrap(null)
    .help()
    .alias('h', 'help')
    .exitProcess(false)
    .fail((message: string | null, error: Error | undefined) => {
      // yargs calls this for bad command lines (message only) and for errors thrown by handlers
      if (error) throw error;
      throw new UsageError(message ?? 'bad command line');
    });

  try {
    await parser.parseAsync();
    return exitCode;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(await parser.getHelp());
      const message = e.message.startsWith('Did you mean') ? `unknown command. ${e.message}` : e.message;
      io.err(`\nretort: error: ${message}`);
      return EXIT_USAGE;
    }
    const { isRetortError } = await import('../errors/index.js');
    if (isRetortError(e)) {
      io.err(`retort: error: ${e.message}`);
    } else {
      const message = e instanceof Error ? e.message || e.name : String(e);
      const debug = io.env.RETORT_DEBUG === '1';
      io.err(`retort: unexpected error: ${message.split('\n')[0]}${debug ? '' : ' (set RETORT_DEBUG=1 for the stack trace)'}`);
      if (debug && e instanceof Error && e.stack) io.err(e.stack);
    }
    return failureCode;
  }
}
