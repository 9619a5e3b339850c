import { SchemaError } from '../errors/index.js';
import { backQuote, doubleQuote } from '../sql/identifiers.js';

/**
 * What `metadata.snapshot()` needs to know about the database it targets. A `Dialect` object
 * satisfies it; so does one of the names `postgresql`, `mysql`, `sqlite`.
 */
export interface SnapshotTarget {
  readonly name: string;
  readonly capabilities: {
    /** Longest identifier the database keeps; null for no limit. */
    readonly maxIdentifierLength: number | null;
    /** Enums are named types (PostgreSQL). Default: the name is `postgresql`. */
    readonly namedEnums?: boolean;
    /** Primary keys keep a chosen name (false on MySQL, where the snapshot's pk name is null). */
    readonly namedPrimaryKeys?: boolean;
    /** Constraints can be added with ALTER TABLE (false on SQLite). */
    readonly alterConstraints?: boolean;
    /** PRIMARY KEY and UNIQUE constraints take an ON CONFLICT clause (SQLite). Default: the name is `sqlite`. */
    readonly conflictClauses?: boolean;
    /**
     * A primary key column may take NULLs when not declared NOT NULL (SQLite, for a key that is not
     * the rowid: a legacy of its early versions). Default: the name is `sqlite`.
     */
    readonly nullablePrimaryKeys?: boolean;
  };
  /** Quotes an identifier (for the SQL of index expression elements). */
  quoteIdentifier?(name: string): string;
}

/** A target with every field known. */
export interface ResolvedTarget {
  readonly name: string;
  readonly maxIdentifierLength: number | null;
  readonly namedEnums: boolean;
  readonly namedPrimaryKeys: boolean;
  readonly alterConstraints: boolean;
  readonly conflictClauses: boolean;
  readonly nullablePrimaryKeys: boolean;
  readonly quoteIdentifier: (name: string) => string;
}


const KNOWN: Readonly<Record<string, ResolvedTarget>> = {
  postgresql: { name: 'postgresql', maxIdentifierLength: 63, namedEnums: true, namedPrimaryKeys: true, alterConstraints: true, conflictClauses: false, nullablePrimaryKeys: false, quoteIdentifier: doubleQuote },
  mysql: { name: 'mysql', maxIdentifierLength: 64, namedEnums: false, namedPrimaryKeys: false, alterConstraints: true, conflictClauses: false, nullablePrimaryKeys: false, quoteIdentifier: backQuote },
  sqlite: { name: 'sqlite', maxIdentifierLength: null, namedEnums: false, namedPrimaryKeys: true, alterConstraints: false, conflictClauses: true, nullablePrimaryKeys: true, quoteIdentifier: doubleQuote },
};

/** Fills in a target's optional fields from the built-in knowledge of the three dialects. */
export function resolveTarget(target: SnapshotTarget | string): ResolvedTarget {
  if (typeof target === 'string') {
    const known = KNOWN[target];
    if (!known) throw new SchemaError(`snapshot(): unknown dialect "${target}"; known: ${Object.keys(KNOWN).join(', ')}`);
    return known;
  }
  const base = KNOWN[target.name];
  const caps = target.capabilities;
  return {
    name: target.name,
    maxIdentifierLength: caps.maxIdentifierLength,
    namedEnums: caps.namedEnums ?? base?.namedEnums ?? false,
    namedPrimaryKeys: caps.namedPrimaryKeys ?? base?.namedPrimaryKeys ?? true,
    alterConstraints: caps.alterConstraints ?? base?.alterConstraints ?? true,
    conflictClauses: caps.conflictClauses ?? base?.conflictClauses ?? false,
    nullablePrimaryKeys: caps.nullablePrimaryKeys ?? base?.nullablePrimaryKeys ?? false,
    quoteIdentifier: target.quoteIdentifier ? (n) => (target.quoteIdentifier as (x: string) => string).call(target, n) : (base?.quoteIdentifier ?? doubleQuote),
  };
}
