import { assertNever, type ColumnAlterations } from '../operations/operation.js';
import type { CompareDialect } from './compare-options.js';
import type { ColumnCompareContext, SchemaCompareContext, TableCompareContext } from './compare-context.js';
import type { OperationPlan } from './operation-plan.js';

/** The change one column comparator found: the new values and the values before, same keys. */
export interface ColumnChange {
  readonly changes: ColumnAlterations;
  readonly previous: ColumnAlterations;
}

interface ComparatorBase {
  /** A short name, unique within its scope (`column-type`, `foreign-keys`, `mysql-unique-index`). */
  readonly id: string;
  /** Whether the comparator applies to a dialect (capability flags); default: always. */
  readonly when?: (dialect: CompareDialect) => boolean;
}

/** Compares the whole schema (tables present or not, named enums). */
export interface SchemaComparator extends ComparatorBase {
  readonly scope: 'schema';
  compare(context: SchemaCompareContext, plan: OperationPlan): void;
}

/** Compares one table present on both sides. */
export interface TableComparator extends ComparatorBase {
  readonly scope: 'table';
  compare(context: TableCompareContext, plan: OperationPlan): void;
}

/** Compares one attribute of a column present on both sides; the changes are merged into one alterColumn. */
export interface ColumnComparator extends ComparatorBase {
  readonly scope: 'column';
  compare(context: ColumnCompareContext): ColumnChange | null;
}

/** Any comparator. */
export type Comparator = SchemaComparator | TableComparator | ColumnComparator;

/** Where a comparator is registered. */
export interface RegisterOptions {
  /** Only for these dialect names (in addition to `when`). */
  readonly dialects?: readonly string[];
  /** Run before the comparator with this id (same scope); default: after all registered ones. */
  readonly before?: string;
}

interface Entry<C extends Comparator> {
  readonly comparator: C;
  readonly dialects: readonly string[] | null;
}

/**
 * Comparators by scope, in the order they run. Adding a comparison is writing one comparator and
 * registering it; a dialect-specific comparator runs before the generic ones it relieves and
 * claims the objects it handled (see `SchemaCompareContext.claim`).
 *
 * @example
 * ```ts
 * const registry = defaultComparators().clone();
 * registry.register(myViewComparator);
 * compare(target, current, { dialect, comparators: registry });
 * ```
 */
export class ComparatorRegistry {
  readonly #schema: Entry<SchemaComparator>[] = [];
  readonly #table: Entry<TableComparator>[] = [];
  readonly #column: Entry<ColumnComparator>[] = [];

  /** Registers a comparator; returns the registry. */
  register(comparator: Comparator, options: RegisterOptions = {}): this {
    const dialects = options.dialects ?? null;
    switch (comparator.scope) {
      case 'schema':
        insert(this.#schema, { comparator, dialects }, options.before);
        break;
      case 'table':
        insert(this.#table, { comparator, dialects }, options.before);
        break;
      case 'column':
        insert(this.#column, { comparator, dialects }, options.before);
        break;
      default:
        assertNever(comparator, 'comparator scope');
    }
    return this;
  }

  /** The schema comparators that apply to a dialect, in order. */
  schemaComparators(dialect: CompareDialect): SchemaComparator[] {
    return applicable(this.#schema, dialect);
  }

  /** The table comparators that apply to a dialect, in order. */
  tableComparators(dialect: CompareDialect): TableComparator[] {
    return applicable(this.#table, dialect);
  }

  /** The column comparators that apply to a dialect, in order. */
  columnComparators(dialect: CompareDialect): ColumnComparator[] {
    return applicable(this.#column, dialect);
  }

  /** A copy that can be extended without changing this registry. */
  clone(): ComparatorRegistry {
    const copy = new ComparatorRegistry();
    copy.#schema.push(...this.#schema);
    copy.#table.push(...this.#table);
    copy.#column.push(...this.#column);
    return copy;
  }
}

function insert<C extends Comparator>(list: Entry<C>[], entry: Entry<C>, before: string | undefined): void {
  const at = before === undefined ? -1 : list.findIndex((e) => e.comparator.id === before);
  if (at < 0) list.push(entry);
  else list.splice(at, 0, entry);
}

function applicable<C extends Comparator>(list: readonly Entry<C>[], dialect: CompareDialect): C[] {
  return list
    .filter((e) => (e.dialects === null || e.dialects.includes(dialect.name)) && (e.comparator.when?.(dialect) ?? true))
    .map((e) => e.comparator);
}
