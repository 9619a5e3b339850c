import type { Dialect } from '../engine/dialect.js';
import type { IndexSnapshot, SchemaSnapshot, TableSnapshot } from '../schema/snapshot.js';
import { defaultText, typeText } from './json-document.js';

/**
 * A readable tree of a schema for `retort reflect`: one block per table with its columns aligned,
 * then its keys, constraints, indexes and triggers; enums, views (a materialized one with its
 * indexes), then PostgreSQL domains and
 * sequences (those no column owns), then functions, procedures and aggregates at the end.
 *
 * @example
 * ```ts
 * console.log(renderSchemaTree(await inspect(engine), engine.dialect).join('\n'));
 * ```
 */
export function renderSchemaTree(snapshot: SchemaSnapshot, dialect: Dialect): string[] {
  const lines: string[] = [];
  for (const table of snapshot.tables) {
    if (lines.length) lines.push('');
    lines.push(...renderTable(table, dialect));
  }
  if (snapshot.enums.length) {
    lines.push('');
    for (const e of snapshot.enums) lines.push(`enum ${qualified(e)} (${e.values.map((v) => `'${v}'`).join(', ')})`);
  }
  if (snapshot.views.length) {
    lines.push('');
    for (const v of snapshot.views) {
      if (v.materialized === undefined) {
        lines.push(`view ${qualified(v)}`);
        continue;
      }
      lines.push(`materialized view ${qualified(v)}${v.materialized.populated ? '' : ' (WITH NO DATA)'}`);
      for (const ix of v.materialized.indexes) lines.push(indexLine(ix));
    }
  }
  const virtualTables = snapshot.virtualTables ?? [];
  if (virtualTables.length) {
    lines.push('');
    for (const v of virtualTables) lines.push(`virtual table ${qualified(v)}${virtualUsing(v.definition)}`);
  }
  const domains = snapshot.domains ?? [];
  const sequences = snapshot.sequences ?? [];
  if (domains.length || sequences.length) {
    lines.push('');
    for (const d of domains) lines.push(`domain ${qualified(d)} AS ${d.definition}`);
    for (const s of sequences) lines.push(`sequence ${qualified(s)} ${s.definition}`);
  }
  const routines = snapshot.routines ?? [];
  if (routines.length) {
    lines.push('');
    for (const r of routines) lines.push(`${r.kind} ${qualified(r)}(${r.arguments})${r.returns !== null ? ` RETURNS ${r.returns}` : ''}`);
  }
  return lines;
}

/** ` USING fts5(...)`: what follows the name in a CREATE VIRTUAL TABLE text (empty when it does not say). */
function virtualUsing(sql: string | null): string {
  const m = /\bUSING\s+([\s\S]*)$/i.exec(sql ?? '');
  return m ? ` USING ${m[1]!.replace(/\s+/g, ' ').trim()}` : '';
}

/**
 * What a CREATE TRIGGER does, in a few words: `BEFORE UPDATE ... EXECUTE FUNCTION f()` (timing
 * and events; the function a PostgreSQL trigger runs). Empty when the text does not say.
 */
function triggerSummary(sql: string): string {
  const oneLine = sql.replace(/\s+/g, ' ');
  const when = /\b(BEFORE|AFTER|INSTEAD OF) (.*?) ON /i.exec(oneLine);
  const runs = /\bEXECUTE (FUNCTION|PROCEDURE) (.*)$/i.exec(oneLine);
  return [when ? `${when[1]!.toUpperCase()} ${when[2]}` : '', runs ? `EXECUTE ${runs[1]!.toUpperCase()} ${runs[2]}` : ''].filter(Boolean).join(' ');
}

/** A one-line summary: `12 tables, 1 view, 2 enums` (then domains, sequences, triggers, functions, procedures and aggregates, when any). */
export function summarizeSchema(snapshot: SchemaSnapshot): string {
  const n = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  const parts = [n(snapshot.tables.length, 'table')];
  const materialized = snapshot.views.filter((v) => v.materialized !== undefined).length;
  if (snapshot.views.length > materialized) parts.push(n(snapshot.views.length - materialized, 'view'));
  if (materialized) parts.push(n(materialized, 'materialized view'));
  if (snapshot.virtualTables?.length) parts.push(n(snapshot.virtualTables.length, 'virtual table'));
  if (snapshot.enums.length) parts.push(n(snapshot.enums.length, 'enum'));
  if (snapshot.domains?.length) parts.push(n(snapshot.domains.length, 'domain'));
  if (snapshot.sequences?.length) parts.push(n(snapshot.sequences.length, 'sequence'));
  const triggers = snapshot.tables.reduce((sum, t) => sum + (t.triggers?.length ?? 0), 0);
  if (triggers) parts.push(n(triggers, 'trigger'));
  for (const kind of ['function', 'procedure', 'aggregate'] as const) {
    const count = snapshot.routines?.filter((r) => r.kind === kind).length ?? 0;
    if (count) parts.push(n(count, kind));
  }
  return parts.join(', ');
}

function qualified(o: { name: string; schema: string | null }): string {
  return o.schema ? `${o.schema}.${o.name}` : o.name;
}

function renderTable(table: TableSnapshot, dialect: Dialect): string[] {
  const options = [...(table.withoutRowid ? ['WITHOUT ROWID'] : []), ...(table.strict ? ['STRICT'] : []), ...(table.sqliteAutoincrement ? ['AUTOINCREMENT'] : []),
    ...(table.partitionBy !== undefined ? [`PARTITION BY ${table.partitionBy}`] : []),
    ...(table.inherits !== undefined ? [`INHERITS ${table.inherits.map((p) => qualified({ name: p.table, schema: p.schema })).join(', ')}`] : []),
    ...(table.collation !== undefined ? [`COLLATE ${table.collation}`] : []),
    ...(table.engine !== undefined ? [`ENGINE ${table.engine}`] : []),
    ...(table.rowFormat !== undefined ? [`ROW_FORMAT ${table.rowFormat}`] : []),
    ...(table.systemVersioning === true ? ['WITH SYSTEM VERSIONING'] : [])];
  const lines = [`table ${qualified(table)}${options.length > 0 ? ` (${options.join(', ')})` : ''}${table.comment ? `  -- ${table.comment}` : ''}`];
  const rows = table.columns.map((c) => {
    const flags: string[] = [];
    if (!c.nullable) flags.push('NOT NULL');
    const dflt = defaultText(c.default, dialect);
    if (dflt !== null) flags.push(`DEFAULT ${dflt}`);
    if (c.autoincrement) flags.push(c.identityAlways ? 'identity always' : 'autoincrement');
    if (c.computed) flags.push(`GENERATED (${c.computed.sql}) ${c.computed.stored ? 'STORED' : 'VIRTUAL'}`);
    if (c.collation !== undefined) flags.push(`COLLATE ${c.collation}`);
    if (c.onUpdate !== undefined) flags.push(`ON UPDATE ${c.onUpdate}`);
    const parents = (table.inherits ?? []).filter((p) => p.columns.includes(c.name)).map((p) => qualified({ name: p.table, schema: p.schema }));
    if (parents.length > 0) flags.push(`inherited from ${parents.join(', ')}`);
    if (c.invisible === true) flags.push('INVISIBLE');
    if (c.comment) flags.push(`-- ${c.comment}`);
    return [c.name, typeText(c.type, dialect), flags.join('  ')] as const;
  });
  const w0 = Math.max(0, ...rows.map((r) => r[0].length));
  const w1 = Math.max(0, ...rows.map((r) => r[1].length));
  for (const [name, type, flags] of rows) lines.push(`  ${name.padEnd(w0)}  ${flags ? type.padEnd(w1) : type}${flags ? `  ${flags}` : ''}`.trimEnd());
  const named = (name: string | null): string => (name ? `${name} ` : '');
  const conflict = (c: { readonly onConflict?: string }): string => (c.onConflict === undefined ? '' : ` ON CONFLICT ${c.onConflict}`);
  if (table.primaryKey) lines.push(`  PRIMARY KEY ${named(table.primaryKey.name)}(${table.primaryKey.columns.join(', ')})${conflict(table.primaryKey)}`);
  for (const fk of table.foreignKeys) {
    const referred = qualified({ name: fk.referredTable, schema: fk.referredSchema });
    let line = `  FOREIGN KEY ${named(fk.name)}(${fk.columns.join(', ')}) -> ${referred} (${fk.referredColumns.join(', ')})`;
    if (fk.onDelete) line += ` ON DELETE ${fk.onDelete}`;
    if (fk.onUpdate) line += ` ON UPDATE ${fk.onUpdate}`;
    if (fk.deferrable) line += fk.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
    lines.push(line);
  }
  for (const u of table.uniques) lines.push(`  UNIQUE ${named(u.name)}(${u.columns.join(', ')})${conflict(u)}`);
  for (const c of table.checks) lines.push(`  CHECK ${named(c.name)}(${c.expression})`);
  for (const x of table.exclusions ?? []) lines.push(`  EXCLUDE ${x.name} ${x.sql.slice(x.sql.indexOf(' EXCLUDE ') + ' EXCLUDE '.length)}`);
  for (const ix of table.indexes) lines.push(indexLine(ix));
  for (const t of table.triggers ?? []) lines.push(`  TRIGGER ${t.name} ${triggerSummary(t.sql)}`.trimEnd());
  for (const x of table.partitions ?? []) lines.push(`  PARTITION ${x.name} ${x.sql.slice(x.sql.indexOf(' PARTITION OF ') + ' PARTITION OF '.length).replace(/^\S+ /, '')}`);
  return lines;
}

/** `  UNIQUE INDEX name (a, b) USING gin INCLUDE (c) WHERE ...`: an index of a table or a materialized view. */
function indexLine(ix: IndexSnapshot): string {
  const elements = ix.expressions ? ix.expressions.join(', ') : ix.columns.join(', ');
  let line = `  ${ix.unique ? 'UNIQUE INDEX' : 'INDEX'} ${ix.name} (${elements})`;
  if (ix.method) line += ` USING ${ix.method}`;
  if (ix.include) line += ` INCLUDE (${ix.include.join(', ')})`;
  if (ix.nullsNotDistinct) line += ' NULLS NOT DISTINCT';
  if (ix.where) line += ` WHERE ${ix.where}`;
  return line;
}
