/** What the warnings about objects a column needs (a sequence, a domain) share: the columns ops give values to, and names as PostgreSQL reads them. */
import type { Operation } from '../operations/operation.js';
import type { DefaultSpec } from '../schema/snapshot.js';
import type { TypeSpec } from '../schema/type-spec.js';

/** A column an op creates or changes, with the type and default it gives it (undefined: left as it is). */
export interface ColumnGiven {
  readonly table: string;
  readonly column: string;
  readonly type: TypeSpec | undefined;
  readonly default: DefaultSpec | null | undefined;
}

/**
 * Each column of a created table, each added column, and each altered column with its new type
 * and default, in the order of the ops.
 *
 * @example
 * ```ts
 * for (const c of columnsGiven(ops)) if (c.default?.kind === 'expression') check(c.table, c.column, c.default.sql);
 * ```
 */
export function columnsGiven(ops: readonly Operation[]): ColumnGiven[] {
  const out: ColumnGiven[] = [];
  for (const op of ops) {
    if (op.kind === 'createTable') {
      for (const c of op.table.columns) out.push({ table: op.table.name, column: c.name, type: c.type, default: c.default });
    } else if (op.kind === 'addColumn') {
      out.push({ table: op.table, column: op.column.name, type: op.column.type, default: op.column.default });
    } else if (op.kind === 'alterColumn') {
      out.push({ table: op.table, column: op.name, type: op.changes.type, default: op.changes.default });
    }
  }
  return out;
}

/** The last part of a PostgreSQL name as written (`public."Seq"` -> `Seq`, `Sales.Year` -> `year`): quoted as written, else folded to lower case. */
export function lastNamePart(written: string): string {
  const part = /(?:^|\.)("(?:[^"]|"")+"|[^."]+)$/.exec(written)?.[1] ?? written;
  return identifier(part);
}

/** One part of a name as PostgreSQL reads it: a quoted one as written, another folded to lower case. */
export function identifier(part: string): string {
  return part.startsWith('"') ? part.slice(1, -1).replaceAll('""', '"') : part.toLowerCase();
}
