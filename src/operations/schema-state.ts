import type { SchemaSnapshot, TableSnapshot } from '../schema/snapshot.js';
import { emptySnapshot } from '../schema/snapshot.js';
import { applyOperation } from './apply.js';
import type { Operation } from './operation.js';
import { lookupTable, operationTable, qualifiedName } from './target.js';

/**
 * What a migration context knows of the schema while it runs ops: it answers for the tables the
 * compilers need (see `needsTable`), and is brought up to date with each op it runs.
 * {@link OfflineSchemaState} holds a whole snapshot; `OnlineSchemaState` reads tables from the
 * database the first time they are needed.
 */
export interface SchemaState {
  /** The table as it is now, or undefined when there is no such table. */
  table(schema: string | null, name: string): Promise<TableSnapshot | undefined>;
  /**
   * The whole schema as it is now; with `schema`, that schema (PostgreSQL: an op on an enum type
   * of another schema than the migrations' default one, whose columns live there).
   */
  snapshot(schema?: string | null): Promise<SchemaSnapshot>;
  /**
   * Brings the state up to date with an op (via `applyOperation`). Called before the op's
   * statements run, so an op that does not fit the schema fails before any SQL; throws an
   * OperationError then. After a statement fails, the state is not to be trusted.
   */
  apply(op: Operation): void;
  /**
   * Why a table the compiler needs is missing, when the state may not know every table (see
   * {@link OfflineSchemaState}'s `partial`); absent: the table does not exist.
   */
  missingTable?(schema: string | null, name: string): string;
}

export interface OfflineSchemaStateOptions {
  /**
   * The snapshot may lack tables that exist (an offline run knows the tables its earlier
   * migrations created; a database adopted as it was, or tables made by raw SQL, hold others).
   * An op on a table the snapshot lacks then changes nothing in it instead of failing, and an op
   * whose compiler needs such a table fails with {@link SchemaState.missingTable}'s reason.
   */
  readonly partial?: boolean;
}

/**
 * The state of offline (`--sql`) migrations: a snapshot, e.g. built by replaying the earlier
 * migrations' ops with `applyOperations` from an empty schema.
 *
 * @example
 * ```ts
 * const state = new OfflineSchemaState(applyOperations(emptySnapshot(), earlierOps));
 * ```
 */
export class OfflineSchemaState implements SchemaState {
  #snapshot: SchemaSnapshot;
  readonly #partial: boolean;

  constructor(snapshot: SchemaSnapshot = emptySnapshot(), options: OfflineSchemaStateOptions = {}) {
    this.#snapshot = snapshot;
    this.#partial = options.partial === true;
  }

  /** The snapshot as it stands. */
  get current(): SchemaSnapshot {
    return this.#snapshot;
  }

  table(schema: string | null, name: string): Promise<TableSnapshot | undefined> {
    return Promise.resolve(lookupTable(this.#snapshot, schema, name));
  }

  snapshot(): Promise<SchemaSnapshot> {
    return Promise.resolve(this.#snapshot);
  }

  apply(op: Operation): void {
    if (this.#partial && op.kind !== 'createTable') {
      const target = operationTable(op);
      if (target && !lookupTable(this.#snapshot, target.schema, target.name)) return;
    }
    this.#snapshot = applyOperation(this.#snapshot, op);
  }

  missingTable(schema: string | null, name: string): string {
    const table = `table "${qualifiedName(schema, name)}"`;
    if (!this.#partial) return `${table} does not exist`;
    return `${table} is unknown to this offline (--sql) run, which knows only the tables its earlier migrations created ` +
      '(one created outside them, e.g. in a database adopted with `retort stamp` or by raw SQL, has no definition here): ' +
      'run this migration online, or give the op what it needs (a column\'s full definition, a constraint\'s name)';
  }
}
