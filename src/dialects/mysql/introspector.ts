import type { IntrospectOptions, Introspector } from '../../engine/dialect.js';
import type { Executor, Row } from '../../engine/types.js';
import { ReflectionError } from '../../errors/index.js';
import { deepFreeze, type DefinedObjectSnapshot, type SchemaSnapshot, type ViewSnapshot } from '../../schema/snapshot.js';
import { byCodePoint, int, text, textOrNull } from './catalog-values.js';
import { columnFromRow, TypeCache } from './introspector-columns.js';
import { addForeignKeys, addMariadbChecks, addMysqlChecks } from './introspector-constraints.js';
import { addColumn, finishTable, tableDraft, type TableDefaults, type TableDraft } from './introspector-draft.js';
import { addIndexes } from './introspector-indexes.js';
import { addTriggers, routinesFrom } from './introspector-routines.js';
import { viewDefinitionWithoutSchema, viewUses } from './view-definition.js';
import {
  checksQuery,
  checkTablesQuery,
  columnsQuery,
  flavourOf,
  foreignKeyColumnsQuery,
  parametersQuery,
  referentialQuery,
  routinesQuery,
  sequencesQuery,
  serverQuery,
  statisticsQuery,
  tablesQuery,
  triggersQuery,
  viewsQuery,
  type CatalogQuery,
  type ServerFlavour,
  type TableFilter,
} from './introspector-queries.js';

const TABLE_TYPES = new Set(['BASE TABLE', 'SYSTEM VERSIONED']);
/** The ROW_FORMAT a CREATE TABLE gave, in CREATE_OPTIONS (`row_format=COMPRESSED key_block_size=8`). */
const ROW_FORMAT = /\brow_format=(\w+)/i;

async function rows(executor: Executor, q: CatalogQuery): Promise<Row[]> {
  return (await executor.execute(q.sql, q.params)).rows;
}

/** Resolves the schema to read and the server's flavour, in one query. */
async function server(executor: Executor, asked: string | null): Promise<{ schema: string; flavour: ServerFlavour; defaults: TableDefaults; triggers: boolean; routines: boolean }> {
  const [row] = await rows(executor, serverQuery(asked));
  if (row === undefined) throw new ReflectionError('mysql: SELECT VERSION() returned no row');
  const schema = asked ?? textOrNull(row, 'current_db');
  if (schema === null) throw new ReflectionError('mysql: no database selected: put one in the URL or pass { schema }');
  if (int(row, 'schema_found') === 0) throw new ReflectionError(`schema "${schema}" does not exist`);
  const defaults = { collation: textOrNull(row, 'schema_collation'), engine: textOrNull(row, 'default_engine'), rowFormat: textOrNull(row, 'default_row_format') };
  return { schema, flavour: flavourOf(text(row, 'version')), defaults, triggers: int(row, 'trigger_count') > 0, routines: int(row, 'routine_count') > 0 };
}

/**
 * Reads a MySQL / MariaDB database into a SchemaSnapshot in a constant number of queries: one
 * for the server (version, current database, schema check), then one per information_schema
 * view (TABLES, COLUMNS, STATISTICS, KEY_COLUMN_USAGE, REFERENTIAL_CONSTRAINTS, CHECK_CONSTRAINTS;
 * MySQL 8 also TABLE_CONSTRAINTS; VIEWS, TRIGGERS, ROUTINES, PARAMETERS and MariaDB's sequences when there are such
 * objects), each filtered on the server by
 * schema and include / exclude, joined here in Maps. Without `schema`, the connection's database
 * is read and the snapshot's schema is null; with it, tables carry that schema.
 *
 * @example
 * ```ts
 * const snapshot = await mysqlIntrospector.introspect(connection, { exclude: ['retort_version'] });
 * ```
 */
async function introspect(executor: Executor, options: IntrospectOptions = {}): Promise<SchemaSnapshot> {
  const asked = options.schema ?? null;
  const { schema, flavour, defaults, triggers, routines } = await server(executor, asked);
  const filter: TableFilter = { include: options.include, exclude: options.exclude };

  const tables = new Map<string, TableDraft>();
  const viewNames: string[] = [];
  const sequenceNames: string[] = [];
  for (const row of await rows(executor, tablesQuery(schema, filter))) {
    const name = text(row, 'table_name');
    const type = text(row, 'table_type');
    if (TABLE_TYPES.has(type)) {
      const comment = text(row, 'table_comment');
      const draft = tableDraft(name, comment === '' ? null : comment, textOrNull(row, 'table_collation'), textOrNull(row, 'engine'), type === 'SYSTEM VERSIONED');
      draft.rowFormat = ROW_FORMAT.exec(textOrNull(row, 'create_options') ?? '')?.[1]?.toUpperCase() ?? null;
      tables.set(name, draft);
    } else if (type === 'VIEW') {
      viewNames.push(name);
    } else if (type === 'SEQUENCE') {
      sequenceNames.push(name);
    }
  }

  const types = new TypeCache();
  for (const row of await rows(executor, columnsQuery(schema, filter))) {
    const table = tables.get(text(row, 'table_name'));
    if (table !== undefined) addColumn(table, int(row, 'ordinal_position'), columnFromRow(row, types, flavour.mariadb, table.collation, schema));
  }
  addIndexes(await rows(executor, statisticsQuery(schema, filter, flavour)), tables);
  const fkColumns = await rows(executor, foreignKeyColumnsQuery(schema, filter));
  addForeignKeys(fkColumns, await rows(executor, referentialQuery(schema, filter)), tables, schema);
  if (flavour.checkConstraints) {
    const checkRows = await rows(executor, checksQuery(schema, filter, flavour));
    if (flavour.mariadb) addMariadbChecks(checkRows, tables);
    else addMysqlChecks(checkRows, await rows(executor, checkTablesQuery(schema, filter)), tables);
  }
  const views = viewNames.length === 0 ? [] : await readViews(executor, schema, filter, asked);
  if (triggers) addTriggers(await rows(executor, triggersQuery(schema, filter)), tables);

  const tableSchema = asked;
  const snapshot: SchemaSnapshot = {
    schema: tableSchema,
    tables: [...tables.values()].sort((a, b) => byCodePoint(a.name, b.name)).map((t) => finishTable(t, tableSchema, defaults)),
    enums: [],
    views,
    routines: routines ? routinesFrom(await rows(executor, routinesQuery(schema)), await rows(executor, parametersQuery(schema)), asked) : [],
    // MariaDB lists its sequences (none: []), so a default calling nextval() of a missing one is named
    ...(flavour.mariadb ? { sequences: sequenceNames.length === 0 ? [] : await readSequences(executor, schema, sequenceNames.sort(byCodePoint), asked) } : {}),
    ...(defaults.collation !== null ? { collation: defaults.collation } : {}),
  };
  return deepFreeze(snapshot);
}

/**
 * MariaDB's sequences, each with the text that follows `CREATE SEQUENCE name`, as SHOW CREATE
 * SEQUENCE writes it (`START WITH 100 MINVALUE 1 MAXVALUE 9223372036854775806 INCREMENT BY 5
 * CACHE 1000 NOCYCLE`, upper case, without the engine).
 */
async function readSequences(executor: Executor, schema: string, names: readonly string[], asked: string | null): Promise<DefinedObjectSnapshot[]> {
  return (await rows(executor, sequencesQuery(schema, names))).map((row) => {
    const cache = text(row, 'cache_size');
    const definition = `START WITH ${text(row, 'start_value')} MINVALUE ${text(row, 'minimum_value')} MAXVALUE ${text(row, 'maximum_value')}`
      + ` INCREMENT BY ${text(row, 'increment')} ${cache === '0' ? 'NOCACHE' : `CACHE ${cache}`} ${int(row, 'cycle_option') === 1 ? 'CYCLE' : 'NOCYCLE'}`;
    return { name: text(row, 'sequence_name'), schema: asked, definition };
  });
}

async function readViews(executor: Executor, schema: string, filter: TableFilter, asked: string | null): Promise<ViewSnapshot[]> {
  const views = (await rows(executor, viewsQuery(schema, filter))).map((row) => {
    const definition = textOrNull(row, 'view_definition');
    return {
      name: text(row, 'table_name'),
      schema: asked,
      // relative to its own database (the catalog qualifies every table with it)
      definition: definition === null ? null : viewDefinitionWithoutSchema(definition, schema),
      ...(definition === null ? {} : { uses: viewUses(definition, schema) }),
    };
  });
  return views.sort((a, b) => byCodePoint(a.name, b.name));
}

/**
 * The MySQL / MariaDB introspector.
 *
 * @example
 * ```ts
 * const snapshot = await inspect(engine); // calls mysqlIntrospector.introspect(connection, {})
 * ```
 */
export const mysqlIntrospector: Introspector = Object.freeze({ introspect });
