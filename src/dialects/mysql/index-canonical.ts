import type { IndexSnapshot, TableSnapshot } from '../../schema/snapshot.js';
import { mysqlQuoteIdentifier } from './quoting.js';

/** A column key part: quoted or plain name, optional prefix length, optional order. */
const COLUMN_PART = /^(?:`((?:[^`]|``)+)`|([a-z_$][a-z0-9_$]*))(?:\s*\(\s*(\d+)\s*\))?(?:\s+(asc|desc))?$/i;

interface ColumnPart {
  readonly column: string;
  readonly prefix: number | null;
  readonly descending: boolean;
}

function columnPart(element: string): ColumnPart | null {
  const m = COLUMN_PART.exec(element.trim());
  if (!m) return null;
  return {
    column: m[1] !== undefined ? m[1].replace(/``/g, '`') : m[2]!,
    prefix: m[3] === undefined ? null : Number(m[3]),
    descending: (m[4] ?? '').toLowerCase() === 'desc',
  };
}

/** The length of a VARCHAR / CHAR / BINARY column of the table, else null. */
function columnLength(table: TableSnapshot, name: string): number | null {
  const column = table.columns.find((c) => c.name === name);
  const type = column?.type;
  if (type === undefined) return null;
  if (type.kind === 'string' || type.kind === 'char' || type.kind === 'binary') return type.length ?? null;
  return null;
}

/**
 * An index of `table` as MySQL / MariaDB keep it: a key prefix at least as long as its column
 * (`` `code`(20) `` on a VARCHAR(20)) is the whole column, ASC is no order, and an index whose
 * elements are then all plain columns is a column index. The server stores it that way (and turns
 * a prefix index into a whole-column one when its column is shortened to the prefix), so a model
 * declaring the prefix does not differ from the database.
 *
 * @example
 * ```ts
 * mysqlStoredIndex({ ...ix, columns: [], expressions: ['`code`(20)'] }, table); // columns ['code'], expressions null
 * ```
 */
export function mysqlStoredIndex(index: IndexSnapshot, table: TableSnapshot): IndexSnapshot {
  if (index.expressions === null) return index;
  const parts = index.expressions.map(columnPart);
  if (parts.some((p) => p === null)) return index;
  const whole = parts.map((p) => {
    const length = p!.prefix === null ? null : columnLength(table, p!.column);
    return length !== null && p!.prefix! >= length ? { ...p!, prefix: null } : p!;
  });
  if (whole.every((p) => p.prefix === null && !p.descending)) return { ...index, columns: whole.map((p) => p.column), expressions: null };
  const expressions = whole.map((p) => `${mysqlQuoteIdentifier(p.column)}${p.prefix === null ? '' : `(${p.prefix})`}${p.descending ? ' DESC' : ''}`);
  return { ...index, expressions };
}
