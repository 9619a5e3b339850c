/**
 * Imported by `./umzug-core.ts` before umzug: puts the stand-ins of `./umzug-stubs.ts` into the
 * CommonJS cache where umzug's core requires its CLI module and `tinyglobby`, so that the core
 * loads in a few milliseconds. (The CLI bundle replaces this module with nothing: it binds the
 * stand-ins when it is built.)
 */
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { cliStub, tinyglobbyStub } from './umzug-stubs.js';

/** Puts a module with `exports` into the CommonJS cache at `path`, unless one is there. */
function stub(require: NodeJS.Require, path: string, exports: object): void {
  if (path in require.cache) return;
  const mod = new Module(path);
  mod.filename = path;
  mod.loaded = true;
  mod.exports = exports;
  require.cache[path] = mod;
}

const require = createRequire(import.meta.url);
const lib = dirname(require.resolve('umzug'));
stub(require, join(lib, 'cli.js'), cliStub);
stub(require, require.resolve('tinyglobby', { paths: [lib] }), tinyglobbyStub);
