import type { Row } from '../../engine/types.js';
import type { ForeignKeyAction } from '../../schema/snapshot.js';
import { int, text } from './catalog-values.js';
import type { TableDraft } from './introspector-draft.js';
import { mysqlQuoteIdentifier } from './quoting.js';

const JSON_TYPE = Object.freeze({ kind: 'json' as const });
/** The collation MariaDB gives JSON columns. */
const JSON_COLLATION = 'utf8mb4_bin';

const ACTIONS: ReadonlySet<string> = new Set<ForeignKeyAction>(['CASCADE', 'SET NULL', 'SET DEFAULT', 'RESTRICT', 'NO ACTION']);

function action(value: string): ForeignKeyAction | null {
  const v = value.toUpperCase();
  return ACTIONS.has(v) ? (v as ForeignKeyAction) : null;
}

interface FkGroup {
  readonly table: TableDraft;
  readonly name: string;
  readonly referredSchema: string;
  readonly referredTable: string;
  readonly parts: { readonly position: number; readonly column: string; readonly referred: string }[];
}

/**
 * Foreign keys from KEY_COLUMN_USAGE (columns in key order, referred table and columns) and
 * REFERENTIAL_CONSTRAINTS (ON DELETE / ON UPDATE, as the catalog spells them: MariaDB says
 * RESTRICT where none was given, MySQL 8 NO ACTION; the normalizer makes them one). The referred
 * schema is null when it is `schema`. MySQL has no deferrable foreign keys.
 */
export function addForeignKeys(columnRows: readonly Row[], ruleRows: readonly Row[], tables: ReadonlyMap<string, TableDraft>, schema: string): void {
  const rules = new Map<string, Row>();
  for (const row of ruleRows) rules.set(`${text(row, 'table_name')}\u0000${text(row, 'constraint_name')}`, row);
  const groups = new Map<string, FkGroup>();
  for (const row of columnRows) {
    const tableName = text(row, 'table_name');
    const table = tables.get(tableName);
    if (table === undefined) continue;
    const name = text(row, 'constraint_name');
    const key = `${tableName}\u0000${name}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { table, name, referredSchema: text(row, 'referenced_table_schema'), referredTable: text(row, 'referenced_table_name'), parts: [] };
      groups.set(key, group);
    }
    group.parts.push({ position: int(row, 'ordinal_position'), column: text(row, 'column_name'), referred: text(row, 'referenced_column_name') });
  }
  for (const [key, group] of groups) {
    const parts = group.parts;
    if (parts.length > 1) parts.sort((a, b) => a.position - b.position);
    const rule = rules.get(key);
    group.table.foreignKeys.push({
      name: group.name,
      columns: parts.map((p) => p.column),
      referredSchema: group.referredSchema === schema ? null : group.referredSchema,
      referredTable: group.referredTable,
      referredColumns: parts.map((p) => p.referred),
      onDelete: rule ? action(text(rule, 'delete_rule')) : null,
      onUpdate: rule ? action(text(rule, 'update_rule')) : null,
      deferrable: false,
      initiallyDeferred: false,
    });
  }
}

/**
 * CHECK constraints of MariaDB (rows with table_name, constraint_name, level, check_clause).
 * MariaDB stores a JSON column as LONGTEXT with a column-level `json_valid(`col`)` check named
 * after the column: such a column is reflected as `json` and its check left out.
 */
export function addMariadbChecks(rows: readonly Row[], tables: ReadonlyMap<string, TableDraft>): void {
  for (const row of rows) {
    const table = tables.get(text(row, 'table_name'));
    if (table === undefined) continue;
    const name = text(row, 'constraint_name');
    const clause = text(row, 'check_clause');
    if (text(row, 'level') === 'Column' && isJsonCheck(table, name, clause)) continue;
    table.checks.push({ name, expression: clause });
  }
}

/**
 * True (and the column made `json`) when the check is MariaDB's own for a JSON column. MariaDB's
 * JSON is LONGTEXT COLLATE utf8mb4_bin: that collation is the type's, not one the column declares.
 */
function isJsonCheck(table: TableDraft, name: string, clause: string): boolean {
  const at = table.columnIndex.get(name);
  if (at === undefined) return false;
  const entry = table.columns[at]!;
  if (entry.column.type.kind !== 'longtext' || clause !== `json_valid(${mysqlQuoteIdentifier(name)})`) return false;
  const { collation, ...column } = entry.column;
  entry.column = Object.freeze({ ...(collation === JSON_COLLATION ? column : entry.column), type: JSON_TYPE });
  return true;
}

/** CHECK constraints of MySQL 8: clauses by name (CHECK_CONSTRAINTS), tables by name (TABLE_CONSTRAINTS). */
export function addMysqlChecks(checkRows: readonly Row[], tableRows: readonly Row[], tables: ReadonlyMap<string, TableDraft>): void {
  const clauses = new Map<string, string>();
  for (const row of checkRows) clauses.set(text(row, 'constraint_name'), text(row, 'check_clause'));
  for (const row of tableRows) {
    const table = tables.get(text(row, 'table_name'));
    const name = text(row, 'constraint_name');
    const clause = clauses.get(name);
    if (table !== undefined && clause !== undefined) table.checks.push({ name, expression: clause });
  }
}
