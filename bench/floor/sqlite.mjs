#!/usr/bin/env node
// The floor of SQLite reflection for the benchmark: a bare Node process with better-sqlite3 only
// (no retort), reading the facts retort's SQLite introspector reads, with the same catalog queries
// (objects with their SQL, columns, index keys, foreign keys: sqlite_master joined with the pragma
// table-valued functions), grouping them per table, and reading from the CREATE texts what only
// they hold (constraint names, CHECK expressions, DEFERRABLE, WITHOUT ROWID; partial-index
// predicates and index expressions where the pragmas say there are some), with a lean scanner.
// Prints the result as JSON on stdout.  Usage: node bench/floor/sqlite.mjs sqlite:///path/to.db
import Database from 'better-sqlite3';

const url = process.argv[2];
if (!url) {
  process.stderr.write('usage: node bench/floor/sqlite.mjs sqlite:///file.db\n');
  process.exit(2);
}
const path = decodeURIComponent(url.replace(/^[a-z0-9+]+:\/\//i, '').replace(/^\//, ''));
const db = new Database(path, { readonly: true, fileMustExist: true });

const OWN = "NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
const TABLES = `m.type = 'table' AND m.name ${OWN} AND m.sql NOT LIKE 'CREATE VIRTUAL %'`;
// the shadow tables of virtual tables, read when there is a virtual table (left out below)
const shadow = new Set(db.prepare(`SELECT name FROM pragma_table_list WHERE EXISTS (SELECT 1 FROM sqlite_master
  WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL %') AND type = 'shadow'`).pluck().all());
const objects = db.prepare(`SELECT CASE WHEN m.type = 'table' AND m.sql LIKE 'CREATE VIRTUAL %' THEN 'virtual' ELSE m.type END AS type,
  m.name AS name, m.tbl_name AS tbl_name, m.sql AS sql FROM sqlite_master m
  WHERE m.type IN ('table', 'view', 'index') AND m.tbl_name ${OWN} AND m.sql IS NOT NULL`).all().filter((r) => !shadow.has(r.tbl_name));
const columns = db.prepare(`SELECT m.name AS table_name, p.cid AS cid, p.name AS name, p.type AS type, p."notnull" AS "notnull",
  p.dflt_value AS dflt_value, p.pk AS pk, p.hidden AS hidden FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p WHERE ${TABLES}
  ORDER BY m.name, p.cid`).all().filter((r) => !shadow.has(r.table_name));
const indexes = db.prepare(`SELECT m.name AS table_name, il.name AS index_name, il."unique" AS is_unique, il.origin AS origin,
  il.partial AS partial, ix.seqno AS seqno, ix.cid AS cid, ix.name AS column_name, ix."desc" AS is_desc, ix.coll AS coll
  FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_xinfo(il.name) ix WHERE ${TABLES}
  AND ix.key = 1 ORDER BY m.name, il.name, ix.seqno`).all().filter((r) => !shadow.has(r.table_name));
const foreignKeys = db.prepare(`SELECT m.name AS table_name, f.id AS id, f.seq AS seq, f."table" AS referred_table, f."from" AS from_column,
  coalesce(f."to", (SELECT t.name FROM pragma_table_info(f."table") t WHERE t.pk = f.seq + 1)) AS to_column,
  f.on_update AS on_update, f.on_delete AS on_delete FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE ${TABLES}
  ORDER BY m.name, f.id, f.seq`).all().filter((r) => !shadow.has(r.table_name));

// ---- a lean scanner of CREATE texts -------------------------------------------------------

/** Index past the closing quote of the run opening at i (doubled quotes escaped, [..] not). */
function quoted(text, i) {
  const close = text[i] === '[' ? ']' : text[i];
  let j = i + 1;
  for (;;) {
    const k = text.indexOf(close, j);
    if (k < 0) return text.length;
    if (close !== ']' && text[k + 1] === close) j = k + 2;
    else return k + 1;
  }
}

/** Top-level comma-separated parts of the first parenthesised group, and the offset after it. */
function parts(text, from = 0) {
  const out = [];
  const re = /[(),'"`[]|--|\/\*/g;
  re.lastIndex = from;
  let depth = 0;
  let start = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const c = m[0];
    if (c === '(') {
      if (depth++ === 0 && start < 0) start = m.index + 1;
    } else if (c === ')') {
      if (--depth === 0) {
        out.push(text.slice(start, m.index));
        return { parts: out, end: m.index + 1 };
      }
    } else if (c === ',') {
      if (depth === 1) {
        out.push(text.slice(start, m.index));
        start = m.index + 1;
      }
    } else if (c === '--') {
      const e = text.indexOf('\n', m.index);
      re.lastIndex = e < 0 ? text.length : e;
    } else if (c === '/*') {
      const e = text.indexOf('*/', m.index);
      re.lastIndex = e < 0 ? text.length : e + 2;
    } else re.lastIndex = quoted(text, m.index);
  }
  return { parts: out, end: text.length };
}

const unquote = (n) => (/^["`[]/.test(n) ? n.slice(1, -1).replace(/""/g, '"').replace(/``/g, '`') : n);
const ID = '("(?:[^"]|"")*"|`(?:[^`]|``)*`|\\[[^\\]]*\\]|[^\\s(),]+)';
/** CONSTRAINT name, the kind of constraint it names, and the first column of a table constraint's list. */
const NAME = new RegExp(`CONSTRAINT\\s+${ID}\\s+(PRIMARY|UNIQUE|CHECK|FOREIGN|REFERENCES|NOT|NULL|DEFAULT|COLLATE)(?:\\s+KEY)?(?:\\s*\\(\\s*${ID})?`, 'gi');
const CHECK = /\bCHECK\s*\(/gi;
const CHECK_NAME = new RegExp(`CONSTRAINT\\s+${ID}\\s+$`, 'i');
const DEFER = /\bDEFERRABLE\s+INITIALLY\s+DEFERRED\b/i;
const LEAD = /^\s*("(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]|\S+)/;

function readTable(sql) {
  const { parts: items, end } = parts(sql);
  const out = { names: [], checks: [], deferred: [], withoutRowid: /without\s+rowid/i.test(sql.slice(end)) };
  for (const item of items) {
    if (!/constraint|check|deferrable/i.test(item)) continue;
    const lead = unquote(LEAD.exec(item)?.[1] ?? '');
    for (const m of item.matchAll(NAME)) out.names.push([unquote(m[1]), m[2].toUpperCase(), m[3] ? unquote(m[3]) : lead]);
    for (const m of item.matchAll(CHECK)) {
      const p = parts(item, m.index + m[0].length - 1);
      const named = CHECK_NAME.exec(item.slice(0, m.index));
      out.checks.push({ name: named ? unquote(named[1]) : null, expression: item.slice(m.index + m[0].length, p.end - 1).trim() });
    }
    if (DEFER.test(item)) out.deferred.push(lead);
  }
  return out;
}

function readIndex(sql) {
  const on = sql.search(/\bON\b/i);
  const { parts: elements, end } = parts(sql, on);
  const where = /^\s*WHERE\s+([\s\S]*)$/i.exec(sql.slice(end));
  return { elements: elements.map((e) => e.trim()), where: where ? where[1].trim() : null };
}

// ---- grouping ---------------------------------------------------------------------------------

const tables = new Map();
const views = [];
const virtualTables = [];
const indexSql = new Map();
for (const o of objects) {
  if (o.type === 'table') tables.set(o.name, { name: o.name, text: readTable(o.sql), columns: [], indexes: new Map(), foreignKeys: new Map() });
  else if (o.type === 'view') views.push({ name: o.name, definition: o.sql.slice(o.sql.search(/\bAS\b/i) + 2).trim() });
  else if (o.type === 'virtual') virtualTables.push({ name: o.name, definition: o.sql });
  else indexSql.set(o.name, o.sql);
}
for (const c of columns) {
  if (c.hidden === 0) tables.get(c.table_name)?.columns.push({ name: c.name, type: c.type, notnull: c.notnull === 1, default: c.dflt_value, pk: c.pk });
}
for (const r of indexes) {
  const t = tables.get(r.table_name);
  if (!t) continue;
  let ix = t.indexes.get(r.index_name);
  if (!ix) t.indexes.set(r.index_name, (ix = { name: r.index_name, unique: r.is_unique === 1, origin: r.origin, partial: r.partial === 1, columns: [], special: false }));
  ix.columns.push(r.column_name);
  if (r.cid < 0 || r.is_desc === 1 || (r.coll !== null && r.coll !== 'BINARY')) ix.special = true;
}
for (const r of foreignKeys) {
  const t = tables.get(r.table_name);
  if (!t) continue;
  let fk = t.foreignKeys.get(r.id);
  if (!fk) t.foreignKeys.set(r.id, (fk = { columns: [], referredTable: r.referred_table, referredColumns: [], onDelete: r.on_delete, onUpdate: r.on_update }));
  fk.columns.push(r.from_column);
  fk.referredColumns.push(r.to_column);
}

const result = [];
for (const t of [...tables.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
  const key = t.columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const keyIndex = [...t.indexes.values()].some((ix) => ix.origin === 'pk');
  const rowid = key.length === 1 && !keyIndex && !t.text.withoutRowid && key[0].type.toUpperCase() === 'INTEGER' ? key[0].name : null;
  result.push({
    name: t.name,
    columns: t.columns.map((c) => ({ ...c, autoincrement: c.name === rowid })),
    primaryKey: key.length ? { name: t.text.names.find((n) => n[1] === 'PRIMARY')?.[0] ?? null, columns: key.map((c) => c.name) } : null,
    foreignKeys: [...t.foreignKeys.values()].map((fk) => ({
      ...fk,
      name: t.text.names.find((n) => (n[1] === 'FOREIGN' || n[1] === 'REFERENCES') && n[2] === fk.columns[0])?.[0] ?? null,
      deferred: t.text.deferred.includes(fk.columns[0]),
    })),
    uniques: [...t.indexes.values()].filter((ix) => ix.origin === 'u')
      .map((ix) => ({ name: t.text.names.find((n) => n[1] === 'UNIQUE' && n[2] === ix.columns[0])?.[0] ?? null, columns: ix.columns })),
    checks: t.text.checks,
    indexes: [...t.indexes.values()].filter((ix) => ix.origin === 'c').map((ix) => {
      if (!ix.special && !ix.partial) return { name: ix.name, unique: ix.unique, columns: ix.columns };
      const text = readIndex(indexSql.get(ix.name) ?? '');
      return { name: ix.name, unique: ix.unique, columns: ix.columns, expressions: text.elements, where: text.where };
    }),
  });
}
process.stdout.write(`${JSON.stringify({ tables: result, views, virtualTables })}\n`);
db.close();
