import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../errors/index.js';
import type { CliIO, GlobalArgs } from './io.js';

/**
 * The database URL a command should use: `--url`, else $DATABASE_URL, else the `url` of the
 * config file given with `--config` (loaded with jiti, so it may be TypeScript).
 */
export async function resolveDatabaseUrl(args: GlobalArgs, io: CliIO): Promise<string> {
  if (args.url) return args.url;
  if (io.env.DATABASE_URL) return io.env.DATABASE_URL;
  if (args.config) {
    const url = await readConfigUrl(args.config);
    if (url) return url;
    throw new ConfigError(`${args.config} has no "url"; pass --url or set DATABASE_URL`);
  }
  throw new ConfigError('no database URL: pass --url, set DATABASE_URL, or name a config file with --config');
}

async function readConfigUrl(path: string): Promise<string | undefined> {
  const file = resolve(path);
  const { createJiti } = await import('jiti');
  let loaded: unknown;
  try {
    loaded = await createJiti(pathToFileURL(file).href).import(file, { default: true });
  } catch (e) {
    throw new ConfigError(`cannot load config file ${path}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, { cause: e });
  }
  const url = typeof loaded === 'object' && loaded !== null ? (loaded as { url?: unknown }).url : undefined;
  if (url !== undefined && typeof url !== 'string') throw new ConfigError(`${path}: "url" must be a string`);
  return url;
}
