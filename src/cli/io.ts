import { writeSync } from 'node:fs';

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

/**
 * Writes lines to a file descriptor of the process (1 or 2) with a synchronous write(2): Node
 * builds `process.stdout` on a pipe as a net socket, which costs a few milliseconds of every
 * command's start. A descriptor another process made non-blocking (EAGAIN) falls back to the
 * stream for good, so the order of lines holds; a closed reader (`retort history | head`, EPIPE)
 * ends the output quietly.
 */
function lineWriter(fd: 1 | 2, stream: () => NodeJS.WriteStream): (text: string) => void {
  let mode: 'sync' | 'stream' | 'closed' = 'sync';
  return (text) => {
    const bytes = Buffer.from(text.endsWith('\n') ? text : `${text}\n`);
    let written = 0;
    while (mode === 'sync' && written < bytes.length) {
      try {
        written += writeSync(fd, bytes, written);
      } catch (e) {
        mode = (e as NodeJS.ErrnoException).code === 'EPIPE' ? 'closed' : 'stream';
      }
    }
    if (mode === 'stream') stream().write(bytes.subarray(written));
  };
}

/** The process's stdout, stderr, environment and terminal. */
export const processIO: CliIO = {
  out: lineWriter(1, () => process.stdout),
  err: lineWriter(2, () => process.stderr),
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
