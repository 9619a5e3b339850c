import type { Row } from '../../engine/types.js';
import { int, text, textOrNull } from './catalog-values.js';
import type { TableDraft } from './introspector-draft.js';
import { isLargeObjectType } from './default-sql.js';
import { mysqlQuoteIdentifier } from './quoting.js';

interface KeyPart {
  readonly seq: number;
  readonly column: string | null;
  readonly subPart: number | null;
  readonly descending: boolean;
  readonly expression: string | null;
}

interface IndexGroup {
  readonly table: TableDraft;
  readonly name: string;
  readonly unique: boolean;
  readonly type: string;
  readonly parts: KeyPart[];
}

/** Index methods that are the default (`null` in the snapshot). */
const DEFAULT_METHOD = 'BTREE';

/**
 * Turns the STATISTICS rows into each table's primary key, unique constraints and indexes:
 * `PRIMARY` is the primary key (name null: MySQL names every primary key PRIMARY); a unique
 * index over plain columns is a unique constraint (MySQL has no other kind); everything else is
 * an index, InnoDB's own indexes for foreign keys included. Key parts with a prefix length,
 * descending order or an expression (MySQL 8) make the index an expression index whose elements
 * are `` `col`(10) ``, `` `col` DESC `` or the expression (a SPATIAL index's SUB_PART, the size of
 * its bounding box, is not a prefix). Method: null for BTREE, else the
 * INDEX_TYPE in lower case (`fulltext`, `spatial`, `hash`).
 */
export function addIndexes(rows: readonly Row[], tables: ReadonlyMap<string, TableDraft>): void {
  const groups = new Map<string, IndexGroup>();
  for (const row of rows) {
    const tableName = text(row, 'table_name');
    const table = tables.get(tableName);
    if (table === undefined) continue; // a view's or a filtered table's
    const name = text(row, 'index_name');
    const key = `${tableName}\u0000${name}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { table, name, unique: int(row, 'non_unique') === 0, type: text(row, 'index_type').toUpperCase(), parts: [] };
      groups.set(key, group);
    }
    // A SPATIAL index reports SUB_PART 32 (the bytes of an MBR), which is no prefix anyone wrote
    // and which CREATE INDEX refuses.
    const subPart = row.sub_part === null || row.sub_part === undefined || group.type === 'SPATIAL' ? null : int(row, 'sub_part');
    group.parts.push({
      seq: int(row, 'seq_in_index'),
      column: textOrNull(row, 'column_name'),
      subPart,
      descending: text(row, 'collation') === 'D',
      expression: textOrNull(row, 'expression'),
    });
  }
  for (const group of groups.values()) addIndex(group);
}

function addIndex(group: IndexGroup): void {
  const parts = group.parts;
  if (parts.length > 1) parts.sort((a, b) => a.seq - b.seq);
  const { table, name } = group;
  if (name === 'PRIMARY') {
    table.primaryKey = { name: null, columns: parts.map((p) => p.column ?? '') };
    return;
  }
  const plain = parts.every((p) => p.column !== null && p.subPart === null && !p.descending);
  const method = group.type === DEFAULT_METHOD || group.type === '' ? null : group.type.toLowerCase();
  if (plain && group.unique && (method === null || (method === 'hash' && isLongUnique(table, parts)))) {
    table.uniques.push({ name, columns: parts.map((p) => p.column!) });
    return;
  }
  table.indexes.push({
    name,
    columns: parts.filter((p) => p.column !== null && p.subPart === null && !p.descending).map((p) => p.column!),
    expressions: plain ? null : parts.map(elementSql),
    unique: group.unique,
    where: null,
    method,
  });
}

/** Bytes per character of the character sets, by the first part of a collation's name (others: 4). */
const CHARSET_BYTES: Readonly<Record<string, number>> = {
  latin1: 1, latin2: 1, latin5: 1, latin7: 1, ascii: 1, binary: 1, cp1250: 1, cp1251: 1, cp1256: 1, cp1257: 1, cp850: 1, cp852: 1,
  cp866: 1, greek: 1, hebrew: 1, swe7: 1, koi8r: 1, koi8u: 1, armscii8: 1, geostd8: 1, hp8: 1, keybcs2: 1, macce: 1, macroman: 1, dec8: 1, tis620: 1,
  ucs2: 2, gbk: 2, big5: 2, sjis: 2, cp932: 2, euckr: 2, gb2312: 2, utf8: 3, utf8mb3: 3, ujis: 3, eucjpms: 3,
};

/** The longest key a BTREE index of the engine takes, in bytes (InnoDB with DYNAMIC rows: 3072; MyISAM: 1000). */
function maxKeyBytes(table: TableDraft): number {
  return table.engine?.toLowerCase() === 'myisam' ? 1000 : 3072;
}

/**
 * MariaDB enforces a UNIQUE constraint over BLOB / TEXT columns, or over strings longer than the
 * engine's longest key (a VARCHAR(1000) under utf8mb4: 4000 bytes), with a HASH index of its own
 * choosing ("long unique"): that is still a plain unique constraint.
 */
function isLongUnique(table: TableDraft, parts: readonly KeyPart[]): boolean {
  let bytes = 0;
  for (const p of parts) {
    const at = p.column === null ? undefined : table.columnIndex.get(p.column);
    if (at === undefined) continue;
    const column = table.columns[at]!.column;
    if (isLargeObjectType(column.type)) return true;
    if ((column.type.kind === 'string' || column.type.kind === 'char') && column.type.length !== null) {
      const collation = column.collation ?? table.collation ?? '';
      bytes += column.type.length * (CHARSET_BYTES[collation.split('_')[0]!.toLowerCase()] ?? 4);
    }
  }
  return bytes > maxKeyBytes(table);
}

function elementSql(part: KeyPart): string {
  const base = part.column === null ? (part.expression ?? '') : mysqlQuoteIdentifier(part.column);
  const prefix = part.subPart === null ? '' : `(${part.subPart})`;
  return `${base}${prefix}${part.descending ? ' DESC' : ''}`;
}
