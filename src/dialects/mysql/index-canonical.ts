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

/** Bytes per character of a few character sets, by the first part of a collation's name. */
const CHARSET_BYTES: Readonly<Record<string, number>> = { latin1: 1, ascii: 1, binary: 1, ucs2: 2, utf8: 3, utf8mb3: 3, utf8mb4: 4, utf16: 4, utf32: 4 };

/** The most bytes a text column holds: its length in characters for VARCHAR / CHAR, else per TEXT kind; null for other types. */
function textColumn(table: TableSnapshot, name: string): { readonly chars: number | null; readonly bytes: number | null; readonly collation: string | undefined } | null {
  const column = table.columns.find((c) => c.name === name);
  const type = column?.type;
  if (type === undefined) return null;
  const collation = column!.collation ?? table.collation;
  if (type.kind === 'string' || type.kind === 'char') return { chars: type.length ?? null, bytes: null, collation };
  const bytes = type.kind === 'text' ? 65535 : type.kind === 'mediumtext' ? 16777215 : type.kind === 'longtext' ? 4294967295 : null;
  return bytes === null ? null : { chars: null, bytes, collation };
}

/**
 * True when `prefix` is the one MariaDB gives by itself to a key part of a plain (non-unique
 * BTREE) index on a column longer than the engine's longest key part (InnoDB 3072 bytes, MyISAM
 * 1000): it keeps the first 3072 / (bytes per character) characters (`` `email`(768) `` for a
 * VARCHAR(1000) under utf8mb4), with a note. The character set is the column's or its table's
 * when the snapshot says; else any of 1 to 4 bytes per character.
 */
function serverPrefix(table: TableSnapshot, index: IndexSnapshot, name: string, prefix: number): boolean {
  if (index.unique || (index.method !== null && index.method.toLowerCase() !== 'btree')) return false;
  const column = textColumn(table, name);
  if (column === null) return false;
  const limit = table.engine?.toLowerCase() === 'myisam' ? 1000 : 3072;
  const known = column.collation === undefined ? undefined : CHARSET_BYTES[column.collation.split('_')[0]!.toLowerCase()];
  return (known !== undefined ? [known] : [1, 2, 3, 4]).some((perChar) =>
    prefix === Math.floor(limit / perChar) && (column.bytes ?? (column.chars ?? 0) * perChar) > limit);
}

/**
 * An index of `table` as MySQL / MariaDB keep it: a key prefix at least as long as its column
 * (`` `code`(20) `` on a VARCHAR(20)) is the whole column, and so is the prefix MariaDB gives by
 * itself to a plain index on a column too long for a key (see {@link serverPrefix}); ASC is no
 * order, and an index whose elements are then all plain columns is a column index. The server
 * stores it that way (and turns a prefix index into a whole-column one when its column is
 * shortened to the prefix), so a model declaring the prefix, or the whole column, does not differ
 * from the database.
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
    if (p!.prefix === null) return p!;
    const length = columnLength(table, p!.column);
    return (length !== null && p!.prefix >= length) || serverPrefix(table, index, p!.column, p!.prefix) ? { ...p!, prefix: null } : p!;
  });
  if (whole.every((p) => p.prefix === null && !p.descending)) return { ...index, columns: whole.map((p) => p.column), expressions: null };
  const expressions = whole.map((p) => `${mysqlQuoteIdentifier(p.column)}${p.prefix === null ? '' : `(${p.prefix})`}${p.descending ? ' DESC' : ''}`);
  return { ...index, expressions };
}
