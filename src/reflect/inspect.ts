import type { IntrospectOptions } from '../engine/dialect.js';
import type { Engine, Executor } from '../engine/types.js';
import type { SchemaSnapshot, TableSnapshot } from '../schema/snapshot.js';

/**
 * Reads a live database's schema into the one schema model, in a constant number of catalog
 * queries whatever the number of tables. `include` / `exclude` filter by table name in the catalog
 * queries themselves.
 *
 * @example
 * ```ts
 * const schema = await inspect(engine, { exclude: ['retort_version'] });
 * for (const t of schema.tables) console.log(t.name, t.columns.length);
 * ```
 */
export async function inspect(source: Engine | Executor, options: IntrospectOptions = {}): Promise<SchemaSnapshot> {
  const { introspector } = source.dialect;
  if (isEngine(source)) return source.withConnection((conn) => introspector.introspect(conn, options));
  return introspector.introspect(source, options);
}

/** The one table `name` of a database, or undefined when it has none of that name. */
export async function inspectTable(source: Engine | Executor, name: string, options: { schema?: string | null } = {}): Promise<TableSnapshot | undefined> {
  const snapshot = await inspect(source, { ...options, include: [name] });
  return snapshot.tables.find((t) => t.name === name);
}

function isEngine(source: Engine | Executor): source is Engine {
  return typeof (source as Partial<Engine>).withConnection === 'function';
}
