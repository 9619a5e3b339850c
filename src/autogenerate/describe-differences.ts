import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { Operation } from '../operations/operation.js';
import { effectiveConflict } from '../schema/conflict-clause.js';
import type { ColumnSnapshot, ConflictResolution, EnumSnapshot, SchemaSnapshot, TableSnapshot } from '../schema/snapshot.js';
import type { CompareDialect } from './compare-options.js';
import { describeDefault, describeIndexExtras } from './describe.js';
import { foreignKeyIdentity } from './comparators/foreign-keys.js';
import { actionKey, byText, collationKey, commentKey, expressionKey, methodKey, onUpdateKey } from './normalize.js';

/** One object that differs, as a unified diff from the database's definition to the models'. */
export interface ObjectDifference {
  readonly kind: 'table' | 'enum';
  /** The name in the models (the database's name for a table the models no longer have). */
  readonly name: string;
  /** A unified diff (`--- database: post` / `+++ models: post`). */
  readonly patch: string;
}

interface Labelled {
  readonly name: string | null;
  readonly key: string;
  readonly line: (label: string) => string;
}

/** Constraint lines, named unless the other side has the same definition without a name. */
function labelled(items: readonly Labelled[], other: readonly Labelled[]): string[] {
  const unnamedElsewhere = new Set(other.filter((o) => o.name === null).map((o) => o.key));
  return items.map((i) => i.line(i.name === null || unnamedElsewhere.has(i.key) ? '' : `${i.name} `)).sort(byText);
}

/**
 * How an expression is shown: as its side writes it; when the other side writes one with the same
 * canonical key (`lower((email)::text)` and `lower(email)`), in one spelling both sides share, so
 * that the diff shows only what compare sees as different.
 */
function shownExpression(d: CompareDialect, text: string, other: string | null | undefined): string {
  if (other === null || other === undefined || other === text || expressionKey(d, other) !== expressionKey(d, text)) return text;
  return other.length < text.length || (other.length === text.length && other < text) ? other : text;
}

function constraints(t: TableSnapshot, other: TableSnapshot | null, d: CompareDialect): Record<'pk' | 'fk' | 'uq' | 'ck', Labelled[]> {
  const withDeferral = d.capabilities.deferrableForeignKeys;
  const conflict = (c: { readonly onConflict?: ConflictResolution }): string => {
    const resolution = d.capabilities.conflictClauses ? effectiveConflict(c) : 'ABORT';
    return resolution === 'ABORT' ? '' : ` on conflict ${resolution.toLowerCase()}`;
  };
  return {
    pk: t.primaryKey === null ? [] : [{
      name: d.capabilities.namedPrimaryKeys ? t.primaryKey.name : null,
      key: t.primaryKey.columns.join(','),
      line: (l) => `primary key ${l}(${t.primaryKey?.columns.join(', ') ?? ''})${t.primaryKey ? conflict(t.primaryKey) : ''}`,
    }],
    fk: t.foreignKeys.map((fk) => ({
      name: fk.name,
      key: foreignKeyIdentity(fk),
      line: (l) => `foreign key ${l}(${fk.columns.join(', ')}) -> ${fk.referredTable} (${fk.referredColumns.join(', ')})`
        + ` on delete ${actionKey(d, fk.onDelete)} on update ${actionKey(d, fk.onUpdate)}`
        + (withDeferral && fk.deferrable ? ` deferrable${fk.initiallyDeferred ? ' initially deferred' : ''}` : ''),
    })),
    uq: t.uniques.map((u) => ({ name: u.name, key: u.columns.join(','), line: (l) => `unique ${l}(${u.columns.join(', ')})${conflict(u)}` })),
    ck: t.checks.map((c) => {
      const key = expressionKey(d, c.expression) ?? '';
      const same = other?.checks.find((o) => expressionKey(d, o.expression) === key)?.expression;
      return { name: c.name, key, line: (l) => `check ${l}(${shownExpression(d, c.expression, same)})` };
    }),
  };
}

/** The optional parts of a column as `retort diff` describes them (canonical spellings). */
function columnExtrasText(c: ColumnSnapshot, other: ColumnSnapshot | undefined, d: CompareDialect): string {
  let text = '';
  if (c.identityAlways && d.capabilities.identityKinds) text += ' ALWAYS';
  if (c.computed) text += ` GENERATED (${shownExpression(d, c.computed.sql, other?.computed?.sql)})${c.computed.stored || d.name === 'postgresql' ? ' STORED' : ' VIRTUAL'}`;
  if (c.collation !== undefined) text += ` COLLATE ${collationKey(d, c.collation) ?? 'default'}`;
  if (c.onUpdate !== undefined && d.capabilities.columnOnUpdate) text += ` ON UPDATE ${onUpdateKey(c.onUpdate)}`;
  if (c.invisible === true && d.capabilities.invisibleColumns) text += ' INVISIBLE';
  return text;
}

function tableLines(t: TableSnapshot | null, other: TableSnapshot | null, d: CompareDialect): string {
  if (t === null) return '';
  const lines = [`table ${t.name}`];
  for (const c of t.columns) {
    const dflt = d.normalizer.defaultValue(c.default, c);
    const comment = d.capabilities.comments ? commentKey(c.comment) : null;
    lines.push(`  column ${c.name} ${d.types.compile(c.type)}${c.nullable ? '' : ' NOT NULL'}${c.autoincrement ? ' AUTOINCREMENT' : ''}`
      + `${dflt === null ? '' : ` DEFAULT ${dflt}`}${comment === null ? '' : ` COMMENT ${describeDefault({ kind: 'literal', value: comment })}`}`
      + columnExtrasText(c, other?.columns.find((o) => o.name === c.name), d));
  }
  const mine = constraints(t, other, d);
  const theirs = other === null ? { pk: [], fk: [], uq: [], ck: [] } : constraints(other, t, d);
  for (const kind of ['pk', 'fk', 'uq', 'ck'] as const) for (const line of labelled(mine[kind], theirs[kind])) lines.push(`  ${line}`);
  for (const ix of [...t.indexes].sort((a, b) => byText(a.name, b.name))) {
    const same = other?.indexes.find((o) => o.name === ix.name);
    const elements = ix.expressions === null ? ix.columns : ix.expressions.map((e, k) => shownExpression(d, e, same?.expressions?.[k]));
    const where = d.capabilities.partialIndexes && ix.where !== null ? shownExpression(d, ix.where, same?.where) : null;
    const method = methodKey(ix.method);
    lines.push(`  ${ix.unique ? 'unique index' : 'index'} ${ix.name} (${elements.join(', ')})${method === null ? '' : ` using ${method}`}`
      + `${describeIndexExtras(ix)}${where === null ? '' : ` where ${where}`}`);
  }
  const comment = d.capabilities.comments ? commentKey(t.comment) : null;
  if (comment !== null) lines.push(`  comment ${describeDefault({ kind: 'literal', value: comment })}`);
  return `${lines.join('\n')}\n`;
}

function enumLines(e: EnumSnapshot | undefined): string {
  return e === undefined ? '' : `enum ${e.name}\n${e.values.map((v) => `  ${describeDefault({ kind: 'literal', value: v })}\n`).join('')}`;
}

function patch(name: string, from: string, to: string): string {
  return createTwoFilesPatch(`database: ${name}`, `models: ${name}`, from, to, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
}

/**
 * For `retort check`: each table or enum that `ops` change, as a unified diff of its definition in
 * the database and in the models (types compiled, defaults and expressions normalised, so only
 * real differences show). Tables renamed by `ops` are shown under their new name.
 *
 * @example
 * ```ts
 * for (const d of describeDifferences(target, current, ops, dialect)) console.log(d.patch);
 * // --- database: post
 * // +++ models: post
 * // @@ -1,3 +1,3 @@
 * //  table post
 * // -  column title VARCHAR(200) NOT NULL
 * // +  column title VARCHAR(300) NOT NULL
 * ```
 */
export function describeDifferences(target: SchemaSnapshot, current: SchemaSnapshot, ops: readonly Operation[], dialect: CompareDialect): ObjectDifference[] {
  const renamed = new Map<string, string>();
  for (const op of ops) if (op.kind === 'renameTable') renamed.set(op.from, op.to);
  const toTarget = (name: string): string => renamed.get(name) ?? name;
  const tables = new Set<string>();
  const enums = new Set<string>();
  for (const op of ops) {
    switch (op.kind) {
      case 'createTable': tables.add(op.table.name); break;
      case 'dropTable': tables.add(toTarget(op.name)); break;
      case 'renameTable': tables.add(op.to); break;
      case 'createEnum': enums.add(op.enum.name); break;
      case 'dropEnum': case 'addEnumValue': case 'dropEnumValue': enums.add(op.name); break;
      case 'execute': break;
      default: tables.add(toTarget(op.table));
    }
  }
  const fromName = new Map([...renamed].map(([from, to]) => [to, from]));
  const out: ObjectDifference[] = [];
  for (const name of [...enums].sort(byText)) {
    const from = enumLines(current.enums.find((e) => e.name === name));
    const to = enumLines(target.enums.find((e) => e.name === name));
    if (from !== to) out.push({ kind: 'enum', name, patch: patch(name, from, to) });
  }
  for (const name of [...tables].sort(byText)) {
    const t = target.tables.find((x) => x.name === name) ?? null;
    const c = current.tables.find((x) => x.name === (fromName.get(name) ?? name)) ?? null;
    const from = tableLines(c, t, dialect);
    const to = tableLines(t, c, dialect);
    if (from !== to) out.push({ kind: 'table', name, patch: patch(name, from, to) });
  }
  return out;
}
