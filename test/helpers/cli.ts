/** Runs the retort CLI from source in a child process (bin/retort runs the same file from dist/). */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function retort(args: readonly string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliRun> {
  const env = { ...process.env, DATABASE_URL: '', RETORT_DEBUG: '', ...options.env };
  const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', main, ...args], { cwd: options.cwd ?? projectRoot, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Asserts helper: true when the text holds no stack trace line. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at /m.test(text);
}
