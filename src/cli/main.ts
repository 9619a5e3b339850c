// The `retort` executable's entry (bin/retort imports the built copy of this file).
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2));
