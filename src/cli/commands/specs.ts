import type { CommandSpec } from '../command.js';

/** Every command of the `retort` executable, in the order `--help` lists them. */
export const commands: readonly CommandSpec[] = [
  {
    command: 'reflect',
    describe: 'print the schema of a database (tables, columns, keys, indexes, constraints, enums)',
    builder: (y) =>
      y
        .option('json', { type: 'boolean', describe: 'print the documented JSON document instead of a tree' })
        .option('schema', { type: 'string', describe: 'PostgreSQL schema or MySQL database (default: the connection\'s)' })
        .option('include', { type: 'string', array: true, describe: 'only these tables (comma-separated or repeated)' })
        .option('exclude', { type: 'string', array: true, describe: 'leave out these tables' }),
    load: () => import('./reflect.js'),
  },
  {
    command: 'diff',
    describe: 'compare two live databases of one dialect (exit 0 same, 1 different, 2 error)',
    builder: (y) =>
      y
        .option('from', { type: 'string', demandOption: true, describe: 'URL of the database to change' })
        .option('to', { type: 'string', demandOption: true, describe: 'URL of the database whose schema is wanted' })
        .option('sql', { type: 'boolean', describe: 'print the DDL that turns FROM into TO' })
        .option('schema', { type: 'string', describe: 'PostgreSQL schema to compare (default: each connection\'s)' })
        .option('include', { type: 'string', array: true, describe: 'only these tables' })
        .option('exclude', { type: 'string', array: true, describe: 'leave out these tables' }),
    errorExitCode: 2,
    load: () => import('./diff.js'),
  },
  {
    command: 'ping',
    describe: 'connect to the database and print the server version',
    builder: (y) => y,
    load: () => import('./ping.js'),
  },
];
