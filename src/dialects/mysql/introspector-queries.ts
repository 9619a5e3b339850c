/**
 * The catalog queries of the MySQL / MariaDB introspector: one per information_schema view, each
 * filtered on the server by schema and by the include / exclude table lists, never joined (on
 * MariaDB a join of two information_schema views costs about ten times two separate queries).
 * Every selected column has a lower-case alias, because MariaDB labels columns in the case the
 * query wrote them.
 */
import { mysqlQuoteIdentifier } from './quoting.js';

/** One statement with its `?` parameters. */
export interface CatalogQuery {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** Which tables to read. */
export interface TableFilter {
  readonly include?: readonly string[] | undefined;
  readonly exclude?: readonly string[] | undefined;
}

/** What the introspector knows about the server before it reads the catalog. */
export interface ServerFlavour {
  readonly mariadb: boolean;
  /** MySQL 8.0.16+ / MariaDB: information_schema.CHECK_CONSTRAINTS exists. */
  readonly checkConstraints: boolean;
  /** MySQL 8.0.13+: STATISTICS.EXPRESSION (functional key parts). */
  readonly indexExpressions: boolean;
}

/**
 * The first query: server version, current database, whether the asked-for schema exists, and
 * how many triggers and routines it has (their own queries run only when there are some).
 */
export function serverQuery(schema: string | null): CatalogQuery {
  return {
    sql: 'SELECT VERSION() AS version, DATABASE() AS current_db,'
      + ' (SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = COALESCE(?, DATABASE())) AS schema_found,'
      + ' (SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = COALESCE(?, DATABASE())) AS schema_collation,'
      + ' @@default_storage_engine AS default_engine, @@innodb_default_row_format AS default_row_format,'
      + ' (SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = COALESCE(?, DATABASE())) AS trigger_count,'
      + ' (SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = COALESCE(?, DATABASE())) AS routine_count',
    params: [schema, schema, schema, schema],
  };
}

/** Reads the flavour from `SELECT VERSION()` text: `10.11.6-MariaDB-...` or `8.0.36`. */
export function flavourOf(version: string): ServerFlavour {
  const mariadb = /mariadb/i.test(version);
  const [major = 0, minor = 0, patch = 0] = (/^(\d+)\.(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
  const n = major * 10000 + minor * 100 + patch;
  return {
    mariadb,
    checkConstraints: mariadb ? n >= 100222 : n >= 80016,
    indexExpressions: !mariadb && n >= 80013,
  };
}

function where(schemaColumn: string, tableColumn: string, schema: string, filter: TableFilter, extra = ''): CatalogQuery {
  let sql = ` WHERE ${schemaColumn} = ?${extra}`;
  const params: unknown[] = [schema];
  if (filter.include !== undefined) {
    if (filter.include.length === 0) sql += ' AND FALSE';
    else {
      sql += ` AND ${tableColumn} IN (?)`;
      params.push([...filter.include]);
    }
  }
  if (filter.exclude !== undefined && filter.exclude.length > 0) {
    sql += ` AND ${tableColumn} NOT IN (?)`;
    params.push([...filter.exclude]);
  }
  return { sql, params };
}

function query(select: string, from: string, w: CatalogQuery, orderBy = ''): CatalogQuery {
  return { sql: `SELECT ${select} FROM information_schema.${from}${w.sql}${orderBy ? ` ORDER BY ${orderBy}` : ''}`, params: w.params };
}

/**
 * Tables and views, with their comments, default collations, engines (NULL for views) and the
 * options their CREATE TABLE gave (`row_format=COMPRESSED`).
 */
export function tablesQuery(schema: string, filter: TableFilter): CatalogQuery {
  return query(
    'TABLE_NAME AS table_name, TABLE_TYPE AS table_type, TABLE_COMMENT AS table_comment, TABLE_COLLATION AS table_collation, ENGINE AS engine,'
      + ' CREATE_OPTIONS AS create_options',
    'TABLES',
    where('TABLE_SCHEMA', 'TABLE_NAME', schema, filter),
  );
}

/**
 * Every column of every table (and view). EXTRA carries AUTO_INCREMENT, ON UPDATE, the kind of
 * a generated column and MySQL 8's DEFAULT_GENERATED; COLLATION_NAME is NULL for non-text columns.
 */
export function columnsQuery(schema: string, filter: TableFilter): CatalogQuery {
  return query(
    'TABLE_NAME AS table_name, COLUMN_NAME AS column_name, ORDINAL_POSITION AS ordinal_position, COLUMN_TYPE AS column_type,'
      + ' IS_NULLABLE AS is_nullable, COLUMN_DEFAULT AS column_default, EXTRA AS extra, COLUMN_COMMENT AS column_comment,'
      + ' GENERATION_EXPRESSION AS generation_expression, COLLATION_NAME AS collation_name',
    'COLUMNS',
    where('TABLE_SCHEMA', 'TABLE_NAME', schema, filter),
  );
}

/** Every key part of every index (the primary key, unique constraints and FK indexes included). */
export function statisticsQuery(schema: string, filter: TableFilter, flavour: ServerFlavour): CatalogQuery {
  return query(
    'TABLE_NAME AS table_name, INDEX_NAME AS index_name, NON_UNIQUE AS non_unique, SEQ_IN_INDEX AS seq_in_index,'
      + ' COLUMN_NAME AS column_name, SUB_PART AS sub_part, COLLATION AS collation, INDEX_TYPE AS index_type'
      + (flavour.indexExpressions ? ', EXPRESSION AS expression' : ''),
    'STATISTICS',
    where('TABLE_SCHEMA', 'TABLE_NAME', schema, filter),
  );
}

/** The columns of foreign keys, with the columns they refer to. */
export function foreignKeyColumnsQuery(schema: string, filter: TableFilter): CatalogQuery {
  return query(
    'TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name, COLUMN_NAME AS column_name, ORDINAL_POSITION AS ordinal_position,'
      + ' REFERENCED_TABLE_SCHEMA AS referenced_table_schema, REFERENCED_TABLE_NAME AS referenced_table_name,'
      + ' REFERENCED_COLUMN_NAME AS referenced_column_name',
    'KEY_COLUMN_USAGE',
    where('TABLE_SCHEMA', 'TABLE_NAME', schema, filter, ' AND REFERENCED_TABLE_NAME IS NOT NULL'),
  );
}

/** ON DELETE / ON UPDATE of foreign keys. */
export function referentialQuery(schema: string, filter: TableFilter): CatalogQuery {
  return query(
    'TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name, UPDATE_RULE AS update_rule, DELETE_RULE AS delete_rule',
    'REFERENTIAL_CONSTRAINTS',
    where('CONSTRAINT_SCHEMA', 'TABLE_NAME', schema, filter),
  );
}

/**
 * CHECK constraints. MariaDB's view has TABLE_NAME and LEVEL (Column / Table); MySQL 8's has
 * neither, so its rows are matched to tables through {@link checkTablesQuery}.
 */
export function checksQuery(schema: string, filter: TableFilter, flavour: ServerFlavour): CatalogQuery {
  if (flavour.mariadb) {
    return query(
      'TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name, LEVEL AS level, CHECK_CLAUSE AS check_clause',
      'CHECK_CONSTRAINTS',
      where('CONSTRAINT_SCHEMA', 'TABLE_NAME', schema, filter),
    );
  }
  return query('CONSTRAINT_NAME AS constraint_name, CHECK_CLAUSE AS check_clause', 'CHECK_CONSTRAINTS', where('CONSTRAINT_SCHEMA', 'CONSTRAINT_SCHEMA', schema, {}));
}

/** MySQL 8: the table of each CHECK constraint (TABLE_CONSTRAINTS), filtered by table. */
export function checkTablesQuery(schema: string, filter: TableFilter): CatalogQuery {
  return query(
    'TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name',
    'TABLE_CONSTRAINTS',
    where('CONSTRAINT_SCHEMA', 'TABLE_NAME', schema, filter, " AND CONSTRAINT_TYPE = 'CHECK'"),
  );
}

/** View definitions (asked only when the schema has views). */
export function viewsQuery(schema: string, filter: TableFilter): CatalogQuery {
  return query('TABLE_NAME AS table_name, VIEW_DEFINITION AS view_definition', 'VIEWS', where('TABLE_SCHEMA', 'TABLE_NAME', schema, filter));
}

/**
 * MariaDB: the settings of the schema's sequences (asked only when TABLES lists some, TABLE_TYPE
 * 'SEQUENCE'), one SELECT of each sequence's own row joined with UNION ALL: MariaDB 10.x has no
 * information_schema view of them. The numbers come as text (they span BIGINT).
 */
export function sequencesQuery(schema: string, names: readonly string[]): CatalogQuery {
  const one = 'SELECT ? AS sequence_name, CAST(start_value AS CHAR) AS start_value, CAST(minimum_value AS CHAR) AS minimum_value,'
    + ' CAST(maximum_value AS CHAR) AS maximum_value, CAST(increment AS CHAR) AS increment, CAST(cache_size AS CHAR) AS cache_size,'
    + ' cycle_option AS cycle_option FROM ';
  return { sql: names.map((name) => `${one}${mysqlQuoteIdentifier(schema)}.${mysqlQuoteIdentifier(name)}`).join(' UNION ALL '), params: [...names] };
}

/** Triggers of the tables (asked only when the schema has triggers), in the order they fire. */
export function triggersQuery(schema: string, filter: TableFilter): CatalogQuery {
  return query(
    'EVENT_OBJECT_TABLE AS table_name, TRIGGER_NAME AS trigger_name, ACTION_TIMING AS action_timing,'
      + ' EVENT_MANIPULATION AS event_manipulation, ACTION_ORIENTATION AS action_orientation, ACTION_STATEMENT AS action_statement',
    'TRIGGERS',
    where('EVENT_OBJECT_SCHEMA', 'EVENT_OBJECT_TABLE', schema, filter),
    'EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER',
  );
}

/** Stored functions and procedures (asked only when the schema has some). */
export function routinesQuery(schema: string): CatalogQuery {
  return query(
    'ROUTINE_NAME AS routine_name, ROUTINE_TYPE AS routine_type, DTD_IDENTIFIER AS dtd_identifier, ROUTINE_DEFINITION AS routine_definition,'
      + ' IS_DETERMINISTIC AS is_deterministic, SQL_DATA_ACCESS AS sql_data_access, SECURITY_TYPE AS security_type, ROUTINE_COMMENT AS routine_comment',
    'ROUTINES',
    where('ROUTINE_SCHEMA', 'ROUTINE_SCHEMA', schema, {}),
  );
}

/** The parameters of the routines, in order (a function's result is position 0). */
export function parametersQuery(schema: string): CatalogQuery {
  return query(
    'SPECIFIC_NAME AS specific_name, ROUTINE_TYPE AS routine_type, ORDINAL_POSITION AS ordinal_position, PARAMETER_MODE AS parameter_mode,'
      + ' PARAMETER_NAME AS parameter_name, DTD_IDENTIFIER AS dtd_identifier',
    'PARAMETERS',
    where('SPECIFIC_SCHEMA', 'SPECIFIC_SCHEMA', schema, {}),
    'SPECIFIC_NAME, ORDINAL_POSITION',
  );
}
