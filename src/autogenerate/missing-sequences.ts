import type { Operation } from '../operations/operation.js';
import type { SchemaSnapshot } from '../schema/snapshot.js';
import { columnsGiven, identifier, lastNamePart } from './columns-given.js';
import type { CompareWarning } from './compare-options.js';

/** `nextval('name'...)` in a default: the sequence's name as written (maybe schema-qualified, maybe quoted). */
const NEXTVAL = /\bnextval\s*\(\s*'((?:[^']|'')+)'/i;
/** MariaDB: `nextval(name)` or `NEXT VALUE FOR name`, the name bare or in backticks, maybe qualified with its database. */
const BACKTICK_PART = '(?:`(?:[^`]|``)+`|[A-Za-z0-9_$]+)';
const MARIADB_NEXTVAL = new RegExp(`(?:\\bnextval\\s*\\(\\s*|\\bnext\\s+value\\s+for\\s+)(${BACKTICK_PART}(?:\\s*\\.\\s*${BACKTICK_PART})?)`, 'i');

/** A sequence a default calls: as written in the default, and its bare name (null: of another schema, not listed). */
interface CalledSequence {
  readonly written: string;
  readonly name: string | null;
  /** How the warning shows the call and the statement. */
  readonly call: string;
}

function calledSequence(sql: string, schema: string | null): CalledSequence | undefined {
  const pg = NEXTVAL.exec(sql)?.[1]?.replaceAll("''", "'");
  if (pg !== undefined) return { written: pg, name: ownSchema(pg, schema) ? lastNamePart(pg) : null, call: `nextval('${pg}')` };
  const maria = MARIADB_NEXTVAL.exec(sql)?.[1];
  if (maria === undefined) return undefined;
  const parts = (maria.match(new RegExp(BACKTICK_PART, 'g')) ?? []).map((p) => (p.startsWith('`') ? p.slice(1, -1).replaceAll('``', '`') : p));
  // a qualified one names its database: listed only when it is the database read
  const own = parts.length === 1 || (schema !== null && parts[0] === schema);
  return { written: maria, name: own ? parts[parts.length - 1]! : null, call: `nextval(${maria})` };
}

/**
 * Warnings for the columns an op creates, or gives a default, whose default calls `nextval()` of
 * a sequence the database does not have: models from `MetaData.reflect` of a PostgreSQL database
 * whose sequences no column owns carry such defaults, and the upgrade onto a database without
 * them fails ("relation ... does not exist"). retort does not manage sequences, so the warning (on
 * stderr and at the top of the migration) names the statement to run first. Only where reflection
 * lists sequences (PostgreSQL; MariaDB, whose defaults spell it `nextval(`seq`)` or `NEXT VALUE
 * FOR seq`); a sequence a column owns (a serial's) is that column's autoincrement, never a default.
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
  for (const { table, column, default: value } of columnsGiven(ops)) {
    const called = value?.kind === 'expression' ? calledSequence(value.sql, database.schema) : undefined;
    if (called === undefined || called.name === null || have.has(called.name)) continue;
    warnings.push({
      table,
      message: `column ${table}.${column}: its default calls ${called.call}, a sequence the database does not have; `
        + `retort does not manage sequences: create it first with op.execute (CREATE SEQUENCE ${called.written})`,
    });
  }
  return warnings;
}

/** False when `nextval()` names a sequence of another schema than the one read (its sequences are not listed). */
function ownSchema(written: string, schema: string | null): boolean {
  const qualifier = /^("(?:[^"]|"")+"|[^."]+)\./.exec(written)?.[1];
  return qualifier === undefined || identifier(qualifier) === (schema ?? 'public');
}
