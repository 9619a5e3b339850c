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
    command: 'ping',
    describe: 'connect to the database and print the server version',
    builder: (y) => y,
    load: () => import('./ping.js'),
  },
];
