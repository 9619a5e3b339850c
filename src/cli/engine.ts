/**
 * Engines for the commands that talk to a database directly (reflect, diff, ping, check's
 * helpers): the built-in dialects registered, one pooled connection, a bounded wait for it. The
 * root entry is not imported, so these commands do not load the migration and autogenerate code.
 */
import '../dialects/index.js';
import type { Dialect } from '../engine/dialect.js';
import { createEngine } from '../engine/engine.js';
import { getDialect } from '../engine/registry.js';
import type { Engine } from '../engine/types.js';
import { parseUrl } from '../engine/url.js';

/**
 * An engine of one connection for a command.
 *
 * @example
 * ```ts
 * const engine = commandEngine(url);
 * try { await engine.execute('SELECT 1'); } finally { await engine.dispose(); }
 * ```
 */
export function commandEngine(url: string): Engine {
  return createEngine(url, { pool: { max: 1, acquireTimeoutMs: 15_000 } });
}

/** The dialect a URL names, without connecting (UrlError / UnknownDialectError otherwise). */
export function dialectOfUrl(url: string): Dialect {
  return getDialect(parseUrl(url).dialect);
}
