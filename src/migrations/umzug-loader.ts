/**
 * Loading umzug's core cheaply. `umzug`'s entry, and even `umzug/lib/umzug.js`, require its CLI
 * module, which pulls in `@rushstack/ts-command-line` (about 70 ms of startup, measured). retort
 * never uses umzug's CLI (`runAsCLI` / `getCli`), so before requiring the core this module puts a
 * stand-in for `umzug/lib/cli.js` into the CommonJS cache: the core loads in about 15 ms, and
 * calling umzug's CLI would throw. umzug is loaded only when a run has steps to execute.
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

/**
 * umzug's `Umzug` class, with its CLI module stubbed out (see the module comment).
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
  const cliPath = join(lib, 'cli.js');
  if (!(cliPath in require.cache)) {
    const stub = new Module(cliPath);
    stub.filename = cliPath;
    stub.loaded = true;
    stub.exports = { UmzugCLI: CliUnavailable };
    require.cache[cliPath] = stub;
  }
  const core = require(join(lib, 'umzug.js')) as { Umzug: UmzugConstructor };
  loaded = core.Umzug;
  return loaded;
}
