/**
 * Where the running retort's own entry module is, so that a migration's `import ... from 'retort'`
 * gets the very module instance the CLI or library is running, whether retort runs from its
 * TypeScript sources (`src/index.ts`, under tsx), from its bundle (`dist/bundle/retort.cjs`, what
 * the package's entry and bin/retort load) or from its per-module build (`dist/index.js`).
 */
import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The absolute path of the running entry module: the bundle itself when this code runs from it
 * (dist/bundle/retort.cjs, which exports the library as index.js does), else `../index.ts` when
 * this file runs as TypeScript, `../index.js` when built per module (the other is tried as a
 * fallback).
 *
 * @example
 * ```ts
 * retortEntryPath(); // '/app/node_modules/retort/dist/index.js'
 * ```
 */
export function retortEntryPath(): string {
  if (cached !== undefined) return cached;
  const here = fileURLToPath(import.meta.url);
  if (extname(here) === '.cjs') return (cached = here);
  const root = dirname(dirname(here));
  const own = extname(here) === '.ts' ? ['index.ts', 'index.js'] : ['index.js', 'index.ts'];
  const found = own.map((name) => join(root, name)).find((path) => existsSync(path));
  cached = found ?? join(root, own[0] ?? 'index.js');
  return cached;
}
