/**
 * The entry of the built bundle (dist/bundle/retort.cjs, see scripts/bundle.mjs): the library,
 * and the command line, whose modules (yargs, the commands) load only when it runs.
 */
export * from './index.js';

/** Runs the `retort` command line (bin/retort); see src/cli/run-cli.ts. */
export async function runCli(argv: readonly string[]): Promise<number> {
  return (await import('./cli/run-cli.js')).runCli(argv);
}
