import { SchemaError } from '../errors/index.js';
import type { IntrospectOptions } from '../engine/dialect.js';
import type { Engine } from '../engine/types.js';
import { metadataFromSnapshot } from './from-snapshot.js';
import { createAll, dropAll, type CreateAllOptions, type DropAllOptions } from './create-all.js';
import { resolveForeignKey } from './fk-resolve.js';
import { defaultNamingConvention, type NamingConvention } from './naming-convention.js';
import { buildSchemaSnapshot } from './schema-snapshot.js';
import type { DomainSnapshot, ExtensionTypeSnapshot, SchemaSnapshot } from './snapshot.js';
import { resolveTarget, type SnapshotTarget } from './snapshot-target.js';
import { dependencyOrder, planCreate, type CreatePlan } from './sort-tables.js';
import type { Table } from './table.js';

/** Options of a {@link MetaData}. */
export interface MetaDataOptions {
  /** Templates naming constraints and indexes; default {@link defaultNamingConvention}. */
  readonly namingConvention?: NamingConvention;
  /** Schema (PostgreSQL) or database (MySQL) of tables that do not name one. */
  readonly schema?: string;
  /**
   * PostgreSQL: the domains and extension types of the database the models were reflected from
   * (`MetaData.reflect` sets them), carried into `snapshot()` so that autogenerate can name the
   * CREATE DOMAIN / CREATE EXTENSION a database lacking them needs. Not managed, never compared.
   */
  readonly sourceTypes?: SourceTypes;
}

/** See {@link MetaDataOptions.sourceTypes}. */
export interface SourceTypes {
  readonly domains?: readonly DomainSnapshot[];
  readonly extensionTypes?: readonly ExtensionTypeSnapshot[];
}

/**
 * A hook by which a layer above (the ORM) takes part in resolving a MetaData.
 * @internal
 */
export interface MetaDataExtension {
  /** Offered every value given to `registerModels`; returns true when it took it. */
  register(value: unknown): boolean;
  /** Called before anything that needs every table; may add tables, throws SchemaError when it cannot finish. */
  resolve(): void;
}

/**
 * A collection of tables (and the models declaring them) that belong to one database: the unit
 * that `snapshot()`, `createAll()` and autogenerate work on. Nothing is global: several MetaData
 * objects, each with its own models and engine, can live side by side.
 *
 * @example
 * ```ts
 * const metadata = new MetaData({ namingConvention: defaultNamingConvention });
 * new Table(metadata, 'tag', { id: column.integer().primaryKey(), label: column.string(50).notNull().unique() });
 * const snap = metadata.snapshot('postgresql');
 * await metadata.createAll(engine);
 * ```
 */
export class MetaData {
  readonly namingConvention: NamingConvention;
  /** True when the constructor was given a naming convention (false: the default one). */
  readonly declaresNamingConvention: boolean;
  readonly schema: string | null;
  /** See {@link MetaDataOptions.sourceTypes}; null when not given. */
  readonly sourceTypes: SourceTypes | null;
  readonly #tables: Table[] = [];
  /** The registered tables by name (several when schemas differ), for lookups in constant time. */
  readonly #byName = new Map<string, Table[]>();
  readonly #extensions: MetaDataExtension[] = [];
  #resolving = false;

  constructor(options: MetaDataOptions = {}) {
    this.namingConvention = Object.freeze({ ...(options.namingConvention ?? defaultNamingConvention) });
    this.declaresNamingConvention = options.namingConvention !== undefined;
    this.schema = options.schema ?? null;
    this.sourceTypes = options.sourceTypes ?? null;
  }

  /** Every table, in registration order, after pending models are resolved. */
  get tables(): readonly Table[] {
    this.resolve();
    return Object.freeze([...this.#tables]);
  }

  /**
   * The tables registered so far, without resolving pending models.
   * @internal
   */
  get tablesUnresolved(): readonly Table[] {
    return this.#tables;
  }

  /** The table with this name (and schema, when given); throws a SchemaError when there is none. */
  table(name: string, schema?: string | null): Table {
    const found = this.tables.find((t) => t.name === name && (schema === undefined || t.schema === schema));
    if (!found) throw new SchemaError(`no table "${schema ? `${schema}.` : ''}${name}" in this MetaData`);
    return found;
  }

  /** True when a table of this name (and schema, when given) exists. */
  hasTable(name: string, schema?: string | null): boolean {
    return this.tables.some((t) => t.name === name && (schema === undefined || t.schema === schema));
  }

  /**
   * Registers a table; called by the Table constructor.
   * @internal
   */
  addTable(table: Table): void {
    if (table.metadata !== this) throw new SchemaError(`table "${table.name}" belongs to another MetaData`);
    const named = this.#byName.get(table.name);
    if (named?.some((t) => t.schema === table.schema)) throw new SchemaError(`table "${table.qualifiedName}" is defined twice in one MetaData`);
    this.#tables.push(table);
    if (named) named.push(table);
    else this.#byName.set(table.name, [table]);
  }

  /**
   * The tables registered so far under this name (one per schema), in registration order,
   * without resolving pending models.
   * @internal
   */
  tablesNamed(name: string): readonly Table[] {
    return this.#byName.get(name) ?? [];
  }

  /**
   * Adds an extension (the ORM's model registry).
   * @internal
   */
  addExtension(extension: MetaDataExtension): void {
    this.#extensions.push(extension);
  }

  /**
   * Binds model classes to this MetaData: classes, arrays of classes, or module namespace objects
   * (`import * as models from './models.js'`), whose other exports are ignored. Needed only for
   * models that nothing else refers to and that are never used before `snapshot()` / `createAll()`.
   *
   * @example
   * ```ts
   * import * as models from './models.js';
   * metadata.registerModels(models);
   * ```
   */
  registerModels(...items: unknown[]): this {
    const offer = (value: unknown, direct: boolean): void => {
      if (typeof value !== 'function') return;
      const taken = this.#extensions.some((e) => e.register(value));
      if (!taken && direct) throw new SchemaError(`registerModels(): ${value.name || 'an anonymous function'} is not a model class of this MetaData`);
    };
    for (const item of items) {
      if (typeof item === 'function') offer(item, true);
      else if (Array.isArray(item)) for (const v of item) offer(v, true);
      else if (isNamespace(item)) for (const v of Object.values(item)) offer(v, false);
      else throw new SchemaError('registerModels(): pass model classes, arrays of them, or module namespace objects');
    }
    return this;
  }

  /** Resolves pending models and relationships; throws SchemaError for what cannot be resolved. */
  resolve(): void {
    if (this.#resolving) return;
    this.#resolving = true;
    try {
      for (const extension of this.#extensions) extension.resolve();
    } finally {
      this.#resolving = false;
    }
  }

  /**
   * The tables in foreign-key dependency order: parents first, ties broken by name,
   * self-references ignored. Tables in a cycle come in the order `sortTables` gives them.
   */
  get sortedTables(): readonly Table[] {
    const tables = this.tables;
    // a table outside the models (another schema's) orders nothing
    const edges = tables.flatMap((table) => table.foreignKeys.flatMap((fk) => {
      const to = resolveForeignKey(this, table, fk).referredTable;
      return to === null ? [] : [{ from: table, to, data: fk }];
    }));
    return Object.freeze(dependencyOrder(tables, (t) => t.qualifiedName, edges).order);
  }

  /**
   * The schema as the one plain, frozen snapshot model, for a target dialect (a Dialect object or
   * `'postgresql'` / `'mysql'` / `'sqlite'`). Names are final: naming conventions applied and
   * names longer than the dialect keeps shortened with a hash. Validates the schema on the way
   * (unknown foreign key targets, duplicate names, unnamed PostgreSQL enums, strings without
   * length on MySQL, ...), throwing a SchemaError that names the table and column.
   * `options.namingConvention` names the constraints instead of the MetaData's own convention.
   *
   * @example
   * ```ts
   * const snap = metadata.snapshot(engine.dialect);
   * snap.tables.map((t) => t.name);
   * ```
   */
  snapshot(target: SnapshotTarget | string, options: { readonly namingConvention?: NamingConvention } = {}): SchemaSnapshot {
    return buildSchemaSnapshot(this, target, options.namingConvention ?? this.namingConvention);
  }

  /** The creation plan for a dialect: tables in order and the cycle foreign keys to add afterwards. */
  sortTablesForCreate(target: SnapshotTarget | string): CreatePlan {
    return planCreate(this.snapshot(target), { alterConstraints: resolveTarget(target).alterConstraints });
  }

  /**
   * Creates the enums, tables, indexes and foreign keys of this MetaData. With `checkFirst`,
   * what exists already is left alone.
   *
   * @example
   * ```ts
   * await metadata.createAll(engine, { checkFirst: true });
   * ```
   */
  createAll(engine: Engine, options: CreateAllOptions = {}): Promise<void> {
    return createAll(this.snapshot(engine.dialect), engine, options);
  }

  /** Drops the tables (and enums) of this MetaData; with `checkFirst`, only those that exist. */
  dropAll(engine: Engine, options: DropAllOptions = {}): Promise<void> {
    return dropAll(this.snapshot(engine.dialect), engine, options);
  }

  /**
   * Reads a live database into a new MetaData whose Tables `createAll` can build again in another
   * database of the same dialect. Names, types, defaults and constraints are kept as reflected.
   *
   * @example
   * ```ts
   * const legacy = await MetaData.reflect(source, { exclude: ['retort_version'] });
   * await legacy.createAll(copy);
   * ```
   */
  static async reflect(engine: Engine, options: IntrospectOptions = {}): Promise<MetaData> {
    const snapshot = await engine.withConnection((conn) => engine.dialect.introspector.introspect(conn, options));
    return metadataFromSnapshot(snapshot, { foreignKeysNeedIndex: engine.dialect.capabilities.foreignKeysNeedIndex });
  }
}

/** A module namespace object or a plain object (whose values are offered as models). */
function isNamespace(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  if (Object.prototype.toString.call(value) === '[object Module]') return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
