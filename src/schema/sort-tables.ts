import type { ForeignKeySnapshot, SchemaSnapshot, TableSnapshot } from './snapshot.js';

/** An edge of the dependency graph: `from` has a foreign key to `to`. */
export interface DependencyEdge<N, E> {
  readonly from: N;
  readonly to: N;
  readonly data: E;
}

/** The result of {@link dependencyOrder}. */
export interface DependencyOrder<N, E> {
  /** Parents before children. */
  readonly order: N[];
  /** Edges whose parent comes after the child: the foreign keys that close cycles. */
  readonly deferred: DependencyEdge<N, E>[];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Strongly connected components (Tarjan) of `nodes` under `next`. */
function components<N>(nodes: readonly N[], next: (n: N) => N[]): N[][] {
  const index = new Map<N, number>();
  const low = new Map<N, number>();
  const stack: N[] = [];
  const onStack = new Set<N>();
  const result: N[][] = [];
  let counter = 0;
  const visit = (v: N): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const comp: N[] = [];
      let w: N;
      do {
        w = stack.pop() as N;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      result.push(comp);
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return result;
}

/**
 * Orders nodes so that every node comes after the nodes it depends on, breaking ties by name.
 * Self-edges are ignored. When the rest forms cycles, the deterministic rule is: among the
 * cycles that depend on nothing unplaced outside themselves, take the one holding the smallest
 * name; in it, place the node with the fewest edges to unplaced nodes (ties by name) and defer
 * those edges. Every deferred edge is needed for the order produced (its parent comes later).
 */
export function dependencyOrder<N, E>(nodes: readonly N[], name: (n: N) => string, edges: readonly DependencyEdge<N, E>[]): DependencyOrder<N, E> {
  const sorted = [...nodes].sort((a, b) => compare(name(a), name(b)));
  const outgoing = new Map<N, DependencyEdge<N, E>[]>(sorted.map((n) => [n, []]));
  for (const e of edges) if (e.from !== e.to && outgoing.has(e.from) && outgoing.has(e.to)) outgoing.get(e.from)?.push(e);
  const placed = new Set<N>();
  const order: N[] = [];
  const deferred: DependencyEdge<N, E>[] = [];
  const pending = (n: N): DependencyEdge<N, E>[] => (outgoing.get(n) ?? []).filter((e) => !placed.has(e.to));

  while (order.length < sorted.length) {
    const ready = sorted.find((n) => !placed.has(n) && pending(n).length === 0);
    if (ready !== undefined) {
      placed.add(ready);
      order.push(ready);
      continue;
    }
    const remaining = sorted.filter((n) => !placed.has(n));
    const comps = components(remaining, (n) => pending(n).map((e) => e.to));
    // Cycles that depend on nothing unplaced outside themselves can be started now.
    const startable = comps
      .filter((c) => c.every((n) => pending(n).every((e) => c.includes(e.to))))
      .map((c) => [...c].sort((a, b) => compare(name(a), name(b))))
      .sort((a, b) => compare(name(a[0] as N), name(b[0] as N)));
    const cycle = startable[0] as N[];
    const pick = [...cycle].sort((a, b) => pending(a).length - pending(b).length || compare(name(a), name(b)))[0] as N;
    deferred.push(...pending(pick));
    placed.add(pick);
    order.push(pick);
  }
  return { order, deferred };
}

/** A foreign key of a table, as {@link sortTables} reports those that close cycles. */
export interface TableForeignKey {
  readonly table: TableSnapshot;
  readonly fk: ForeignKeySnapshot;
}

function tableKey(t: { readonly name: string; readonly schema: string | null }): string {
  return t.schema === null ? t.name : `${t.schema}.${t.name}`;
}

/** The table of a snapshot that a foreign key refers to, when it is in the snapshot. */
export function referredTable(snapshot: SchemaSnapshot, table: TableSnapshot, fk: ForeignKeySnapshot): TableSnapshot | undefined {
  const schema = fk.referredSchema ?? table.schema;
  const candidates = snapshot.tables.filter((t) => t.name === fk.referredTable);
  return candidates.find((t) => t.schema === schema) ?? (candidates.length === 1 ? candidates[0] : undefined);
}

/**
 * Tables of a snapshot in foreign-key order (parents first, ties by name, self-references
 * ignored), and the foreign keys that close cycles: create the tables without those, then add
 * them with ALTER TABLE; to drop, drop them first, then the tables in reverse order. Foreign keys
 * to tables outside the snapshot are ignored.
 *
 * @example
 * ```ts
 * const { order, cycleForeignKeys } = sortTables(metadata.snapshot('postgresql'));
 * ```
 */
export function sortTables(snapshot: SchemaSnapshot): { order: TableSnapshot[]; cycleForeignKeys: TableForeignKey[] } {
  const edges: DependencyEdge<TableSnapshot, ForeignKeySnapshot>[] = [];
  for (const table of snapshot.tables) {
    for (const fk of table.foreignKeys) {
      const parent = referredTable(snapshot, table, fk);
      if (parent) edges.push({ from: table, to: parent, data: fk });
    }
  }
  const { order, deferred } = dependencyOrder(snapshot.tables, tableKey, edges);
  return { order, cycleForeignKeys: deferred.map((e) => ({ table: e.from, fk: e.data })) };
}

/** What createAll does, in order. */
export interface CreatePlan {
  /** Tables in creation order. */
  readonly tables: TableSnapshot[];
  /** Foreign keys to leave out of CREATE TABLE and add afterwards (empty where constraints cannot be altered). */
  readonly deferredForeignKeys: TableForeignKey[];
}

/**
 * The creation plan of a snapshot: tables in foreign-key order, with the foreign keys that close
 * cycles deferred to ALTER TABLE, unless the dialect cannot add constraints to existing tables
 * (SQLite), where every foreign key stays inline (SQLite does not check references at CREATE).
 */
export function planCreate(snapshot: SchemaSnapshot, capabilities: { readonly alterConstraints?: boolean }): CreatePlan {
  const { order, cycleForeignKeys } = sortTables(snapshot);
  return { tables: order, deferredForeignKeys: capabilities.alterConstraints === false ? [] : cycleForeignKeys };
}
