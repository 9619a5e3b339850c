/** Where the CLI writes and what it reads from its environment; tests pass their own. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The process's stdout, stderr and environment. */
export const processIO: CliIO = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  env: process.env,
};

/** The global options every command gets. */
export interface GlobalArgs {
  readonly url?: string | undefined;
  readonly config?: string | undefined;
}
