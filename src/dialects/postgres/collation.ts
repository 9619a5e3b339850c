import { identifierQuoter } from '../../sql/identifiers.js';

const quote = identifierQuoter('"');

/**
 * How a PostgreSQL collation is spelled in a snapshot, and so in models: a collation of
 * pg_catalog (all the built-in ones) by its bare name, as the catalog has it (`C`, `POSIX`,
 * `C.utf8`, `en-US-x-icu`, `default`), and a collation of any other schema as quoted SQL,
 * `"schema"."name"`. A bare name is one identifier, dots included; text that starts with a double
 * quote is SQL already quoted and is written as it is.
 *
 * @example
 * ```ts
 * collationSql('C');                // '"C"'
 * collationSql('C.utf8');           // '"C.utf8"'
 * collationSql('"public"."mine"');  // '"public"."mine"'
 * ```
 */
export function collationSql(collation: string): string {
  return collation.startsWith('"') ? collation : quote(collation);
}

/**
 * The snapshot spelling of a collation the catalog names (see {@link collationSql}): bare in
 * pg_catalog, quoted and qualified elsewhere.
 *
 * @example
 * ```ts
 * collationOf('C', 'pg_catalog');  // 'C'
 * collationOf('mine', 'public');   // '"public"."mine"'
 * ```
 */
export function collationOf(name: string, schema: string): string {
  return schema === 'pg_catalog' ? name : `${quote(schema)}.${quote(name)}`;
}

/** ` COLLATE "x"` for a column with a collation, else nothing. */
export function collateClause(collation: string | undefined): string {
  return collation === undefined ? '' : ` COLLATE ${collationSql(collation)}`;
}
