import type { DefinedObjectSnapshot, SchemaSnapshot } from '../../schema/snapshot.js';
import type { SchemaComparator } from '../comparator.js';

/** A definition compared without case and spaces, as the views' are. */
function definitionKey(object: DefinedObjectSnapshot): string {
  return object.definition.replace(/\s+/g, '').toLowerCase();
}

/**
 * A comparator for one kind of object that PostgreSQL reflection lists and retort does not manage
 * (`what`: the objects of a snapshot; `statement`: the CREATE that makes one). When the target is
 * a database (`retort diff`), an object only one side has, or whose definition differs, is a
 * warning naming the statement to run with op.execute: a table of the target may need it (a
 * `nextval('seq')` default, a column of a domain type) before it can be created. Models declare
 * none: against models, the database's are left alone.
 */
function unmanagedComparator(id: string, noun: string, what: (s: SchemaSnapshot) => readonly DefinedObjectSnapshot[], statement: (o: DefinedObjectSnapshot) => string): SchemaComparator {
  return {
    id,
    scope: 'schema',
    compare(ctx) {
      if (!ctx.targetIsDatabase) return;
      const current = new Map(what(ctx.database).map((o) => [o.name, o]));
      const target = new Map(what(ctx.target).map((o) => [o.name, o]));
      for (const [name, object] of target) {
        const other = current.get(name);
        if (!other) ctx.warn(null, `${noun} ${name}: only the target has it; retort does not manage ${noun}s: create it with op.execute (${statement(object)})`);
        else if (definitionKey(object) !== definitionKey(other)) ctx.warn(null, `${noun} ${name}: its definition differs (target: ${object.definition}); retort does not manage ${noun}s: alter it with op.execute`);
      }
      for (const name of current.keys()) {
        if (!target.has(name)) ctx.warn(null, `${noun} ${name}: only the database has it; retort does not manage ${noun}s: drop it with op.execute`);
      }
    },
  };
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * PostgreSQL sequences that no column owns (a serial's or an identity's sequence belongs to its
 * column's autoincrement), when the target is a database.
 *
 * @example
 * ```ts
 * // warning: sequence order_no_seq: only the target has it; retort does not manage sequences:
 * //   create it with op.execute (CREATE SEQUENCE "order_no_seq" AS bigint INCREMENT BY 1 ...)
 * ```
 */
export const sequencesComparator: SchemaComparator = unmanagedComparator(
  'sequences', 'sequence', (s) => s.sequences ?? [], (o) => `CREATE SEQUENCE ${quote(o.name)} ${o.definition}`,
);

/**
 * PostgreSQL domain types, when the target is a database.
 *
 * @example
 * ```ts
 * // warning: domain percent: only the target has it; retort does not manage domains:
 * //   create it with op.execute (CREATE DOMAIN "percent" AS integer CONSTRAINT ... CHECK (...))
 * ```
 */
export const domainsComparator: SchemaComparator = unmanagedComparator(
  'domains', 'domain', (s) => s.domains ?? [], (o) => `CREATE DOMAIN ${quote(o.name)} AS ${o.definition}`,
);
