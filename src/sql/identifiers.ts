/** Quoting identifiers: the one place every layer (dialects, schema targets, autogenerate's warnings) writes a quoted name with. */

/** A function that quotes an identifier with `quote`, doubling the quote inside the name. */
export function identifierQuoter(quote: '"' | '`'): (name: string) => string {
  const doubled = quote + quote;
  return (name) => quote + name.split(quote).join(doubled) + quote;
}

/** A name in double quotes (PostgreSQL, SQLite, standard SQL): `"Film ""A"""`. */
export const doubleQuote = identifierQuoter('"');

/** A name in backticks (MySQL / MariaDB). */
export const backQuote = identifierQuoter('`');
