/**
 * The built-in dialects, registered on import with loaders: their URLs parse at once, and each
 * dialect's code is imported by `loadDialect` when a URL first uses it. The CLI and the migration
 * API import this (a command loads only its URL's dialect); the root entry imports `./index.js`,
 * which registers the three dialects themselves in the same places.
 */
import type { Dialect } from '../engine/dialect.js';
import { createEngine } from '../engine/engine.js';
import { loadDialect, registerDialectLoader } from '../engine/registry.js';
import type { Engine, EngineOptions } from '../engine/types.js';
import { parseUrl } from '../engine/url.js';

registerDialectLoader({ name: 'postgresql', aliases: ['postgres'], urlKind: 'server' }, async () => (await import('./postgres/index.js')).postgresDialect);
registerDialectLoader({ name: 'mysql', aliases: ['mariadb'], urlKind: 'server' }, async () => (await import('./mysql/index.js')).mysqlDialect);
registerDialectLoader({ name: 'sqlite', aliases: ['sqlite3'], urlKind: 'file' }, async () => (await import('./sqlite/index.js')).sqliteDialect);

/**
 * The dialect a URL names, loaded (UrlError / UnknownDialectError for a bad URL; nothing connects).
 *
 * @example
 * ```ts
 * (await dialectOfUrl('mariadb://root@127.0.0.1/test')).name; // 'mysql'
 * ```
 */
export function dialectOfUrl(url: string): Promise<Dialect> {
  return loadDialect(parseUrl(url).dialect);
}

/**
 * `createEngine(url, options)` once the URL's dialect is loaded.
 *
 * @example
 * ```ts
 * const engine = await createEngineFor('sqlite:///app.db');
 * ```
 */
export async function createEngineFor(url: string, options?: EngineOptions): Promise<Engine> {
  const parsed = parseUrl(url);
  await loadDialect(parsed.dialect);
  return createEngine(parsed, options);
}
