import type { Row } from '../../engine/types.js';
import type { RoutineSnapshot } from '../../schema/snapshot.js';
import { byCodePoint, int, text, textOrNull } from './catalog-values.js';
import type { TableDraft } from './introspector-draft.js';
import { mysqlLiteral, mysqlQuoteIdentifier as quoteIdentifier } from './quoting.js';

/**
 * Adds the rows of information_schema.TRIGGERS to their tables, each as the CREATE TRIGGER that
 * makes it (the catalog keeps its parts: timing, event, body).
 */
export function addTriggers(rows: readonly Row[], tables: ReadonlyMap<string, TableDraft>): void {
  for (const row of rows) {
    const table = tables.get(text(row, 'table_name'));
    if (table === undefined) continue;
    const name = text(row, 'trigger_name');
    const sql = `CREATE TRIGGER ${quoteIdentifier(name)} ${text(row, 'action_timing')} ${text(row, 'event_manipulation')} ON ${quoteIdentifier(table.name)}`
      + ` FOR EACH ${text(row, 'action_orientation') || 'ROW'} ${text(row, 'action_statement')}`;
    table.triggers.push({ name, sql });
  }
}

/**
 * The stored functions and procedures from information_schema.ROUTINES and PARAMETERS, by name,
 * each with the CREATE statement its parts make (a body the account may not read is `-- body not readable`).
 */
export function routinesFrom(routineRows: readonly Row[], parameterRows: readonly Row[], schema: string | null): RoutineSnapshot[] {
  // per routine: its parameters as listed (`IN p_min int`) and as declared (`IN \`p_min\` int`)
  const parameters = new Map<string, { listed: string[]; declared: string[] }>();
  for (const row of parameterRows) { // in order: the query sorts them
    if (int(row, 'ordinal_position') === 0) continue; // a function's result, which ROUTINES has too
    const key = `${text(row, 'routine_type')} ${text(row, 'specific_name')}`;
    const mode = text(row, 'routine_type') === 'PROCEDURE' ? `${text(row, 'parameter_mode') || 'IN'} ` : '';
    const list = parameters.get(key) ?? { listed: [], declared: [] };
    const name = text(row, 'parameter_name');
    list.listed.push(`${mode}${name} ${text(row, 'dtd_identifier')}`);
    list.declared.push(`${mode}${quoteIdentifier(name)} ${text(row, 'dtd_identifier')}`);
    parameters.set(key, list);
  }
  return routineRows.map((row) => {
    const type = text(row, 'routine_type');
    const name = text(row, 'routine_name');
    const args = parameters.get(`${type} ${name}`) ?? { listed: [], declared: [] };
    const returns = type === 'FUNCTION' ? textOrNull(row, 'dtd_identifier') : null;
    const characteristics = [
      ...(text(row, 'is_deterministic') === 'YES' ? ['DETERMINISTIC'] : []),
      ...(text(row, 'sql_data_access') && text(row, 'sql_data_access') !== 'CONTAINS SQL' ? [text(row, 'sql_data_access')] : []),
      ...(text(row, 'security_type') === 'INVOKER' ? ['SQL SECURITY INVOKER'] : []),
      ...(text(row, 'routine_comment') ? [`COMMENT ${mysqlLiteral(text(row, 'routine_comment'))}`] : []),
    ];
    const body = textOrNull(row, 'routine_definition') ?? '-- body not readable';
    const definition = `CREATE ${type} ${quoteIdentifier(name)}(${args.declared.join(', ')})${returns !== null ? ` RETURNS ${returns}` : ''}`
      + `${characteristics.map((c) => `\n  ${c}`).join('')}\n${body}`;
    return { name, schema, kind: type === 'PROCEDURE' ? 'procedure' as const : 'function' as const, arguments: args.listed.join(', '), returns, definition };
  }).sort((a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.kind, b.kind));
}
