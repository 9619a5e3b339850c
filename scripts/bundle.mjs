#!/usr/bin/env node
// Bundles the compiled library (dist/index.js) and CLI (dist/cli/main.js) into dist/bundle/ with
// esbuild: one ESM entry each, shared code in common chunks, lazily imported command modules in
// chunks of their own. Node 20 has no module compile cache, so a CLI made of ~300 small modules
// spends most of its start-up finding and compiling them; the bundle starts several times faster.
// The database drivers, jiti (TypeScript loading) and umzug stay external: they load from
// node_modules only when used. The package's "exports" and bin/retort point at the bundle; the
// per-module build in dist/ keeps the type declarations.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { index: 'dist/index.js', cli: 'dist/cli/main.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: ['pg', 'pg-native', 'mysql2', 'mysql2/*', 'better-sqlite3', 'jiti', 'umzug', 'umzug/*'],
  // bundled CommonJS dependencies (yargs' helpers, generic-pool) call require()
  banner: { js: "import { createRequire as __retortCreateRequire } from 'node:module'; const require = __retortCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
