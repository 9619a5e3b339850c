/**
 * The catalog queries of the PostgreSQL introspector: one per object kind for the whole schema,
 * reading pg_catalog only (information_schema views are far slower). bench/floor/postgresql.mjs
 * runs the same queries with the bare driver; keep the two in step.
 */

/**
 * The tables and columns a view reads, as a JSON array (`column` null for a table as a whole):
 * its rule's dependencies. `view` is the SQL of the view's oid (`c.oid`).
 */
function viewUsesSql(view: string): string {
  return `(SELECT pg_catalog.json_agg(DISTINCT pg_catalog.jsonb_build_object('schema', un.nspname, 'table', uc.relname, 'column', ua.attname))
    FROM pg_catalog.pg_rewrite r
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = r.oid
      AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid <> ${view}
    JOIN pg_catalog.pg_class uc ON uc.oid = d.refobjid AND uc.relkind IN ('r', 'p', 'v', 'm')
    JOIN pg_catalog.pg_namespace un ON un.oid = uc.relnamespace
    LEFT JOIN pg_catalog.pg_attribute ua ON ua.attrelid = d.refobjid AND ua.attnum = d.refobjsubid AND d.refobjsubid > 0
    WHERE r.ev_class = ${view})`;
}

/**
 * The schema (named, or the current one), the operator classes that are not their type's default,
 * and the objects of the schema retort lists without managing them: the sequences no column owns
 * (not a serial's, an identity's or an extension's) and the domain types (not an extension's), each
 * with the text that follows `CREATE SEQUENCE name` / `CREATE DOMAIN name AS`, and the functions
 * and procedures (not an extension's; not aggregates) with their CREATE text, and the views of
 * other schemas that read the schema's tables, with what they read (as {@link relationsSql}).
 */
export const SCHEMA_SQL = `SELECT n.oid AS oid, n.nspname AS name,
  (SELECT pg_catalog.json_object_agg(o.oid, o.opcname) FROM pg_catalog.pg_opclass o WHERE NOT o.opcdefault) AS opclasses,
  (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', s.relname, 'definition',
      'AS ' || pg_catalog.format_type(q.seqtypid, NULL) || ' INCREMENT BY ' || q.seqincrement || ' MINVALUE ' || q.seqmin
      || ' MAXVALUE ' || q.seqmax || ' START WITH ' || q.seqstart || ' CACHE ' || q.seqcache
      || CASE WHEN q.seqcycle THEN ' CYCLE' ELSE ' NO CYCLE' END) ORDER BY s.relname)
    FROM pg_catalog.pg_class s JOIN pg_catalog.pg_sequence q ON q.seqrelid = s.oid
    WHERE s.relnamespace = n.oid AND s.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
      WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = s.oid AND e.deptype IN ('a', 'i', 'e'))) AS sequences,
  (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', t.typname, 'definition',
      pg_catalog.format_type(t.typbasetype, t.typtypmod)
      || CASE WHEN t.typdefault IS NOT NULL THEN ' DEFAULT ' || t.typdefault ELSE '' END
      || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
      || COALESCE((SELECT pg_catalog.string_agg(' CONSTRAINT ' || pg_catalog.quote_ident(c.conname) || ' ' || pg_catalog.pg_get_constraintdef(c.oid), '' ORDER BY c.conname)
        FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'), '')) ORDER BY t.typname)
    FROM pg_catalog.pg_type t
    WHERE t.typnamespace = n.oid AND t.typtype = 'd' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
      WHERE e.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND e.objid = t.oid AND e.deptype = 'e')) AS domains,
  (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', t.typname, 'schema', tn.nspname, 'extension', x.extname) ORDER BY t.typname, tn.nspname)
    FROM pg_catalog.pg_depend e
    JOIN pg_catalog.pg_type t ON t.oid = e.objid AND t.typcategory <> 'A'
    JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
    JOIN pg_catalog.pg_extension x ON x.oid = e.refobjid
    WHERE e.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND e.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
      AND e.deptype = 'e') AS extension_types,
  (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', p.proname, 'kind', p.prokind,
      'arguments', pg_catalog.pg_get_function_arguments(p.oid), 'returns', pg_catalog.pg_get_function_result(p.oid),
      'definition', CASE WHEN p.prokind = 'a' THEN (SELECT 'CREATE AGGREGATE ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.proname)
        || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_catalog.pg_get_function_arguments(p.oid) END
        || ') (SFUNC = ' || a.aggtransfn::pg_catalog.regproc::text || ', STYPE = ' || pg_catalog.format_type(a.aggtranstype, NULL)
        || CASE WHEN a.aggfinalfn <> 0 THEN ', FINALFUNC = ' || a.aggfinalfn::pg_catalog.regproc::text ELSE '' END
        || CASE WHEN a.aggcombinefn <> 0 THEN ', COMBINEFUNC = ' || a.aggcombinefn::pg_catalog.regproc::text ELSE '' END
        || CASE WHEN a.agginitval IS NOT NULL THEN ', INITCOND = ' || pg_catalog.quote_literal(a.agginitval) ELSE '' END
        || CASE WHEN a.aggsortop <> 0 THEN ', SORTOP = ' || (SELECT o.oprname FROM pg_catalog.pg_operator o WHERE o.oid = a.aggsortop) ELSE '' END
        || CASE WHEN a.aggkind = 'h' THEN ', HYPOTHETICAL' ELSE '' END || ')'
        FROM pg_catalog.pg_aggregate a WHERE a.aggfnoid = p.oid) ELSE pg_catalog.pg_get_functiondef(p.oid) END)
      ORDER BY p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid))
    FROM pg_catalog.pg_proc p
    WHERE p.pronamespace = n.oid AND p.prokind IN ('f', 'p', 'a') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
      WHERE e.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND e.objid = p.oid AND e.deptype = 'e')) AS routines,
  (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('schema', vn.nspname, 'name', v.relname, 'kind', v.relkind,
      'uses', ${viewUsesSql('v.oid')})
      ORDER BY vn.nspname, v.relname)
    FROM pg_catalog.pg_class v
    JOIN pg_catalog.pg_namespace vn ON vn.oid = v.relnamespace
    WHERE v.relkind IN ('v', 'm') AND v.relnamespace <> n.oid AND vn.nspname NOT IN ('pg_catalog', 'information_schema')
      AND EXISTS (SELECT 1 FROM pg_catalog.pg_rewrite r
        JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = r.oid
          AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
        JOIN pg_catalog.pg_class t ON t.oid = d.refobjid AND t.relnamespace = n.oid AND t.relkind IN ('r', 'p')
        WHERE r.ev_class = v.oid)) AS dependent_views
FROM pg_catalog.pg_namespace n
WHERE n.nspname = COALESCE(?::text, pg_catalog.current_schema())`;

/** A sequence or domain of {@link SCHEMA_SQL}: its name and the text after `CREATE SEQUENCE name` / `CREATE DOMAIN name AS`. */
export interface DefinedObjectRow {
  readonly name: string;
  readonly definition: string;
}

export interface SchemaRow {
  readonly oid: number;
  readonly name: string;
  /** Operator class oid -> name, for the classes that are not the default of their type. */
  readonly opclasses: Readonly<Record<string, string>> | null;
  /** The sequences no column owns, by name (null: none). */
  readonly sequences: readonly DefinedObjectRow[] | null;
  /** The domain types, by name (null: none). */
  readonly domains: readonly DefinedObjectRow[] | null;
  /** The types extensions installed (in any schema; not their array types), by name (null: none). */
  readonly extension_types: readonly { readonly name: string; readonly schema: string; readonly extension: string }[] | null;
  /** The functions and procedures, by name then arguments (null: none). */
  readonly routines: readonly RoutineRow[] | null;
  /** The views of other schemas that read this schema's tables, by schema then name (null: none). */
  readonly dependent_views: readonly DependentViewRow[] | null;
}

/** A view of another schema that reads the schema's tables ({@link SCHEMA_SQL}), with what it reads. */
export interface DependentViewRow {
  readonly schema: string;
  readonly name: string;
  /** v (view) or m (materialized view). */
  readonly kind: string;
  readonly uses: RelationRow['uses'];
}

export interface RoutineRow {
  readonly name: string;
  /** pg_proc.prokind: 'f' function, 'p' procedure, 'a' aggregate. */
  readonly kind: string;
  readonly arguments: string;
  /** null for a procedure. */
  readonly returns: string | null;
  readonly definition: string;
}

/**
 * Tables (ordinary and partitioned, not partitions, not those an extension owns, as PostGIS's
 * `spatial_ref_sys`) and views (plain and materialized) of the schema, with table comments, view definitions and partition keys (`definition` of a
 * partitioned table), the triggers of a table that has any, the parents a table INHERITS from
 * (with the columns it has from each), and the tables and columns each view
 * reads (from its rule's dependencies). `include` / `exclude` become parameters.
 */
export function relationsSql(include: boolean, exclude: boolean): string {
  return `SELECT c.oid AS oid, c.relname AS name, c.relkind AS kind, d.description AS comment,
  CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid, true)
    WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS definition,
  CASE WHEN c.relkind = 'm' THEN c.relispopulated END AS populated,
  CASE WHEN c.relhastriggers THEN (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', t.tgname, 'sql', pg_catalog.pg_get_triggerdef(t.oid, true)) ORDER BY t.tgname)
    FROM pg_catalog.pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal) END AS triggers,
  CASE WHEN c.relkind = 'p' THEN (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', pc.relname, 'sql', 'CREATE TABLE '
      || pc.oid::pg_catalog.regclass::text || ' PARTITION OF ' || c.oid::pg_catalog.regclass::text || ' ' || pg_catalog.pg_get_expr(pc.relpartbound, pc.oid)
      || CASE WHEN pc.relkind = 'p' THEN ' PARTITION BY ' || pg_catalog.pg_get_partkeydef(pc.oid) ELSE '' END) ORDER BY pc.relname)
    FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class pc ON pc.oid = i.inhrelid WHERE i.inhparent = c.oid) END AS partitions,
  CASE WHEN c.relkind = 'r' THEN (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('schema', pn.nspname, 'table', p.relname,
      'columns', (SELECT pg_catalog.json_agg(a.attname ORDER BY a.attnum) FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_attribute pa ON pa.attrelid = p.oid AND pa.attname = a.attname AND NOT pa.attisdropped
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attinhcount > 0)) ORDER BY i.inhseqno)
    FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
    WHERE i.inhrelid = c.oid) END AS inherits,
  CASE WHEN c.relkind IN ('v', 'm') THEN ${viewUsesSql('c.oid')} END AS uses
FROM pg_catalog.pg_class c
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
WHERE c.relnamespace = ? AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid AND e.deptype = 'e')${
  include ? '\n  AND c.relname = ANY(?::text[])' : ''}${exclude ? '\n  AND c.relname <> ALL(?::text[])' : ''}`;
}

export interface RelationRow {
  readonly oid: number;
  readonly name: string;
  /** r, p (tables), v, m (views). */
  readonly kind: string;
  readonly comment: string | null;
  /** A view's SELECT, a partitioned table's partition key (`RANGE (created_at)`), else null. */
  readonly definition: string | null;
  /** A materialized view's pg_class.relispopulated (false after WITH NO DATA); null for other kinds. */
  readonly populated: boolean | null;
  /** The triggers (not those behind constraints), by name; null: none. */
  readonly triggers: readonly { readonly name: string; readonly sql: string }[] | null;
  /** A partitioned table's partitions, each with the CREATE TABLE ... PARTITION OF that makes it; null: none. */
  readonly partitions: readonly { readonly name: string; readonly sql: string }[] | null;
  /** A table's parents (INHERITS), in order, each with the child's columns inherited from it; null: none. */
  readonly inherits: readonly { readonly schema: string; readonly table: string; readonly columns: readonly string[] | null }[] | null;
  /** A view's: the relations and columns it reads (column null: the relation itself); null otherwise. */
  readonly uses: readonly { readonly schema: string; readonly table: string; readonly column: string | null }[] | null;
}

/**
 * Columns of the given tables in ordinal order: type text, NOT NULL, identity, generated, default
 * text (a generated column's expression too), comment, whether a serial sequence owned by the
 * column backs its default, the enum type of the column (or of its array elements), and the
 * column's collation when it is not its type's (for a domain, the domain's; for an array, the
 * array type's, which is its element's).
 */
export const COLUMNS_SQL = `SELECT a.attrelid AS rel, a.attnum AS num, a.attname AS name,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
  a.attnotnull AS notnull, a.attidentity AS identity, a.attgenerated AS generated,
  pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS "default",
  d.description AS comment,
  CASE WHEN a.atthasdef AND a.attidentity = '' AND t.typcategory = 'N' THEN EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend dep
    JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
    WHERE dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dep.refobjid = a.attrelid
      AND dep.refobjsubid = a.attnum AND dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dep.deptype = 'a'
  ) ELSE false END AS serial,
  CASE WHEN t.typtype = 'e' THEN t.oid WHEN et.typtype = 'e' THEN et.oid END AS enum_oid,
  en.nspname AS enum_schema,
  CASE WHEN t.typtype = 'e' THEN t.typname WHEN et.typtype = 'e' THEN et.typname END AS enum_name,
  co.collname AS collation, cn.nspname AS collation_schema
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation AND a.attcollation <> t.typcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
LEFT JOIN pg_catalog.pg_type et ON t.typcategory = 'A' AND et.oid = t.typelem
LEFT JOIN pg_catalog.pg_namespace en
  ON en.oid = CASE WHEN t.typtype = 'e' THEN t.typnamespace WHEN et.typtype = 'e' THEN et.typnamespace END
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = a.attrelid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = a.attnum
WHERE a.attrelid = ANY(?::oid[]) AND a.attnum > 0 AND NOT a.attisdropped`;

export interface ColumnRow {
  readonly rel: number;
  readonly num: number;
  readonly name: string;
  readonly type: string;
  readonly notnull: boolean;
  /** 'a' (ALWAYS), 'd' (BY DEFAULT) or ''. */
  readonly identity: string;
  /** 's' for a stored generated column, else ''. */
  readonly generated: string;
  readonly default: string | null;
  readonly comment: string | null;
  readonly serial: boolean;
  readonly enum_oid: number | null;
  readonly enum_schema: string | null;
  readonly enum_name: string | null;
  /** The column's collation and its schema, only when it is not the collation of the column's type. */
  readonly collation: string | null;
  readonly collation_schema: string | null;
}

/**
 * Primary key, unique, foreign key, check and exclusion constraints (these with their definition) of the given tables (not the copies
 * PostgreSQL keeps for partitions). Key columns come as attribute numbers; referred columns by
 * number too, and by name when the referred table is not among the given ones. Parameters: the
 * table oids, twice.
 */
export const CONSTRAINTS_SQL = `SELECT c.conrelid AS rel, c.conname AS name, c.contype AS type, c.conkey AS cols,
  c.confdeltype AS on_delete, c.confupdtype AS on_update, c.condeferrable AS deferrable, c.condeferred AS deferred,
  CASE WHEN c.contype = 'c' THEN pg_catalog.pg_get_expr(c.conbin, c.conrelid)
    WHEN c.contype = 'x' THEN pg_catalog.pg_get_constraintdef(c.oid) END AS expression,
  rc.relname AS ref_table, rn.nspname AS ref_schema, c.confrelid AS ref_rel, c.confkey AS ref_nums,
  CASE WHEN c.contype = 'f' AND NOT c.confrelid = ANY(?::oid[]) THEN ARRAY(
    SELECT ra.attname::text FROM pg_catalog.unnest(c.confkey) WITH ORDINALITY k(num, pos)
    JOIN pg_catalog.pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = k.num
    ORDER BY k.pos
  ) END AS ref_cols
FROM pg_catalog.pg_constraint c
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = c.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE c.conrelid = ANY(?::oid[]) AND c.contype IN ('p', 'u', 'f', 'c', 'x') AND c.conparentid = 0`;

export interface ConstraintRow {
  readonly rel: number;
  readonly name: string;
  /** p, u, f, c, x. */
  readonly type: string;
  readonly cols: readonly number[] | null;
  /** a, r, c, n, d. */
  readonly on_delete: string;
  readonly on_update: string;
  readonly deferrable: boolean;
  readonly deferred: boolean;
  /** A check's expression; an exclusion constraint's whole definition (`EXCLUDE USING gist (...)`). */
  readonly expression: string | null;
  readonly ref_table: string | null;
  readonly ref_schema: string | null;
  /** Referred table oid and column numbers; the names come from the columns already read. */
  readonly ref_rel: number;
  readonly ref_nums: readonly number[] | null;
  /** Referred column names, only for a table outside the ones read. */
  readonly ref_cols: readonly string[] | null;
}

/**
 * Indexes of the given tables, except those that back a primary key, unique or exclusion
 * constraint: attribute numbers (0 for an expression; key columns, then INCLUDE columns), sort
 * options, operator classes, method (null for btree), predicate, NULLS NOT DISTINCT (read through
 * to_jsonb: false before PostgreSQL 15, which lacks the column), and the text of the expression
 * elements in order. When an element may have a collation of its own (`lower(name) COLLATE "C"`:
 * a column element whose index collation is not the column's, or an expression element with one),
 * also the whole CREATE INDEX text and the text of every key element, from which the COLLATE
 * clauses are read (the catalog cannot say an expression's own collation).
 */
export const INDEXES_SQL = `SELECT i.indrelid AS rel, ic.relname AS name, i.indisunique AS "unique", i.indnkeyatts AS nkeys,
  i.indkey::text AS keys, i.indoption::text AS options, i.indclass::text AS opclasses,
  CASE WHEN am.amname <> 'btree' THEN am.amname END AS method,
  pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,
  coalesce((pg_catalog.to_jsonb(i)->>'indnullsnotdistinct')::boolean, false) AS nulls_not_distinct,
  CASE WHEN i.indexprs IS NOT NULL THEN ARRAY(
    SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, false) FROM pg_catalog.generate_series(1, i.indnkeyatts) k
    WHERE i.indkey[k - 1] = 0 ORDER BY k
  ) END AS expressions,
  CASE WHEN x.collated THEN pg_catalog.pg_get_indexdef(i.indexrelid) END AS definition,
  CASE WHEN x.collated THEN ARRAY(
    SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, false) FROM pg_catalog.generate_series(1, i.indnkeyatts) k ORDER BY k
  ) END AS elements
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
CROSS JOIN LATERAL (SELECT EXISTS (
  SELECT 1 FROM pg_catalog.generate_series(0, i.indnkeyatts - 1) k
  LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k] AND i.indkey[k] <> 0
  WHERE i.indcollation[k] <> 0 AND (i.indkey[k] = 0 OR i.indcollation[k] <> a.attcollation)
) AS collated) x
WHERE i.indrelid = ANY(?::oid[]) AND NOT EXISTS (
  SELECT 1 FROM pg_catalog.pg_constraint c
  WHERE c.conrelid = i.indrelid AND c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x')
)`;

export interface IndexRow {
  readonly rel: number;
  readonly name: string;
  readonly unique: boolean;
  /** How many of `keys` are key columns; the rest are INCLUDE columns. */
  readonly nkeys: number;
  /** Space-separated attribute numbers (0: an expression), key columns first. */
  readonly keys: string;
  /** Space-separated sort option bits (1: DESC, 2: NULLS FIRST). */
  readonly options: string;
  /** Space-separated operator class oids. */
  readonly opclasses: string;
  readonly method: string | null;
  readonly predicate: string | null;
  readonly nulls_not_distinct: boolean;
  readonly expressions: readonly string[] | null;
  /** pg_get_indexdef() of the index, only when an element may have a COLLATE of its own. */
  readonly definition: string | null;
  /** The text of every key element (without collation, class or ordering), with `definition`. */
  readonly elements: readonly string[] | null;
}

/** Enum types of the schema with their values in order. */
export const ENUMS_SQL = `SELECT t.oid AS oid, t.typname AS name,
  pg_catalog.array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS "values"
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE t.typnamespace = ?
GROUP BY t.oid, t.typname`;

export interface EnumRow {
  readonly oid: number;
  readonly name: string;
  readonly values: readonly string[];
}

/**
 * The schemas that hold tables (not partitions, not an extension's), with their count; the
 * system's and temporary ones left out.
 */
export const SCHEMAS_WITH_TABLES_SQL = `SELECT n.nspname AS schema, count(*)::int AS tables
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname <> 'information_schema'
  AND n.nspname NOT LIKE 'pg\\_%' ESCAPE '\\' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
    WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid AND e.deptype = 'e')
GROUP BY n.nspname ORDER BY n.nspname`;
