#!/usr/bin/env node
// The floor of PostgreSQL reflection: a bare Node process with the raw `pg` driver (no retort)
// reading the facts retort's introspector reads (tables and views, columns with type, nullability,
// identity / serial, default, comment and collation, primary / unique / foreign key / check constraints,
// indexes with elements, options, operator classes, method and predicate, enum types), in the same
// six whole-schema queries, printing them as JSON on stdout. Keep the SQL in step with
// src/dialects/postgres/introspector-queries.ts.
//
//   node bench/floor/postgresql.mjs postgresql://postgres@127.0.0.1:5432/db [schema]
import pg from 'pg';

const url = process.argv[2];
if (!url) {
  process.stderr.write('usage: node bench/floor/postgresql.mjs <postgresql-url> [schema]\n');
  process.exit(2);
}
const schema = process.argv[3] ?? null;

const SCHEMA_SQL = `SELECT n.oid AS oid, n.nspname AS name,
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
      'uses', (SELECT pg_catalog.json_agg(DISTINCT pg_catalog.jsonb_build_object('schema', un.nspname, 'table', uc.relname, 'column', ua.attname))
    FROM pg_catalog.pg_rewrite r
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = r.oid
      AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid <> v.oid
    JOIN pg_catalog.pg_class uc ON uc.oid = d.refobjid AND uc.relkind IN ('r', 'p', 'v', 'm')
    JOIN pg_catalog.pg_namespace un ON un.oid = uc.relnamespace
    LEFT JOIN pg_catalog.pg_attribute ua ON ua.attrelid = d.refobjid AND ua.attnum = d.refobjsubid AND d.refobjsubid > 0
    WHERE r.ev_class = v.oid))
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
WHERE n.nspname = COALESCE($1::text, pg_catalog.current_schema())`;

const RELATIONS_SQL = `SELECT c.oid AS oid, c.relname AS name, c.relkind AS kind, d.description AS comment,
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
  CASE WHEN c.relkind IN ('v', 'm') THEN (SELECT pg_catalog.json_agg(DISTINCT pg_catalog.jsonb_build_object('schema', un.nspname, 'table', uc.relname, 'column', ua.attname))
    FROM pg_catalog.pg_rewrite r
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = r.oid
      AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid <> c.oid
    JOIN pg_catalog.pg_class uc ON uc.oid = d.refobjid AND uc.relkind IN ('r', 'p', 'v', 'm')
    JOIN pg_catalog.pg_namespace un ON un.oid = uc.relnamespace
    LEFT JOIN pg_catalog.pg_attribute ua ON ua.attrelid = d.refobjid AND ua.attnum = d.refobjsubid AND d.refobjsubid > 0
    WHERE r.ev_class = c.oid) END AS uses
FROM pg_catalog.pg_class c
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
WHERE c.relnamespace = $1 AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = c.oid AND e.deptype = 'e')`;

const ENUMS_SQL = `SELECT t.oid AS oid, t.typname AS name,
  pg_catalog.array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS "values"
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE t.typnamespace = $1
GROUP BY t.oid, t.typname`;

const COLUMNS_SQL = `SELECT a.attrelid AS rel, a.attnum AS num, a.attname AS name,
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
WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped`;

const CONSTRAINTS_SQL = `SELECT c.conrelid AS rel, c.conname AS name, c.contype AS type, c.conkey AS cols,
  c.confdeltype AS on_delete, c.confupdtype AS on_update, c.condeferrable AS deferrable, c.condeferred AS deferred,
  CASE WHEN c.contype = 'c' THEN pg_catalog.pg_get_expr(c.conbin, c.conrelid)
    WHEN c.contype = 'x' THEN pg_catalog.pg_get_constraintdef(c.oid) END AS expression,
  rc.relname AS ref_table, rn.nspname AS ref_schema, c.confrelid AS ref_rel, c.confkey AS ref_nums,
  CASE WHEN c.contype = 'f' AND NOT c.confrelid = ANY($1::oid[]) THEN ARRAY(
    SELECT ra.attname::text FROM pg_catalog.unnest(c.confkey) WITH ORDINALITY k(num, pos)
    JOIN pg_catalog.pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = k.num
    ORDER BY k.pos
  ) END AS ref_cols
FROM pg_catalog.pg_constraint c
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = c.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE c.conrelid = ANY($1::oid[]) AND c.contype IN ('p', 'u', 'f', 'c', 'x') AND c.conparentid = 0`;

const INDEXES_SQL = `SELECT i.indrelid AS rel, ic.relname AS name, i.indisunique AS "unique", i.indnkeyatts AS nkeys,
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
WHERE i.indrelid = ANY($1::oid[]) AND NOT EXISTS (
  SELECT 1 FROM pg_catalog.pg_constraint c
  WHERE c.conrelid = i.indrelid AND c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x')
)`;

const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const [ns] = (await client.query(SCHEMA_SQL, [schema])).rows;
  if (!ns) throw new Error(`schema "${schema ?? '(current)'}" does not exist`);
  const relations = (await client.query(RELATIONS_SQL, [ns.oid])).rows;
  const enums = (await client.query(ENUMS_SQL, [ns.oid])).rows;
  const tables = new Map();
  for (const r of relations) if (r.kind === 'r' || r.kind === 'p') tables.set(r.oid, { ...r, columns: [], constraints: [], indexes: [] });
  const oids = [...tables.keys()];
  // a materialized view's columns and indexes are read with the tables' (its indexes matter to REFRESH ... CONCURRENTLY)
  const views = relations.filter((r) => r.kind === 'v' || r.kind === 'm').map((r) => (r.kind === 'm' ? { ...r, columns: [], indexes: [] } : r));
  const matviews = new Map(views.filter((v) => v.kind === 'm').map((v) => [v.oid, v]));
  const read = [...oids, ...matviews.keys()];
  const holder = (rel) => tables.get(rel) ?? matviews.get(rel);
  if (read.length > 0) {
    for (const c of (await client.query(COLUMNS_SQL, [read])).rows) holder(c.rel)?.columns.push(c);
    if (oids.length > 0) for (const c of (await client.query(CONSTRAINTS_SQL, [oids])).rows) tables.get(c.rel)?.constraints.push(c);
    for (const i of (await client.query(INDEXES_SQL, [read])).rows) holder(i.rel)?.indexes.push(i);
  }
  process.stdout.write(`${JSON.stringify({ schema: ns.name, tables: [...tables.values()], views, enums, sequences: ns.sequences, domains: ns.domains, routines: ns.routines })}\n`);
} finally {
  await client.end();
}
