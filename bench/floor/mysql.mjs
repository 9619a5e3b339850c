#!/usr/bin/env node
// The floor for reflecting a MySQL / MariaDB schema: a bare Node process with the raw mysql2
// driver (no retort), reading the same catalog facts as retort's introspector with the same
// separate information_schema queries (one per view, filtered by schema on the server, joined
// here in Maps), and printing them as JSON. Usage: node bench/floor/mysql.mjs mysql://root@127.0.0.1:3306/db
import mysql from 'mysql2/promise';

const url = new URL(process.argv[2] ?? 'mysql://root@127.0.0.1:3306/test');
const conn = await mysql.createConnection({
  host: url.hostname,
  port: Number(url.port || 3306),
  user: decodeURIComponent(url.username || 'root'),
  password: decodeURIComponent(url.password),
  database: decodeURIComponent(url.pathname.slice(1)),
  supportBigNumbers: true,
});
const rows = async (sql, params) => (await conn.query(sql, params))[0];

const [server] = await rows('SELECT VERSION() AS version, DATABASE() AS current_db,'
  + ' (SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()) AS schema_found,'
  + ' @@innodb_default_row_format AS default_row_format,'
  + ' (SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()) AS trigger_count,'
  + ' (SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()) AS routine_count');
const schema = server.current_db;
const mariadb = /mariadb/i.test(server.version);

const tables = new Map();
const views = [];
const sequences = [];
for (const r of await rows('SELECT TABLE_NAME AS table_name, TABLE_TYPE AS table_type, TABLE_COMMENT AS table_comment, CREATE_OPTIONS AS create_options'
  + ' FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', [schema])) {
  if (r.table_type === 'VIEW') views.push(r.table_name);
  else if (r.table_type === 'SEQUENCE') sequences.push(r.table_name);
  else tables.set(r.table_name, { name: r.table_name, comment: r.table_comment || null, rowFormat: /\brow_format=(\w+)/i.exec(r.create_options ?? '')?.[1] ?? null, columns: [], primaryKey: null, indexes: new Map(), foreignKeys: new Map(), checks: [] });
}
for (const r of await rows('SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name, ORDINAL_POSITION AS ordinal_position,'
  + ' COLUMN_TYPE AS column_type, IS_NULLABLE AS is_nullable, COLUMN_DEFAULT AS column_default, EXTRA AS extra,'
  + ' COLUMN_COMMENT AS column_comment FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?', [schema])) {
  const t = tables.get(r.table_name);
  if (!t) continue;
  t.columns.push({
    name: r.column_name, position: r.ordinal_position, type: r.column_type, nullable: r.is_nullable === 'YES',
    default: r.column_default === 'NULL' ? null : r.column_default, autoincrement: /auto_increment/i.test(r.extra), comment: r.column_comment || null,
  });
}
for (const r of await rows('SELECT TABLE_NAME AS table_name, INDEX_NAME AS index_name, NON_UNIQUE AS non_unique, SEQ_IN_INDEX AS seq_in_index,'
  + ' COLUMN_NAME AS column_name, SUB_PART AS sub_part, COLLATION AS collation, INDEX_TYPE AS index_type'
  + (mariadb ? '' : ', EXPRESSION AS expression') + ' FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?', [schema])) {
  const t = tables.get(r.table_name);
  if (!t) continue;
  let ix = t.indexes.get(r.index_name);
  if (!ix) t.indexes.set(r.index_name, (ix = { name: r.index_name, unique: Number(r.non_unique) === 0, method: r.index_type, parts: [] }));
  ix.parts.push({ seq: r.seq_in_index, column: r.column_name ?? r.expression, subPart: r.sub_part, desc: r.collation === 'D' });
}
for (const r of await rows('SELECT TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name, COLUMN_NAME AS column_name,'
  + ' ORDINAL_POSITION AS ordinal_position, REFERENCED_TABLE_SCHEMA AS referenced_table_schema, REFERENCED_TABLE_NAME AS referenced_table_name,'
  + ' REFERENCED_COLUMN_NAME AS referenced_column_name FROM information_schema.KEY_COLUMN_USAGE'
  + ' WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL', [schema])) {
  const t = tables.get(r.table_name);
  if (!t) continue;
  let fk = t.foreignKeys.get(r.constraint_name);
  if (!fk) {
    t.foreignKeys.set(r.constraint_name, (fk = {
      name: r.constraint_name, columns: [], referredSchema: r.referenced_table_schema === schema ? null : r.referenced_table_schema,
      referredTable: r.referenced_table_name, referredColumns: [], onDelete: null, onUpdate: null, positions: [],
    }));
  }
  fk.positions.push(r.ordinal_position);
  fk.columns.push(r.column_name);
  fk.referredColumns.push(r.referenced_column_name);
}
for (const r of await rows('SELECT TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name, UPDATE_RULE AS update_rule,'
  + ' DELETE_RULE AS delete_rule FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?', [schema])) {
  const fk = tables.get(r.table_name)?.foreignKeys.get(r.constraint_name);
  if (fk) {
    fk.onDelete = r.delete_rule;
    fk.onUpdate = r.update_rule;
  }
}
if (mariadb) {
  for (const r of await rows('SELECT TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name, LEVEL AS level, CHECK_CLAUSE AS check_clause'
    + ' FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?', [schema])) {
    tables.get(r.table_name)?.checks.push({ name: r.constraint_name, level: r.level, expression: r.check_clause });
  }
} else {
  const clauses = new Map();
  for (const r of await rows('SELECT CONSTRAINT_NAME AS constraint_name, CHECK_CLAUSE AS check_clause FROM information_schema.CHECK_CONSTRAINTS'
    + ' WHERE CONSTRAINT_SCHEMA = ?', [schema])) clauses.set(r.constraint_name, r.check_clause);
  for (const r of await rows("SELECT TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name FROM information_schema.TABLE_CONSTRAINTS"
    + " WHERE CONSTRAINT_SCHEMA = ? AND CONSTRAINT_TYPE = 'CHECK'", [schema])) {
    tables.get(r.table_name)?.checks.push({ name: r.constraint_name, expression: clauses.get(r.constraint_name) });
  }
}
const viewRows = views.length === 0 ? [] : await rows('SELECT TABLE_NAME AS table_name, VIEW_DEFINITION AS view_definition'
  + ' FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?', [schema]);
const triggerRows = Number(server.trigger_count) === 0 ? [] : await rows('SELECT EVENT_OBJECT_TABLE AS table_name, TRIGGER_NAME AS trigger_name,'
  + ' ACTION_TIMING AS action_timing, EVENT_MANIPULATION AS event_manipulation, ACTION_STATEMENT AS action_statement'
  + ' FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = ?', [schema]);
const routineRows = Number(server.routine_count) === 0 ? [] : await rows('SELECT ROUTINE_NAME AS routine_name, ROUTINE_TYPE AS routine_type,'
  + ' DTD_IDENTIFIER AS dtd_identifier, ROUTINE_DEFINITION AS routine_definition FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?', [schema]);
const parameterRows = routineRows.length === 0 ? [] : await rows('SELECT SPECIFIC_NAME AS specific_name, ORDINAL_POSITION AS ordinal_position,'
  + ' PARAMETER_MODE AS parameter_mode, PARAMETER_NAME AS parameter_name, DTD_IDENTIFIER AS dtd_identifier FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = ?', [schema]);
// MariaDB's sequences: each one's own row, in one UNION ALL (no information_schema view of them in 10.x)
const q = (name) => `\`${name.replaceAll('`', '``')}\``;
const sequenceRows = sequences.length === 0 ? [] : await rows(sequences.map((name) => 'SELECT ? AS sequence_name,'
  + ' CAST(start_value AS CHAR) AS start_value, CAST(minimum_value AS CHAR) AS minimum_value, CAST(maximum_value AS CHAR) AS maximum_value,'
  + ` CAST(increment AS CHAR) AS increment, CAST(cache_size AS CHAR) AS cache_size, cycle_option AS cycle_option FROM ${q(schema)}.${q(name)}`).join(' UNION ALL '), sequences);
await conn.end();

const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const out = [...tables.values()].sort(byName).map((t) => {
  t.columns.sort((a, b) => a.position - b.position);
  const indexes = [...t.indexes.values()].map((ix) => ({ ...ix, parts: ix.parts.sort((a, b) => a.seq - b.seq) }));
  return {
    ...t,
    primaryKey: indexes.find((ix) => ix.name === 'PRIMARY')?.parts.map((p) => p.column) ?? null,
    indexes: indexes.filter((ix) => ix.name !== 'PRIMARY').sort(byName),
    foreignKeys: [...t.foreignKeys.values()].sort(byName),
    checks: t.checks.sort(byName),
  };
});
process.stdout.write(JSON.stringify({ schema, tables: out, views: viewRows.map((v) => ({ name: v.table_name, definition: v.view_definition })), sequences: sequenceRows, triggers: triggerRows, routines: routineRows, parameters: parameterRows }));
