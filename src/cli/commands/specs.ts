import type { Argv } from 'yargs';
import type { CommandSpec } from '../command.js';

/** `--migrations`: the folder of migration files, over the config's. */
const migrations = (y: Argv): Argv => y.option('migrations', { type: 'string', describe: 'migrations folder (default: from the config, ./migrations)' });
/** `--models`: the models module, over the config's. */
const models = (y: Argv): Argv => y.option('models', { type: 'string', describe: 'models module exporting `metadata` (default: from the config)' });
const json = (y: Argv): Argv => y.option('json', { type: 'boolean', describe: 'print JSON' });
const sql = (y: Argv): Argv => y.option('sql', { type: 'boolean', describe: 'print the SQL script instead of running it (nothing connects)' });

/** `--rename`, of autogenerate and diff. */
const renameOption = { type: 'string', array: true, describe: 'a rename to keep the data: table.old:new (column) or old:new (table); repeatable' } as const;

/** The options of commands that write a revision. */
function revisionOptions(y: Argv): Argv {
  return y
    .option('message', { alias: 'm', type: 'string', demandOption: true, describe: 'what the revision does' })
    .option('branch-label', { type: 'string', array: true, describe: 'branch label(s) of the new revision' })
    .option('depends-on', { type: 'string', array: true, describe: 'revision(s) that must run first, without being parents' });
}

/** The options of `revision` and `autogenerate`. */
function autogenerateOptions(y: Argv): Argv {
  return models(migrations(revisionOptions(y)))
    .option('rename', renameOption)
    .option('fail-on-destructive', { type: 'boolean', describe: 'exit 1 and write nothing when a change can lose data' })
    .option('allow-empty', { type: 'boolean', describe: 'write a revision even when nothing changed' })
    .option('head', { type: 'string', describe: 'the revision to build on (default: the head; another revision starts a branch; base: a new root)' });
}

/** Every command of the `retort` executable, in the order `--help` lists them. */
export const commands: readonly CommandSpec[] = [
  {
    command: 'init [dir]',
    describe: 'start a project: retort.config.ts, migrations/, src/models.ts',
    builder: (y) =>
      y
        .positional('dir', { type: 'string', describe: 'the project folder (default: the current one)' })
        .option('force', { type: 'boolean', describe: 'overwrite an existing retort.config.ts' }),
    load: () => import('./init.js'),
  },
  {
    command: 'revision',
    describe: 'write a new migration file (empty, or --autogenerate from the models)',
    builder: (y) => autogenerateOptions(y).option('autogenerate', { type: 'boolean', describe: 'compare the models with the database and write the changes' }),
    load: () => import('./revision.js'),
  },
  {
    command: 'autogenerate',
    describe: 'revision --autogenerate',
    builder: autogenerateOptions,
    load: () => import('./autogenerate.js'),
  },
  {
    command: 'upgrade [target]',
    describe: 'run migrations up to target (default head; from:to with --sql)',
    builder: (y) =>
      sql(migrations(y))
        .positional('target', { type: 'string', describe: 'head, heads, a revision, +N, label@head, ...' })
        .option('transaction', { choices: ['each', 'all'] as const, describe: 'one transaction per migration, or one for the run' }),
    load: async () => ({ run: (await import('./migrate.js')).runUpgrade }),
  },
  {
    command: 'downgrade <target>',
    describe: 'revert migrations down to target (-1, base, a revision, ...)',
    builder: (y) =>
      sql(migrations(y))
        .positional('target', { type: 'string', describe: '-1, -N, base, a revision, label@-1, ...' })
        .option('transaction', { choices: ['each', 'all'] as const, describe: 'one transaction per migration, or one for the run' }),
    load: async () => ({ run: (await import('./migrate.js')).runDowngrade }),
  },
  {
    command: 'current',
    describe: 'the revision(s) the database is at, and what is pending',
    builder: (y) => json(migrations(y)).option('verbose', { alias: 'v', type: 'boolean', describe: 'show files and pending migrations' }),
    load: () => import('./current.js'),
  },
  {
    command: 'history',
    describe: 'the revisions of the migration files, newest first',
    builder: (y) => json(migrations(y)).option('range', { alias: 'r', type: 'string', describe: 'lower:upper (e.g. base:head, a81c:)' }),
    load: () => import('./history.js'),
  },
  {
    command: 'heads',
    describe: 'the heads of the migration files',
    builder: (y) => json(migrations(y)),
    load: () => import('./heads.js'),
  },
  {
    command: 'branches',
    describe: 'the branch points of the migration files and their branches',
    builder: (y) => json(migrations(y)),
    load: () => import('./branches.js'),
  },
  {
    command: 'show <revision>',
    describe: 'one revision: parents, file, date, message, labels, dependencies',
    builder: (y) => json(migrations(y)).positional('revision', { type: 'string', describe: 'an id, a prefix, head, a label, ...' }),
    load: () => import('./show.js'),
  },
  {
    command: 'stamp <revision..>',
    describe: 'record revision(s) in the version table without running migrations',
    builder: (y) => sql(migrations(y)).positional('revision', { type: 'string', describe: 'head, base, a revision, ...' }),
    load: () => import('./stamp.js'),
  },
  {
    command: 'merge [revisions..]',
    describe: 'write a revision joining heads (default: all of them)',
    builder: (y) => migrations(revisionOptions(y)).positional('revisions', { type: 'string', describe: 'the heads to join' }),
    load: () => import('./merge.js'),
  },
  {
    command: 'check',
    describe: 'do the models match the database? (exit 0 yes, 1 no or not at head)',
    builder: (y) => json(models(migrations(y))),
    load: () => import('./check.js'),
  },
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
        .option('from', { type: 'string', describe: 'URL of the database to change (default: the configured database)' })
        .option('to', { type: 'string', demandOption: true, describe: 'URL of the database whose schema is wanted' })
        .option('sql', { type: 'boolean', describe: 'print the DDL that turns FROM into TO' })
        .option('schema', { type: 'string', describe: 'PostgreSQL schema to compare (default: each connection\'s)' })
        .option('include', { type: 'string', array: true, describe: 'only these tables' })
        .option('exclude', { type: 'string', array: true, describe: 'leave out these tables' })
        .option('rename', renameOption),
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
