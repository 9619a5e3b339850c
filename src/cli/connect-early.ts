/**
 * The migration files loaded while the database connects. The programmatic API (`current`,
 * `upgrade`) overlaps its connections with loading the files, but the commands load the files
 * themselves first (they print with them) and then hand them over, so without this the driver's
 * TCP and login round trips would start only after every file has loaded. The files start
 * loading at once, while the URL's dialect loads too.
 */
import type { Engine } from '../engine/types.js';
import { createEngineFor } from '../dialects/builtin.js';
import { prewarm } from '../migrations/api-context.js';
import { ScriptDirectory } from '../migrations/script-directory.js';

/** The scripts, and the engine whose connections opened meanwhile (the caller disposes it). */
export interface EarlyConnection {
  readonly engine: Engine;
  readonly scripts: ScriptDirectory;
}

/**
 * Creates the engine for `url` as the API would (default options), opens `connections`
 * connections and returns them to its pool while `directory` loads. Errors come in the API's
 * order: a file that does not load before a URL that does not parse; a failed connection
 * surfaces on first use, as with the API's own prewarm.
 *
 * @example
 * ```ts
 * const { engine, scripts } = await scriptsWhileConnecting(url, config.migrations, () => 1);
 * try { await current({ config, engine, scripts }); } finally { await engine.dispose(); }
 * ```
 */
export async function scriptsWhileConnecting(url: string, directory: string, connections: (engine: Engine) => number): Promise<EarlyConnection> {
  const loading = ScriptDirectory.load(directory);
  loading.catch(() => undefined); // awaited below, whatever happens to the engine meanwhile
  let engine: Engine;
  try {
    engine = await createEngineFor(url);
  } catch (e) {
    await loading;
    throw e;
  }
  try {
    let count: number;
    try {
      count = connections(engine);
    } catch {
      count = 1; // the API reports it (an unsupported lock) when it runs
    }
    const [scripts] = await Promise.all([loading, prewarm(engine, count)]);
    return { engine, scripts };
  } catch (e) {
    await engine.dispose();
    throw e;
  }
}
