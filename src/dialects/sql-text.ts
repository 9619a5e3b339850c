import { OperationError } from '../errors/index.js';
import { rewritePlaceholders } from '../sql/placeholders.js';

export interface LiteralStyle {
  readonly dialect: string;
  /** How the dialect writes true and false. */
  readonly booleans: readonly [string, string];
  /** Backslash is an escape character inside string literals (MySQL by default). */
  readonly backslashEscapes: boolean;
}

/** A function that writes a value as an SQL literal in the given style. */
export function literalWriter(style: LiteralStyle): (value: string | number | boolean | bigint | null) => string {
  return (value) => {
    if (value === null) return 'NULL';
    switch (typeof value) {
      case 'boolean':
        return value ? style.booleans[0] : style.booleans[1];
      case 'bigint':
        return value.toString();
      case 'number':
        if (!Number.isFinite(value)) throw new OperationError(`${style.dialect}: ${value} cannot be written as an SQL literal`);
        return String(value);
      case 'string': {
        if (value.includes('\0')) throw new OperationError(`${style.dialect}: a string literal cannot contain a NUL character`);
        let text = value.replace(/'/g, "''");
        if (style.backslashEscapes) text = text.replace(/\\/g, '\\\\');
        return `'${text}'`;
      }
      default:
        throw new OperationError(`${style.dialect}: ${typeof value} cannot be written as an SQL literal`);
    }
  };
}

/**
 * `prepareSql` for drivers that take `?` themselves (mysql2, better-sqlite3). Only retort's `??`
 * (a literal `?`) needs rewriting, and the driver would read that `?` as a placeholder again, so
 * `??` is allowed in statements without parameters only (neither database has a `?` operator).
 */
export function questionMarkSql(dialect: string): (sql: string, paramCount: number) => string {
  const keep = (): string => '?';
  return (sql, paramCount) => {
    if (!sql.includes('??')) return sql;
    if (paramCount > 0) {
      throw new OperationError(`${dialect}: "??" (a literal "?") cannot be used in a statement that has parameters; inline the value instead`);
    }
    return rewritePlaceholders(sql, keep);
  };
}
