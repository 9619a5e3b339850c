/**
 * Loading umzug's core cheaply. `umzug`'s entry, and even `umzug/lib/umzug.js`, require its CLI
 * module, which pulls in `@rushstack/ts-command-line` (about 70 ms of startup, measured), and
 * `tinyglobby` (about 6 ms), which umzug uses only for `migrations: { glob }`. retort uses
 * neither (it hands umzug a list, and never calls `runAsCLI` / `getCli`), so before requiring the
 * core this module puts stand-ins for both into the CommonJS cache: the core then loads in a few
 * milliseconds, and calling umzug's CLI or glob input would throw. umzug is loaded only when a
 * run has steps to execute.
 */
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import type { Umzug as UmzugClass } from 'umzug';

/** umzug's Umzug class. */
export type UmzugConstructor = typeof UmzugClass;

let loaded: UmzugConstructor | undefined;

class CliUnavailable {
  constructor() {
    throw new Error("umzug's CLI is not loaded by retort; use the retort CLI");
  }
}

function unavailable(what: string): () => never {
  return () => {
    throw new Error(`umzug's ${what} is not loaded by retort`);
  };
}

/** Puts a module with `exports` into the CommonJS cache at `path`, unless one is there. */
function stub(require: NodeJS.Require, path: string, exports: Record<string, unknown>): void {
  if (path in require.cache) return;
  const mod = new Module(path);
  mod.filename = path;
  mod.loaded = true;
  mod.exports = exports;
  require.cache[path] = mod;
}

/**
 * umzug's `Umzug` class, with its CLI and glob modules stubbed out (see the module comment).
 *
 * @example
 * ```ts
 * const Umzug = loadUmzug();
 * const umzug = new Umzug({ migrations, storage, logger: undefined });
 * ```
 */
export function loadUmzug(): UmzugConstructor {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const lib = dirname(require.resolve('umzug'));
  stub(require, join(lib, 'cli.js'), { UmzugCLI: CliUnavailable });
  stub(require, require.resolve('tinyglobby', { paths: [lib] }), { glob: unavailable('glob input') });
  const core = require(join(lib, 'umzug.js')) as { Umzug: UmzugConstructor };
  loaded = core.Umzug;
  return loaded;
}
