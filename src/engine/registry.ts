import { ConfigError, UnknownDialectError } from '../errors/index.js';
import type { Dialect } from './dialect.js';

const dialects: Dialect[] = [];
const byName = new Map<string, Dialect>();

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
  if (dialects.includes(dialect)) return;
  const keys = [dialect.name, ...dialect.aliases].map((k) => k.toLowerCase());
  for (const key of keys) {
    const taken = byName.get(key);
    if (taken) throw new ConfigError(`cannot register dialect "${dialect.name}": "${key}" already belongs to dialect "${taken.name}"`);
  }
  dialects.push(dialect);
  for (const key of keys) byName.set(key, dialect);
}

/**
 * The dialect registered under a name or alias (case-insensitive).
 *
 * @throws UnknownDialectError listing the known dialects.
 * @example
 * ```ts
 * getDialect('mariadb').name; // 'mysql'
 * ```
 */
export function getDialect(nameOrAlias: string): Dialect {
  const dialect = byName.get(nameOrAlias.toLowerCase());
  if (!dialect) throw new UnknownDialectError(nameOrAlias, knownNames());
  return dialect;
}

/**
 * Every registered dialect, in registration order.
 *
 * @example
 * ```ts
 * listDialects().map((d) => d.name); // ['postgresql', 'mysql', 'sqlite']
 * ```
 */
export function listDialects(): readonly Dialect[] {
  return [...dialects];
}

function knownNames(): string[] {
  return dialects.flatMap((d) => (d.aliases.length ? [`${d.name} (${d.aliases.join(', ')})`] : [d.name]));
}
