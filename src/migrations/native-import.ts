/**
 * Node's own `import()` of a URL, in a module of its own. The built bundle keeps this module as a
 * file apart (dist/bundle/native-import.cjs, loaded by Node itself): the rest of the bundle is
 * compiled with a code cache by a script that has no dynamic-import callback (see
 * src/bundle-loader.ts), so a user's JavaScript migration, config or models module is imported
 * through here.
 *
 * @example
 * ```ts
 * const mod = await nativeImport(pathToFileURL('/app/migrations/0001_init.mjs').href);
 * ```
 */
export function nativeImport(url: string): Promise<unknown> {
  return import(url);
}
