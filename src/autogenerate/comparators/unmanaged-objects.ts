import type { IndexSnapshot, RoutineSnapshot, SchemaSnapshot, ViewSnapshot } from '../../schema/snapshot.js';
import { backQuote, doubleQuote as quote } from '../../sql/identifiers.js';
import type { SchemaComparator } from '../comparator.js';
import type { CompareDialect } from '../compare-options.js';

/** One object of a kind retort lists without managing it, as an {@link unmanagedComparator} sees it. */
interface Unmanaged {
  /** What names it in a warning, and pairs the two sides: `order_no_seq`, `audit on film`, `film_in_stock(integer, integer)`. */
  readonly label: string;
  /** Its definition, compared without case and spaces (catalogs reformat them). */
  readonly definition: string;
  /** The statement that creates it, shown in the warning when only the target has it (or its definition differs). */
  readonly create?: string;
  /** What it is, when not the comparator's noun (a `materialized view` among views). */
  readonly noun?: string;
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
function unmanagedComparator(id: string, noun: string, change: string, objects: (s: SchemaSnapshot, dialect: CompareDialect) => readonly Unmanaged[]): SchemaComparator {
  return {
    id,
    scope: 'schema',
    compare(ctx) {
      if (!ctx.targetIsDatabase) return;
      const current = new Map(objects(ctx.database, ctx.dialect).map((o) => [o.label, o]));
      const target = new Map(objects(ctx.target, ctx.dialect).map((o) => [o.label, o]));
      const shown = (o: Unmanaged, how: string): string => (o.create !== undefined ? ` (${how}${o.create})` : '');
      const what = (o: Unmanaged): string => o.noun ?? noun;
      for (const [label, object] of target) {
        const other = current.get(label);
        if (!other) ctx.warn(null, `${what(object)} ${label}: only the target has it; retort does not manage ${what(object)}s: create it with op.execute${shown(object, '')}`);
        else if (definitionKey(object) !== definitionKey(other)) {
          const kinds = what(other) === what(object) ? '' : ` (a ${what(other)} in the database, a ${what(object)} in the target)`;
          ctx.warn(null, `${what(object)} ${label}: its definition differs${kinds}${shown(object, 'target: ')}; retort does not manage ${noun}s: ${change} it with op.execute`);
        }
      }
      for (const [label, object] of current) {
        if (!target.has(label)) ctx.warn(null, `${what(object)} ${label}: only the database has it; retort does not manage ${what(object)}s: drop it with op.execute`);
      }
    },
  };
}

/** An identifier quoted as the dialect writes it: backticks on MySQL / MariaDB, double quotes elsewhere. */
const quoteFor = (dialect: string, name: string): string => (dialect === 'mysql' ? backQuote(name) : quote(name));

/**
 * Views, when the target is a database. On PostgreSQL the warning names the statement that creates
 * the target's view: `CREATE VIEW`, or for a materialized one `CREATE MATERIALIZED VIEW ... AS ...`
 * (`WITH NO DATA` when the target's holds no rows) and then its indexes; a view that is plain on
 * one side and materialized on the other differs.
 *
 * @example
 * ```ts
 * // warning: view active_user: its definition differs; retort does not manage views: replace it with op.execute
 * // warning: materialized view film_stats: only the target has it; retort does not manage materialized views:
 * //   create it with op.execute (CREATE MATERIALIZED VIEW "film_stats" AS SELECT ...; CREATE UNIQUE INDEX "film_stats_rating" ON "film_stats" (rating))
 * ```
 */
export const viewsComparator: SchemaComparator = unmanagedComparator('views', 'view', 'replace', (s, dialect) =>
  s.views.map((v) => ({
    label: v.name,
    definition: `${v.materialized !== undefined ? 'materialized:' : ''}${v.definition ?? ''}`,
    ...(v.materialized !== undefined ? { noun: 'materialized view' } : {}),
    ...(dialect.name === 'postgresql' && v.definition !== null ? { create: createViewSql(v) } : {}),
  })));

/** PostgreSQL: the statements that create a view as reflected (a materialized view's indexes after it). */
export function createViewSql(view: ViewSnapshot): string {
  const select = oneLine(view.definition?.trim().replace(/;$/, '') ?? '');
  if (view.materialized === undefined) return `CREATE VIEW ${quote(view.name)} AS ${select}`;
  const create = `CREATE MATERIALIZED VIEW ${quote(view.name)} AS ${select}${view.materialized.populated ? '' : ' WITH NO DATA'}`;
  return [create, ...view.materialized.indexes.map((ix) => createIndexSql(ix, view.name))].join('; ');
}

/** SQL text on one line: each run of spaces and line breaks outside quotes becomes one space (pg_get_viewdef indents). */
function oneLine(sql: string): string {
  return sql.replace(/('(?:[^']|'')*'|"(?:[^"]|"")*")|\s+/g, (match, quoted: string | undefined) => quoted ?? ' ');
}

/** `CREATE [UNIQUE] INDEX "name" ON "relation" [USING method] (elements) [INCLUDE (...)] [NULLS NOT DISTINCT] [WHERE ...]`. */
function createIndexSql(ix: IndexSnapshot, relation: string): string {
  const elements = ix.expressions ?? ix.columns.map(quote);
  return `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${quote(ix.name)} ON ${quote(relation)}${ix.method ? ` USING ${ix.method}` : ''} (${elements.join(', ')})`
    + `${ix.include ? ` INCLUDE (${ix.include.map(quote).join(', ')})` : ''}${ix.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''}${ix.where ? ` WHERE ${ix.where}` : ''}`;
}

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
  (s.sequences ?? []).map((o) => ({ label: o.name, definition: o.definition, create: `CREATE SEQUENCE ${quoteFor(dialect.name, o.name)} ${o.definition}` })));

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
 * PostgreSQL table inheritance (`INHERITS (city)`), when the target is a database: the script
 * creates a table without its parents.
 *
 * @example
 * ```ts
 * // warning: table inheritance capital INHERITS city: only the target has it; retort does not manage table inheritances:
 * //   create it with op.execute (ALTER TABLE "capital" INHERIT "city")
 * ```
 */
export const inheritanceComparator: SchemaComparator = unmanagedComparator('inheritance', 'table inheritance', 'replace', (s) =>
  s.tables.flatMap((t) => (t.inherits ?? []).map((p) => {
    const parent = p.schema === null ? quote(p.table) : `${quote(p.schema)}.${quote(p.table)}`;
    const child = t.schema === null ? quote(t.name) : `${quote(t.schema)}.${quote(t.name)}`;
    const label = `${t.name} INHERITS ${p.schema === null ? p.table : `${p.schema}.${p.table}`}`;
    return { label, definition: label, create: `ALTER TABLE ${child} INHERIT ${parent}` };
  })));

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
