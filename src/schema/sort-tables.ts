// TEMPORARY STUB (compare branch): the schema branch writes the real `sortTables`; this stand-in
// has the agreed signature and a correct, simple implementation so autogenerate can be tested.
import type { ForeignKeySnapshot, SchemaSnapshot, TableSnapshot } from './snapshot.js';

/** The result of {@link sortTables}. */
export interface SortedTables {
  /** Tables with every referred table before the tables referring to it (cycle FKs aside). */
  readonly order: TableSnapshot[];
  /** Foreign keys that close a cycle; they must be added after the tables are created. */
  readonly cycleForeignKeys: { table: string; fk: ForeignKeySnapshot }[];
}

/**
 * Orders a snapshot's tables parents first. FKs to tables outside the snapshot and
 * self-references are ignored; every FK between two tables of one cycle is reported in
 * `cycleForeignKeys`. Ties are broken by table name, so the order is deterministic.
 *
 * @example
 * ```ts
 * const { order, cycleForeignKeys } = sortTables(snapshot);
 * ```
 */
export function sortTables(snapshot: SchemaSnapshot): SortedTables {
  const tables = [...snapshot.tables].sort((a, b) => compareText(a.name, b.name));
  const byName = new Map(tables.map((t) => [t.name, t]));
  const parents = new Map<string, Set<string>>();
  for (const t of tables) {
    const set = new Set<string>();
    for (const fk of t.foreignKeys) {
      if (fk.referredTable !== t.name && byName.has(fk.referredTable)) set.add(fk.referredTable);
    }
    parents.set(t.name, set);
  }

  const component = stronglyConnected(tables.map((t) => t.name), parents);
  const cycleForeignKeys: { table: string; fk: ForeignKeySnapshot }[] = [];
  for (const t of tables) {
    for (const fk of t.foreignKeys) {
      if (fk.referredTable === t.name || !byName.has(fk.referredTable)) continue;
      if (component.get(fk.referredTable) === component.get(t.name)) {
        cycleForeignKeys.push({ table: t.name, fk });
        parents.get(t.name)?.delete(fk.referredTable);
      }
    }
  }

  const order: TableSnapshot[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const next = tables.find((t) => !done.has(t.name) && [...(parents.get(t.name) ?? [])].every((p) => done.has(p)));
    if (next === undefined) break; // unreachable: the cycle FKs were removed above
    done.add(next.name);
    order.push(next);
  }
  return { order, cycleForeignKeys };
}

/** Tarjan's algorithm: the id of each node's strongly connected component. */
function stronglyConnected(nodes: readonly string[], edges: ReadonlyMap<string, ReadonlySet<string>>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;

  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.set(member, components);
      } while (member !== node);
      components++;
    }
  };

  for (const node of nodes) if (!index.has(node)) visit(node);
  return component;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
