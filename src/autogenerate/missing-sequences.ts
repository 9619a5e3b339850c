import type { Operation } from '../operations/operation.js';
import type { ColumnSnapshot, DefaultSpec, SchemaSnapshot } from '../schema/snapshot.js';
import type { CompareWarning } from './compare-options.js';

/** `nextval('name'...)` in a default: the sequence's name as written (maybe schema-qualified, maybe quoted). */
const NEXTVAL = /\bnextval\s*\(\s*'((?:[^']|'')+)'/i;

/**
 * Warnings for the columns an op creates, or gives a default, whose default calls `nextval()` of
 * a sequence the database does not have: models from `MetaData.reflect` of a PostgreSQL database
 * whose sequences no column owns carry such defaults, and the upgrade onto a database without
 * them fails ("relation ... does not exist"). retort does not manage sequences, so the warning (on
 * stderr and at the top of the migration) names the statement to run first. Only where reflection
 * lists sequences (PostgreSQL); a sequence a column owns (a serial's) is that column's
 * autoincrement, never a default.
 *
 * @example
 * ```ts
 * // column actor.actor_id: its default calls nextval('actor_actor_id_seq'), a sequence the database
 * //   does not have; retort does not manage sequences: create it first with op.execute (CREATE SEQUENCE actor_actor_id_seq)
 * ```
 */
export function missingSequenceWarnings(ops: readonly Operation[], database: SchemaSnapshot): CompareWarning[] {
  if (database.sequences === undefined) return [];
  const have = new Set(database.sequences.map((s) => s.name));
  const warnings: CompareWarning[] = [];
  const check = (table: string, column: string, value: DefaultSpec | null | undefined): void => {
    const written = value?.kind === 'expression' ? NEXTVAL.exec(value.sql)?.[1]?.replaceAll("''", "'") : undefined;
    if (written === undefined || !ownSchema(written, database.schema) || have.has(sequenceName(written))) return;
    warnings.push({
      table,
      message: `column ${table}.${column}: its default calls nextval('${written}'), a sequence the database does not have; `
        + `retort does not manage sequences: create it first with op.execute (CREATE SEQUENCE ${written})`,
    });
  };
  const columns = (table: string, list: readonly ColumnSnapshot[]): void => {
    for (const c of list) check(table, c.name, c.default);
  };
  for (const op of ops) {
    if (op.kind === 'createTable') columns(op.table.name, op.table.columns);
    else if (op.kind === 'addColumn') columns(op.table, [op.column]);
    else if (op.kind === 'alterColumn') check(op.table, op.name, op.changes.default);
  }
  return warnings;
}

/** False when `nextval()` names a sequence of another schema than the one read (its sequences are not listed). */
function ownSchema(written: string, schema: string | null): boolean {
  const qualifier = /^("(?:[^"]|"")+"|[^."]+)\./.exec(written)?.[1];
  return qualifier === undefined || identifier(qualifier) === (schema ?? 'public');
}

/** The bare name of a sequence as `nextval()` names it: its schema and quotes dropped (`public."Seq"` -> `Seq`). */
function sequenceName(written: string): string {
  return identifier(/(?:^|\.)("(?:[^"]|"")+"|[^."]+)$/.exec(written)?.[1] ?? written);
}

/** One part of a name as PostgreSQL reads it: a quoted one as written, another folded to lower case. */
function identifier(part: string): string {
  return part.startsWith('"') ? part.slice(1, -1).replaceAll('""', '"') : part.toLowerCase();
}
