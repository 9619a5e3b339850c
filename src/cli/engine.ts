/**
 * Engines for the commands that talk to a database directly (reflect, diff, ping, check's
 * helpers): one pooled connection, a bounded wait for it, only the URL's dialect loaded. The
 * root entry is not imported, so these commands do not load the migration and autogenerate code.
 */
import { createEngineFor } from '../dialects/builtin.js';
import type { Engine } from '../engine/types.js';

export { dialectOfUrl } from '../dialects/builtin.js';

/**
 * An engine of one connection for a command.
 *
 * @example
 * ```ts
 * const engine = await commandEngine(url);
 * try { await engine.execute('SELECT 1'); } finally { await engine.dispose(); }
 * ```
 */
export function commandEngine(url: string): Promise<Engine> {
  return createEngineFor(url, { pool: { max: 1, acquireTimeoutMs: 15_000 } });
}
