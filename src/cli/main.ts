// The `retort` command line run from source (the tests run it under tsx); bin/retort runs the
// built bundle's entry instead, dist/bundle/cli.cjs (see scripts/bundle.mjs).
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2));
