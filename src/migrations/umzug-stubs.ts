/**
 * What retort gives umzug's core in place of two of its dependencies: its CLI module, which pulls
 * in `@rushstack/ts-command-line` (about 70 ms of startup, measured), and `tinyglobby` (about
 * 6 ms), which umzug uses only for `migrations: { glob }`. retort uses neither (it hands umzug a
 * list, and never calls `runAsCLI` / `getCli`): calling umzug's CLI or glob input throws.
 * `./umzug-install-stubs.ts` puts them in place for Node's module loader; the CLI bundle binds
 * them at build time (scripts/bundle.mjs).
 */
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

/** The exports of umzug's `./cli` module. */
export const cliStub = { UmzugCLI: CliUnavailable };

/** The exports of `tinyglobby`. */
export const tinyglobbyStub = { glob: unavailable('glob input') };
