import { SchemaError } from '../errors/index.js';

/** One statement with its `?` parameters. */
export interface ExistenceQuery {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * One bulk query per object kind that lists the names existing in a schema, for
 * `createAll({ checkFirst })` / `dropAll({ checkFirst })`. Each query returns one column labelled
 * `name`. Keyed by dialect name; `schema` null means the connection's current schema.
 */
export interface ExistenceQueries {
  tables(schema: string | null, quoteIdentifier: (name: string) => string): ExistenceQuery;
  /** Named enum types (dialects with named enums only). */
  enums?(schema: string | null): ExistenceQuery;
}

const postgresql: ExistenceQueries = {
  tables: (schema) => ({
    sql: 'SELECT c.relname AS name FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace'
      + ` WHERE c.relkind IN ('r', 'p') AND n.nspname = ${schema === null ? 'current_schema()' : '?'}`,
    params: schema === null ? [] : [schema],
  }),
  enums: (schema) => ({
    sql: 'SELECT t.typname AS name FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace'
      + ` WHERE t.typtype = 'e' AND n.nspname = ${schema === null ? 'current_schema()' : '?'}`,
    params: schema === null ? [] : [schema],
  }),
};

const mysql: ExistenceQueries = {
  tables: (schema) => ({
    sql: "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE'"
      + ` AND TABLE_SCHEMA = ${schema === null ? 'DATABASE()' : '?'}`,
    params: schema === null ? [] : [schema],
  }),
};

const sqlite: ExistenceQueries = {
  tables: (schema, quote) => ({
    sql: `SELECT name FROM ${schema === null ? '' : `${quote(schema)}.`}sqlite_master WHERE type = 'table'`,
    params: [],
  }),
};

const registry = new Map<string, ExistenceQueries>([
  ['postgresql', postgresql],
  ['mysql', mysql],
  ['sqlite', sqlite],
]);

/** Registers (or replaces) the existence queries of a dialect. */
export function registerExistenceQueries(dialect: string, queries: ExistenceQueries): void {
  registry.set(dialect, queries);
}

/** The existence queries of a dialect; throws when none are registered. */
export function existenceQueries(dialect: string): ExistenceQueries {
  const found = registry.get(dialect);
  if (!found) throw new SchemaError(`checkFirst: no existence queries are registered for dialect "${dialect}"`);
  return found;
}
