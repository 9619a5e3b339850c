/**
 * `retort init [dir] [--force]`: starts a project: `retort.config.ts`, the migrations folder and,
 * when there is none, a starter `src/models.ts` (an existing one is never touched). Refuses to
 * overwrite the config file unless `--force`.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import '../../dialects/builtin.js';
import { parseUrl } from '../../engine/url.js';
import { ConfigError } from '../../errors/index.js';
import type { CommandArgs } from '../command.js';
import { shownPath } from '../config.js';
import type { CliIO } from '../io.js';

/** The default database of a new project. */
export const DEFAULT_URL = 'sqlite:///app.db';

/**
 * The URL as the config file keeps it: checked (a bad URL or unknown dialect is refused before
 * anything is written), and without its password, which belongs in DATABASE_URL, not in a file
 * that goes into version control. `hadPassword` says one was left out.
 *
 * @example
 * ```ts
 * urlForConfig('postgresql://app:s3cret@db:5432/app'); // { url: 'postgresql://app@db:5432/app', hadPassword: true }
 * ```
 */
export function urlForConfig(text: string): { url: string; hadPassword: boolean } {
  if (!parseUrl(text).hasPassword) return { url: text, hadPassword: false };
  const u = new URL(text);
  u.password = '';
  return { url: u.toString(), hadPassword: true };
}

/** The text of a new `retort.config.ts`. */
export function configTemplate(url: string): string {
  return `import { defineConfig } from 'retort';

// DATABASE_URL and --url override "url"; paths are relative to this file.
export default defineConfig({
  url: ${JSON.stringify(url)},
  models: './src/models.ts',
  migrations: './migrations',
  versionTable: 'retort_version',
  transaction: 'each', // 'all': one transaction for the whole run
});
`;
}

/** The text of a starter `src/models.ts`. */
export const MODELS_TEMPLATE = `import { MetaData, Model } from 'retort';
// import { column, sql } from 'retort';

// retort compares the tables of this MetaData with the database (retort check) and writes the
// migration between them (retort revision --autogenerate -m "...").
export const metadata = new MetaData();
export const Base = Model.base(metadata);

// export class User extends Base.table({            // table "user"
//   id: column.integer().primaryKey(),
//   email: column.string(255).notNull().unique(),
//   displayName: column.string(100),                 // column "display_name"
//   createdAt: column.dateTime({ timezone: true }).notNull().serverDefault(sql\`CURRENT_TIMESTAMP\`),
// }) {}
`;

export async function run(args: CommandArgs, io: CliIO): Promise<number> {
  const dir = resolve(io.cwd, typeof args.dir === 'string' ? args.dir : '.');
  const force = args.force === true;
  const { url, hadPassword } = urlForConfig(typeof args.url === 'string' && args.url !== '' ? args.url : DEFAULT_URL);
  const configFile = join(dir, 'retort.config.ts');
  const modelsFile = join(dir, 'src', 'models.ts');
  const migrations = join(dir, 'migrations');
  if (!force && existsSync(configFile)) {
    throw new ConfigError(`${shownPath(configFile, io)} already exists; pass --force to overwrite it`);
  }
  await mkdir(migrations, { recursive: true });
  if (!existsSync(join(migrations, '.gitkeep'))) await writeFile(join(migrations, '.gitkeep'), '');
  await writeFile(configFile, configTemplate(url));
  io.out(`wrote ${shownPath(configFile, io)}`);
  if (hadPassword) io.out('note: the password of --url is not written there: set DATABASE_URL to the whole URL');
  io.out(`created ${shownPath(migrations, io)}/`);
  if (!existsSync(modelsFile)) {
    await mkdir(join(dir, 'src'), { recursive: true });
    await writeFile(modelsFile, MODELS_TEMPLATE);
    io.out(`wrote ${shownPath(modelsFile, io)}`);
  } else {
    io.out(`kept ${shownPath(modelsFile, io)} (already there)`);
  }
  io.out('next: declare models in src/models.ts, then retort revision --autogenerate -m "create tables"');
  return 0;
}
