import type { SchemaSnapshot, TableSnapshot } from '../schema/snapshot.js';
import {
  opError,
  replaceTableAt,
  requireColumns,
  requireDropped,
  requireNamed,
  requireNewName,
  requireTableIndex,
  sortByName,
  without,
} from './apply-support.js';
import { checkIdentity, foreignKeyIdentity, uniqueIdentity } from './constraint-identity.js';
import type {
  AddCheckOp,
  AddForeignKeyOp,
  AddPrimaryKeyOp,
  AddUniqueOp,
  CreateIndexOp,
  DropCheckOp,
  DropForeignKeyOp,
  DropIndexOp,
  DropPrimaryKeyOp,
  DropUniqueOp,
} from './operation.js';
import { assertNever } from './operation.js';

type ConstraintOp =
  | CreateIndexOp
  | DropIndexOp
  | AddPrimaryKeyOp
  | DropPrimaryKeyOp
  | AddForeignKeyOp
  | DropForeignKeyOp
  | AddUniqueOp
  | DropUniqueOp
  | AddCheckOp
  | DropCheckOp;

/** applyOperation for indexes and constraints (see `applyOperation`). */
export function applyConstraintOperation(snapshot: SchemaSnapshot, op: ConstraintOp): SchemaSnapshot {
  const i = requireTableIndex(snapshot, op, op.schema, op.table);
  return replaceTableAt(snapshot, i, applyToTable(snapshot.tables[i]!, op));
}

function applyToTable(t: TableSnapshot, op: ConstraintOp): TableSnapshot {
  switch (op.kind) {
    case 'createIndex':
      requireNewName(op, t.indexes, op.index.name, 'index', t.name);
      requireColumns(op, t, op.index.columns, `index ${op.index.name}`);
      return { ...t, indexes: sortByName([...t.indexes, op.index]) };
    case 'dropIndex': {
      // Where a UNIQUE constraint is a unique index (MySQL), reflection reports a plain unique
      // index as a unique constraint: DROP INDEX removes it (compile only allows it on such dialects).
      const unique = t.indexes.some((ix) => ix.name === op.name) ? -1 : t.uniques.findIndex((u) => u.name === op.name);
      if (unique >= 0) return { ...t, uniques: without(t.uniques, unique) };
      return { ...t, indexes: without(t.indexes, requireNamed(op, t.indexes, op.name, 'index', t.name)) };
    }
    case 'addPrimaryKey': {
      if (t.primaryKey) throw opError(op, `table "${t.name}" already has a primary key`);
      const pk = op.primaryKey;
      requireColumns(op, t, pk.columns, 'the primary key');
      const columns = t.columns.map((c) => (pk.columns.includes(c.name) && c.nullable ? { ...c, nullable: false } : c));
      return { ...t, columns, primaryKey: pk };
    }
    case 'dropPrimaryKey':
      if (!t.primaryKey) throw opError(op, `table "${t.name}" has no primary key`);
      if (op.name !== null && t.primaryKey.name !== null && op.name !== t.primaryKey.name) {
        throw opError(op, `the primary key of table "${t.name}" is named "${t.primaryKey.name}"`);
      }
      return { ...t, primaryKey: null };
    case 'addForeignKey': {
      const fk = op.foreignKey;
      requireNewName(op, t.foreignKeys, fk.name, 'foreign key', t.name);
      requireColumns(op, t, fk.columns, `foreign key ${fk.name ?? '(unnamed)'}`);
      if (fk.columns.length !== fk.referredColumns.length || fk.columns.length === 0) {
        throw opError(op, `a foreign key needs as many referred columns as columns (${fk.columns.length} vs ${fk.referredColumns.length})`);
      }
      return { ...t, foreignKeys: sortByName([...t.foreignKeys, fk]) };
    }
    case 'dropForeignKey':
      return { ...t, foreignKeys: without(t.foreignKeys, requireDropped(op, t.foreignKeys, op.name, op.foreignKey, foreignKeyIdentity, 'foreign key', t.name)) };
    case 'addUnique':
      requireNewName(op, t.uniques, op.unique.name, 'unique constraint', t.name);
      requireColumns(op, t, op.unique.columns, `unique constraint ${op.unique.name ?? '(unnamed)'}`);
      return { ...t, uniques: sortByName([...t.uniques, op.unique]) };
    case 'dropUnique':
      return { ...t, uniques: without(t.uniques, requireDropped(op, t.uniques, op.name, op.unique, uniqueIdentity, 'unique constraint', t.name)) };
    case 'addCheck':
      requireNewName(op, t.checks, op.check.name, 'check constraint', t.name);
      return { ...t, checks: sortByName([...t.checks, op.check]) };
    case 'dropCheck':
      return { ...t, checks: without(t.checks, requireDropped(op, t.checks, op.name, op.check, checkIdentity, 'check constraint', t.name)) };
    default:
      return assertNever(op, 'operation');
  }
}
