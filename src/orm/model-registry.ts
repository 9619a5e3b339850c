import { SchemaError } from '../errors/index.js';
import type { ColumnsShape } from '../schema/column-types.js';
import type { MetaData, MetaDataExtension } from '../schema/metadata.js';
import { snakeCase } from '../schema/snake-case.js';
import { pickTableOptions, Table } from '../schema/table.js';
import type { ModelOptions } from './model-types.js';
import { isRelationship, type Relationship } from './relationship.js';
import { resolveRelationship } from './relationship-resolve.js';

/** One `Base.table(...)` call: its columns, options, where it was made, and what it is bound to. */
export interface ModelEntry {
  readonly columns: ColumnsShape;
  readonly options: ModelOptions;
  /** `file:line` of the `Base.table(...)` call. */
  readonly callSite: string;
  /** The class `Base.table()` returned. */
  generated: abstract new (...args: never[]) => unknown;
  /** The user's class that extends it, once known. */
  bound: (abstract new (...args: never[]) => unknown) | null;
  table: Table | null;
}

type AnyClass = abstract new (...args: never[]) => unknown;

const registries = new WeakMap<MetaData, ModelRegistry>();

/**
 * The models of one MetaData, and the MetaData extension that binds pending models to their
 * classes and resolves relationships. One per MetaData; nothing global.
 */
export class ModelRegistry implements MetaDataExtension {
  readonly entries: ModelEntry[] = [];
  readonly #byGenerated = new Map<unknown, ModelEntry>();
  readonly #resolvedRelationships = new Set<Relationship>();

  private constructor(readonly metadata: MetaData) {}

  /** The registry of a MetaData, created (and hooked into the MetaData) on first use. */
  static of(metadata: MetaData): ModelRegistry {
    let registry = registries.get(metadata);
    if (!registry) {
      registry = new ModelRegistry(metadata);
      registries.set(metadata, registry);
      metadata.addExtension(registry);
    }
    return registry;
  }

  /** Records a `Base.table()` call; creates its table at once when the table name is given. */
  define(entry: ModelEntry): void {
    this.entries.push(entry);
    this.#byGenerated.set(entry.generated, entry);
    if (entry.options.tableName !== undefined) entry.table = this.createTable(entry, entry.options.tableName);
  }

  /** The entry of a class that extends (directly or not) a generated model class of this registry. */
  entryOf(cls: unknown): ModelEntry | undefined {
    let c: unknown = cls;
    while (typeof c === 'function') {
      const entry = this.#byGenerated.get(c);
      if (entry) return entry;
      c = Object.getPrototypeOf(c);
    }
    return undefined;
  }

  /**
   * Binds an entry to the user's class found from `cls` (the class a static member was used
   * through, or `new.target`): the class directly extending the generated one. Returns the table.
   */
  bind(entry: ModelEntry, cls: unknown): Table {
    if (cls === entry.generated) {
      if (entry.table) return entry.table;
      throw new SchemaError(
        `the model declared at ${entry.callSite} was used directly: extend it with a named class (class Post extends Base.table({...}) {}) or pass { tableName }`,
      );
    }
    let direct: unknown = cls;
    while (typeof direct === 'function' && Object.getPrototypeOf(direct) !== entry.generated) direct = Object.getPrototypeOf(direct);
    if (typeof direct !== 'function') throw new SchemaError(`the model declared at ${entry.callSite}: ${String(cls)} does not extend it`);
    const klass = direct as AnyClass;
    if (entry.bound && entry.bound !== klass) {
      throw new SchemaError(
        `the model declared at ${entry.callSite} is extended by two classes (${entry.bound.name} and ${klass.name}); call Base.table() once per model class`,
      );
    }
    if (!entry.bound) {
      entry.bound = klass;
      if (!entry.table) {
        // A `static tableName = '...'` on the class names the table too (like __tablename__).
        const own = Object.getOwnPropertyDescriptor(klass, 'tableName');
        if (own && typeof own.value === 'string') {
          entry.table = this.createTable(entry, own.value);
          return entry.table;
        }
        if (!klass.name) {
          throw new SchemaError(`the model declared at ${entry.callSite} is an anonymous class: give the class a name or pass { tableName }`);
        }
        entry.table = this.createTable(entry, snakeCase(klass.name));
      }
    }
    return entry.table as Table;
  }

  /** MetaDataExtension: takes model classes given to `metadata.registerModels()`. */
  register(value: unknown): boolean {
    const entry = this.entryOf(value);
    if (!entry || value === entry.generated) return false;
    this.bind(entry, value);
    return true;
  }

  /**
   * MetaDataExtension: binds the models that references and relationships reach, fails for
   * models still unbound, then resolves relationships (creating association tables).
   */
  resolve(): void {
    this.discover();
    const unbound = this.entries.filter((e) => !e.table);
    if (unbound.length > 0) {
      const list = unbound.map((e) => `  - declared at ${e.callSite} with columns (${Object.keys(e.columns).join(', ')})`).join('\n');
      throw new SchemaError(
        `${unbound.length} model(s) are not bound to their class yet, so their table names are unknown:\n${list}\n`
        + 'Use each class once (Post.table), call metadata.registerModels(...classes or import * as models), or pass { tableName } to Base.table().',
      );
    }
    for (const entry of this.entries) {
      if (!entry.bound) continue;
      for (const [key, rel] of this.relationshipsOf(entry.bound)) {
        if (this.#resolvedRelationships.has(rel)) continue;
        rel.setResolved(resolveRelationship(this, entry, key, rel));
        this.#resolvedRelationships.add(rel);
      }
    }
  }

  /** The relationships declared as static members of a model class. */
  relationshipsOf(cls: AnyClass): [string, Relationship][] {
    return Object.getOwnPropertyNames(cls)
      .map((key): [string, unknown] => [key, (cls as unknown as Record<string, unknown>)[key]])
      .filter((pair): pair is [string, Relationship] => isRelationship(pair[1]));
  }

  /**
   * Calls every reference function of every table and every relationship target, which binds
   * the model classes they reach, until nothing new is bound. Errors are left for resolution to
   * report with context.
   */
  private discover(): void {
    let before = -1;
    while (before !== this.boundCount()) {
      before = this.boundCount();
      for (const table of [...this.metadata.tablesUnresolved]) {
        for (const fk of table.foreignKeys) if (typeof fk.referred === 'function') this.touch(() => (fk.referred as () => unknown)());
      }
      for (const entry of this.entries) {
        if (!entry.bound) continue;
        for (const [, rel] of this.relationshipsOf(entry.bound)) {
          this.touch(() => {
            const target = rel.target();
            if (typeof target === 'function') this.register(target);
          });
          const secondary = rel.options.secondary;
          if (typeof secondary === 'function') this.touch(secondary);
        }
      }
    }
  }

  private touch(fn: () => unknown): void {
    try {
      fn();
    } catch {
      // Reported with context when the schema is resolved.
    }
  }

  private boundCount(): number {
    return this.entries.filter((e) => e.table !== null).length;
  }

  private createTable(entry: ModelEntry, name: string): Table {
    const options = entry.options;
    return new Table(this.metadata, name, entry.columns, ...(options.constraints ?? []), {
      ...(options.comment !== undefined ? { comment: options.comment } : {}),
      ...(options.schema !== undefined ? { schema: options.schema } : {}),
      ...pickTableOptions(options),
    });
  }
}
