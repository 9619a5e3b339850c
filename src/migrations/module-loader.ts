/**
 * Loads configuration and migration modules at run time, without a build step: `.js` / `.mjs`
 * natively with `import()`, TypeScript with jiti (loaded lazily, on the first `.ts` file, through
 * `require` because that costs about half of jiti's ESM entry). Modules loaded through jiti that
 * import `retort` receive the running retort's own module instance.
 */
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nativeImport } from './native-import.js';
import { retortEntryPath } from './retort-entry.js';

/** The exports of a loaded module. */
export type ModuleExports = Readonly<Record<string, unknown>>;

interface Jiti {
  import(id: string): Promise<unknown>;
}

type CreateJiti = (id: string, options: Record<string, unknown>) => Jiti;

const TYPESCRIPT = new Set(['.ts', '.mts', '.cts']);

let jiti: Promise<Jiti> | undefined;

/**
 * The jiti instance shared by every TypeScript load: fs cache on, and `retort` mapped to the
 * running entry module, so migrations get the same instance, and only when one imports `retort`
 * at run time (type-only imports are erased). A built entry is given as an alias: jiti imports
 * the per-module build's ESM `dist/index.js` natively, and finds the bundle's
 * `dist/bundle/retort.cjs` in Node's require cache, where the CLI or the package's entry loaded
 * it (without starting Node's ES module loader for it). An entry in TypeScript (retort running
 * from source, under tsx) would be transformed and evaluated a second time by jiti, so its
 * already-loaded namespace is handed over as a virtual module instead.
 */
async function getJiti(): Promise<Jiti> {
  jiti ??= (async () => {
    const entry = retortEntryPath();
    const virtual = isTypeScriptFile(entry) ? { virtualModules: { retort: await nativeImport(pathToFileURL(entry).href) } } : {};
    const require = createRequire(import.meta.url);
    const { createJiti } = require('jiti') as { createJiti: CreateJiti };
    return createJiti(import.meta.url, { fsCache: true, interopDefault: false, alias: { retort: entry }, ...virtual });
  })();
  return jiti;
}

/** True for the file extensions {@link loadModule} loads through jiti. */
export function isTypeScriptFile(path: string): boolean {
  return TYPESCRIPT.has(extname(path)) && !path.endsWith('.d.ts');
}

/**
 * Loads a module by absolute path and returns its exports. Errors are the module's own
 * (a syntax error, a failed import); callers wrap them with the file name.
 *
 * @example
 * ```ts
 * const mod = await loadModule('/app/migrations/2026_11_21_1015-a81c0e5f22d9_add_post_summary.ts');
 * mod.revision; // 'a81c0e5f22d9'
 * ```
 */
export async function loadModule(path: string): Promise<ModuleExports> {
  if (isTypeScriptFile(path)) {
    const loaded = await (await getJiti()).import(path);
    return (loaded ?? {}) as ModuleExports;
  }
  return (await nativeImport(pathToFileURL(path).href)) as ModuleExports;
}
