/**
 * Questions on a terminal: one line read with node:readline, and the rename resolver that asks
 * `rename post.body -> post.content? [y/N]`. Only used when the CLI runs interactively.
 */
import { createInterface } from 'node:readline/promises';
import type { RenameCandidate, RenameResolver } from '../autogenerate/renames.js';

/**
 * Writes `question` to `output` and resolves with the next line of `input` (empty when the input
 * ends first).
 *
 * @example
 * ```ts
 * const answer = await askLine('continue? [y/N] ', process.stdin, process.stdout);
 * ```
 */
export async function askLine(question: string, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<string> {
  const rl = createInterface({ input, output, terminal: false });
  try {
    const closed = new Promise<string>((resolve) => rl.once('close', () => resolve('')));
    return await Promise.race([rl.question(question), closed]);
  } finally {
    rl.close();
  }
}

/** The question asked about a likely rename. */
export function renameQuestion(candidate: RenameCandidate): string {
  return candidate.kind === 'table'
    ? `rename table ${candidate.from} -> ${candidate.to}? [y/N] `
    : `rename ${candidate.table}.${candidate.from} -> ${candidate.table}.${candidate.to}? [y/N] `;
}

/**
 * A resolver that asks each likely rename with `ask`; `y` or `yes` accepts, anything else
 * (an empty line included) declines.
 *
 * @example
 * ```ts
 * const resolver = io.interactive ? promptRenameResolver((q) => io.ask(q)) : declineRenames;
 * ```
 */
export function promptRenameResolver(ask: (question: string) => Promise<string>): RenameResolver {
  return async (candidate) => /^\s*y(es)?\s*$/i.test(await ask(renameQuestion(candidate)));
}
