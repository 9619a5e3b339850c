/** Runs the retort CLI from source in a child process (bin/retort runs the same file from dist/). */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly env?: Record<string, string>;
  readonly cwd?: string;
  /** Kill the CLI after this long (default 60 s): a command waiting for input fails instead of hanging. */
  readonly timeoutMs?: number;
}

/**
 * Runs `retort <args>`. Its stdin is a pipe that is never written nor closed, and is not a
 * terminal: a command that waited for input would hang until the timeout.
 */
export function retort(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const env = { ...process.env, DATABASE_URL: '', RETORT_DEBUG: '', ...options.env };
  const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
  const tsx = fileURLToPath(import.meta.resolve('tsx'));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', tsx, main, ...args],
      { cwd: options.cwd ?? projectRoot, env, maxBuffer: 64 * 1024 * 1024, timeout: options.timeoutMs ?? 60_000 },
      (error, stdout, stderr) => {
        const timedOut = error !== null && error.killed === true;
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        resolve({ code, stdout, stderr: timedOut ? `${stderr}\n[killed after the timeout]` : stderr });
      },
    );
  });
}

/** Asserts helper: true when the text holds no stack trace line. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at /m.test(text);
}
