/** Where the CLI writes and what it reads from its environment; tests pass their own. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The folder relative paths and the config file are resolved against. */
  readonly cwd: string;
  /**
   * True when a person can answer questions: stdin and stdout are terminals and `CI` is not set.
   * When false, nothing may wait for input.
   */
  readonly interactive: boolean;
  /** Asks one question and returns the answer line (only called when `interactive`). */
  ask(question: string): Promise<string>;
}

/** The process's stdout, stderr, environment and terminal. */
export const processIO: CliIO = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  env: process.env,
  get cwd() {
    return process.cwd();
  },
  get interactive() {
    const ci = process.env.CI;
    return process.stdin.isTTY === true && process.stdout.isTTY === true && (ci === undefined || ci === '' || ci === 'false' || ci === '0');
  },
  ask: async (question) => {
    const { askLine } = await import('./prompt.js');
    return askLine(question, process.stdin, process.stdout);
  },
};

/** The global options every command gets. */
export interface GlobalArgs {
  readonly url?: string | undefined;
  readonly config?: string | undefined;
}
