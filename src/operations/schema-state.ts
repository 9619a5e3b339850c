import type { SchemaSnapshot, TableSnapshot } from '../schema/snapshot.js';
import { emptySnapshot } from '../schema/snapshot.js';
import { applyOperation } from './apply.js';
import type { Operation } from './operation.js';
import { lookupTable } from './target.js';

/**
 * What a migration context knows of the schema while it runs ops: it answers for the tables the
 * compilers need (see `needsTable`), and is brought up to date with each op it runs.
 * {@link OfflineSchemaState} holds a whole snapshot; `OnlineSchemaState` reads tables from the
 * database the first time they are needed.
 */
export interface SchemaState {
  /** The table as it is now, or undefined when there is no such table. */
  table(schema: string | null, name: string): Promise<TableSnapshot | undefined>;
  /** The whole schema as it is now. */
  snapshot(): Promise<SchemaSnapshot>;
  /**
   * Brings the state up to date with an op (via `applyOperation`). Called before the op's
   * statements run, so an op that does not fit the schema fails before any SQL; throws an
   * OperationError then. After a statement fails, the state is not to be trusted.
   */
  apply(op: Operation): void;
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

  constructor(snapshot: SchemaSnapshot = emptySnapshot()) {
    this.#snapshot = snapshot;
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
    this.#snapshot = applyOperation(this.#snapshot, op);
  }
}
