import { ConfigError, UnknownDialectError } from '../errors/index.js';
import type { Dialect } from './dialect.js';

/** What the registry knows of a dialect before loading it: enough to parse its URLs. */
export type DialectInfo = Pick<Dialect, 'name' | 'aliases' | 'urlKind'>;

interface Entry {
  readonly info: DialectInfo;
  dialect: Dialect | null;
  readonly load: (() => Promise<Dialect>) | null;
  loading: Promise<Dialect> | null;
}

const entries: Entry[] = [];
const byName = new Map<string, Entry>();

const keysOf = (info: DialectInfo): string[] => [info.name, ...info.aliases].map((k) => k.toLowerCase());

const sameInfo = (a: DialectInfo, b: DialectInfo): boolean =>
  a.name === b.name && a.urlKind === b.urlKind && a.aliases.length === b.aliases.length && a.aliases.every((x, i) => x === b.aliases[i]);

function add(entry: Entry): void {
  const keys = keysOf(entry.info);
  for (const key of keys) {
    const taken = byName.get(key);
    if (taken) throw new ConfigError(`cannot register dialect "${entry.info.name}": "${key}" already belongs to dialect "${taken.info.name}"`);
  }
  entries.push(entry);
  for (const key of keys) byName.set(key, entry);
}

/**
 * Registers a dialect under its name and aliases (URL schemes). Registering the same object again
 * does nothing; another dialect under a taken name is a ConfigError.
 *
 * @example
 * ```ts
 * registerDialect(myDialect); // then parseUrl('mydb://...') and createEngine find it
 * ```
 */
export function registerDialect(dialect: Dialect): void {
  if (entries.some((e) => e.dialect === dialect)) return;
  const lazy = byName.get(dialect.name.toLowerCase());
  if (lazy && lazy.dialect === null && sameInfo(lazy.info, dialect)) {
    lazy.dialect = dialect; // the dialect a loader registered (below) stands for
    return;
  }
  add({ info: dialect, dialect, load: null, loading: null });
}

/**
 * Registers a dialect that is imported on first use (`loadDialect`): its URLs parse at once, but
 * `getDialect` and `createEngine` find it only once loaded. A loader under a name already
 * registered with the same name, aliases and URL kind does nothing (the built-in dialects'
 * loaders and their eager registration meet so); `registerDialect` of the dialect itself fills it.
 * The CLI registers the built-in dialects this way, so that a command loads only its URL's dialect.
 *
 * @example
 * ```ts
 * registerDialectLoader({ name: 'sqlite', aliases: ['sqlite3'], urlKind: 'file' }, async () => (await import('./sqlite/index.js')).sqliteDialect);
 * ```
 */
export function registerDialectLoader(info: DialectInfo, load: () => Promise<Dialect>): void {
  const taken = byName.get(info.name.toLowerCase());
  if (taken && sameInfo(taken.info, info)) return;
  add({ info: { name: info.name, aliases: [...info.aliases], urlKind: info.urlKind }, dialect: null, load, loading: null });
}

function entryOf(nameOrAlias: string): Entry {
  const entry = byName.get(nameOrAlias.toLowerCase());
  if (!entry) throw new UnknownDialectError(nameOrAlias, knownNames());
  return entry;
}

/**
 * The name, aliases and URL kind of the dialect registered under a name or alias, loaded or not.
 *
 * @throws UnknownDialectError listing the known dialects.
 * @example
 * ```ts
 * dialectInfo('postgres').name; // 'postgresql'
 * ```
 */
export function dialectInfo(nameOrAlias: string): DialectInfo {
  return entryOf(nameOrAlias).info;
}

/**
 * The dialect registered under a name or alias (case-insensitive).
 *
 * @throws UnknownDialectError listing the known dialects; ConfigError for a dialect registered
 *   with a loader and not loaded yet (`loadDialect` loads it).
 * @example
 * ```ts
 * getDialect('mariadb').name; // 'mysql'
 * ```
 */
export function getDialect(nameOrAlias: string): Dialect {
  const entry = entryOf(nameOrAlias);
  if (!entry.dialect) throw new ConfigError(`dialect "${entry.info.name}" is not loaded yet: await loadDialect("${nameOrAlias}") first`);
  return entry.dialect;
}

/**
 * The dialect registered under a name or alias, imported first if it was registered with a loader.
 *
 * @throws UnknownDialectError listing the known dialects.
 * @example
 * ```ts
 * const dialect = await loadDialect(parseUrl(url).dialect);
 * ```
 */
export async function loadDialect(nameOrAlias: string): Promise<Dialect> {
  const entry = entryOf(nameOrAlias);
  if (entry.dialect) return entry.dialect;
  entry.loading ??= entry.load!().then((dialect) => {
    if (!sameInfo(entry.info, dialect)) throw new ConfigError(`the loader of dialect "${entry.info.name}" gave dialect "${dialect.name}" (other name, aliases or URL kind)`);
    return dialect;
  });
  const dialect = await entry.loading;
  entry.dialect ??= dialect;
  return entry.dialect;
}

/**
 * Every registered dialect that is loaded, in registration order.
 *
 * @example
 * ```ts
 * listDialects().map((d) => d.name); // ['postgresql', 'mysql', 'sqlite']
 * ```
 */
export function listDialects(): readonly Dialect[] {
  return entries.flatMap((e) => (e.dialect ? [e.dialect] : []));
}

function knownNames(): string[] {
  return entries.map(({ info: d }) => (d.aliases.length ? `${d.name} (${d.aliases.join(', ')})` : d.name));
}
