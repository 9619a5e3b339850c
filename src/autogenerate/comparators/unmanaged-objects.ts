import type { RoutineSnapshot, SchemaSnapshot } from '../../schema/snapshot.js';
import type { SchemaComparator } from '../comparator.js';

/** One object of a kind retort lists without managing it, as an {@link unmanagedComparator} sees it. */
interface Unmanaged {
  /** What names it in a warning, and pairs the two sides: `order_no_seq`, `audit on film`, `film_in_stock(integer, integer)`. */
  readonly label: string;
  /** Its definition, compared without case and spaces (catalogs reformat them). */
  readonly definition: string;
  /** The statement that creates it, shown in the warning when only the target has it (or its definition differs). */
  readonly create?: string;
}

function definitionKey(object: Unmanaged): string {
  return object.definition.replace(/\s+/g, '').replace(/;$/, '').toLowerCase();
}

/**
 * A comparator for one kind of object that reflection lists and retort does not manage. When the
 * target is a database (`retort diff`), an object only one side has, or whose definition differs,
 * is a warning naming the statement to run with op.execute: the script retort writes creates
 * tables, not these, and a table of the target may need one (a `nextval('seq')` default, a column
 * of a domain type) before it can be created. Models declare none: against models, the database's
 * are left alone, as Alembic does.
 */
function unmanagedComparator(id: string, noun: string, change: string, objects: (s: SchemaSnapshot, dialect: string) => readonly Unmanaged[]): SchemaComparator {
  return {
    id,
    scope: 'schema',
    compare(ctx) {
      if (!ctx.targetIsDatabase) return;
      const current = new Map(objects(ctx.database, ctx.dialect.name).map((o) => [o.label, o]));
      const target = new Map(objects(ctx.target, ctx.dialect.name).map((o) => [o.label, o]));
      const shown = (o: Unmanaged, how: string): string => (o.create !== undefined ? ` (${how}${o.create})` : '');
      for (const [label, object] of target) {
        const other = current.get(label);
        if (!other) ctx.warn(null, `${noun} ${label}: only the target has it; retort does not manage ${noun}s: create it with op.execute${shown(object, '')}`);
        else if (definitionKey(object) !== definitionKey(other)) ctx.warn(null, `${noun} ${label}: its definition differs${shown(object, 'target: ')}; retort does not manage ${noun}s: ${change} it with op.execute`);
      }
      for (const label of current.keys()) {
        if (!target.has(label)) ctx.warn(null, `${noun} ${label}: only the database has it; retort does not manage ${noun}s: drop it with op.execute`);
      }
    },
  };
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** An identifier quoted as the dialect writes it: backticks on MySQL / MariaDB, double quotes elsewhere. */
const quoteFor = (dialect: string, name: string): string => (dialect === 'mysql' ? `\`${name.replace(/`/g, '``')}\`` : quote(name));

/**
 * Views, when the target is a database.
 *
 * @example
 * ```ts
 * // warning: view active_user: its definition differs; retort does not manage views: replace it with op.execute
 * ```
 */
export const viewsComparator: SchemaComparator = unmanagedComparator('views', 'view', 'replace', (s) =>
  s.views.map((v) => ({ label: v.name, definition: v.definition ?? '' })));

/**
 * SQLite virtual tables (an FTS5 index, an R*Tree), when the target is a database: the script
 * creates tables, not these, and a trigger of the target may write to one.
 *
 * @example
 * ```ts
 * // warning: virtual table note_fts: only the target has it; retort does not manage virtual tables:
 * //   create it with op.execute (CREATE VIRTUAL TABLE note_fts USING fts5(body))
 * ```
 */
export const virtualTablesComparator: SchemaComparator = unmanagedComparator('virtual-tables', 'virtual table', 'replace', (s) =>
  (s.virtualTables ?? []).map((v) => ({ label: v.name, definition: v.definition ?? '', ...(v.definition !== null ? { create: v.definition } : {}) })));

/**
 * PostgreSQL sequences that no column owns (a serial's or an identity's sequence belongs to its
 * column's autoincrement), and MariaDB's sequences, when the target is a database.
 *
 * @example
 * ```ts
 * // warning: sequence order_no_seq: only the target has it; retort does not manage sequences:
 * //   create it with op.execute (CREATE SEQUENCE "order_no_seq" AS bigint INCREMENT BY 1 ...)
 * ```
 */
export const sequencesComparator: SchemaComparator = unmanagedComparator('sequences', 'sequence', 'alter', (s, dialect) =>
  (s.sequences ?? []).map((o) => ({ label: o.name, definition: o.definition, create: `CREATE SEQUENCE ${quoteFor(dialect, o.name)} ${o.definition}` })));

/**
 * PostgreSQL domain types, when the target is a database.
 *
 * @example
 * ```ts
 * // warning: domain percent: only the target has it; retort does not manage domains:
 * //   create it with op.execute (CREATE DOMAIN "percent" AS integer CONSTRAINT ... CHECK (...))
 * ```
 */
export const domainsComparator: SchemaComparator = unmanagedComparator('domains', 'domain', 'alter', (s) =>
  (s.domains ?? []).map((o) => ({ label: o.name, definition: o.definition, create: `CREATE DOMAIN ${quote(o.name)} AS ${o.definition}` })));

/**
 * Triggers of the tables, when the target is a database: a table the script creates (or one both
 * sides have) lacks the target's triggers until they are created after it.
 *
 * @example
 * ```ts
 * // warning: trigger film_audit on film: only the target has it; retort does not manage triggers:
 * //   create it with op.execute (CREATE TRIGGER film_audit AFTER INSERT ON film ...)
 * ```
 */
export const triggersComparator: SchemaComparator = unmanagedComparator('triggers', 'trigger', 'replace', (s) =>
  s.tables.flatMap((t) => (t.triggers ?? []).map((tr) => ({ label: `${tr.name} on ${t.name}`, definition: tr.sql, create: tr.sql }))));

/**
 * PostgreSQL exclusion constraints of the tables, when the target is a database: the script
 * creates a table without them.
 *
 * @example
 * ```ts
 * // warning: exclusion constraint no_overlap on booking: only the target has it; retort does not manage exclusion constraints:
 * //   create it with op.execute (ALTER TABLE "booking" ADD CONSTRAINT "no_overlap" EXCLUDE USING gist (...))
 * ```
 */
export const exclusionsComparator: SchemaComparator = unmanagedComparator('exclusions', 'exclusion constraint', 'replace', (s) =>
  s.tables.flatMap((t) => (t.exclusions ?? []).map((x) => ({ label: `${x.name} on ${t.name}`, definition: x.sql, create: x.sql }))));

/**
 * PostgreSQL partitions of a partitioned table, when the target is a database: the script creates
 * the partitioned table without them, and rows have nowhere to go until they are created.
 *
 * @example
 * ```ts
 * // warning: partition payment_2026 of payment: only the target has it; retort does not manage partitions:
 * //   create it with op.execute (CREATE TABLE payment_2026 PARTITION OF payment FOR VALUES FROM ('2026-01-01') TO ('2027-01-01'))
 * ```
 */
export const partitionsComparator: SchemaComparator = unmanagedComparator('partitions', 'partition', 'replace', (s) =>
  s.tables.flatMap((t) => (t.partitions ?? []).map((x) => ({ label: `${x.name} of ${t.name}`, definition: x.sql, create: x.sql }))));

/**
 * PostgreSQL and MySQL functions and procedures, when the target is a database (a trigger or a
 * default may call one).
 *
 * @example
 * ```ts
 * // warning: function last_updated(): only the target has it; retort does not manage functions:
 * //   create it with op.execute (CREATE OR REPLACE FUNCTION public.last_updated() ...)
 * ```
 */
export const functionsComparator: SchemaComparator = routinesComparator('function');
/** {@link functionsComparator}, for procedures. */
export const proceduresComparator: SchemaComparator = routinesComparator('procedure');
/** {@link functionsComparator}, for PostgreSQL aggregates (a view may call one). */
export const aggregatesComparator: SchemaComparator = routinesComparator('aggregate');

function routinesComparator(kind: RoutineSnapshot['kind']): SchemaComparator {
  return unmanagedComparator(`${kind}s`, kind, 'replace', (s) =>
    (s.routines ?? []).filter((r) => r.kind === kind).map((r) => ({ label: `${r.name}(${r.arguments})`, definition: r.definition, create: r.definition })));
}
