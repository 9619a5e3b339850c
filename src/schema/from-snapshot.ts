import { ColumnBuilder } from './column-builder.js';
import { columnExtras } from './column-def.js';
import { CheckConstraint, ForeignKeyConstraint, Index, keyConstraintOptions, PrimaryKeyConstraint, UniqueConstraint } from './constraints.js';
import { MetaData } from './metadata.js';
import type { ColumnSnapshot, ForeignKeySnapshot, SchemaSnapshot, TableSnapshot } from './snapshot.js';
import { pickTableOptions, Table, type TableItem, type TableOptions } from './table.js';
import type { ColumnsShape } from './column-types.js';

/**
 * Builds a MetaData holding Tables equal to a snapshot (usually a reflected one), so that
 * `createAll` can build the same schema in another database of the same dialect. Every name is
 * kept as the snapshot gives it (columns keep their database names, constraints their names; an
 * unnamed constraint stays unnamed: the MetaData has an empty naming convention).
 *
 * @example
 * ```ts
 * const metadata = metadataFromSnapshot(await inspect(source));
 * await metadata.createAll(target);
 * ```
 */
export function metadataFromSnapshot(snapshot: SchemaSnapshot, options: FromSnapshotOptions = {}): MetaData {
  const sourceTypes = {
    ...(snapshot.domains?.length ? { domains: snapshot.domains } : {}),
    ...(snapshot.extensionTypes?.length ? { extensionTypes: snapshot.extensionTypes } : {}),
  };
  const metadata = new MetaData({
    namingConvention: {},
    ...(snapshot.schema ? { schema: snapshot.schema } : {}),
    ...(Object.keys(sourceTypes).length > 0 ? { sourceTypes } : {}),
  });
  for (const table of snapshot.tables) tableFromSnapshot(metadata, options.foreignKeysNeedIndex ? withoutImplicitIndexes(table) : table);
  return metadata;
}

/** Options of {@link metadataFromSnapshot}. */
export interface FromSnapshotOptions {
  /**
   * The snapshot comes from a database that gives every foreign key an index of its own, named
   * after it (MySQL's InnoDB, `capabilities.foreignKeysNeedIndex`): such an index is left out,
   * since creating the foreign key creates it again.
   */
  readonly foreignKeysNeedIndex?: boolean;
}

/** The table without the indexes InnoDB made for its foreign keys (same name and columns). */
function withoutImplicitIndexes(table: TableSnapshot): TableSnapshot {
  const implicit = (ix: TableSnapshot['indexes'][number]): boolean =>
    !ix.unique && ix.expressions === null && ix.where === null &&
    table.foreignKeys.some((fk) => fk.name === ix.name && fk.columns.join('\u0000') === ix.columns.join('\u0000'));
  return table.indexes.some(implicit) ? { ...table, indexes: table.indexes.filter((ix) => !implicit(ix)) } : table;
}

function tableFromSnapshot(metadata: MetaData, table: TableSnapshot): Table {
  const columns: ColumnsShape = {};
  for (const c of table.columns) columns[c.name] = builderFromSnapshot(c);
  const items: TableItem[] = [];
  if (table.primaryKey) {
    const pk = table.primaryKey;
    items.push(new PrimaryKeyConstraint(pk.columns, keyConstraintOptions({ name: pk.name, onConflict: pk.onConflict ?? null })));
  }
  for (const fk of table.foreignKeys) items.push(foreignKeyFromSnapshot(fk, table));
  for (const u of table.uniques) items.push(new UniqueConstraint(u.columns, keyConstraintOptions({ name: u.name, onConflict: u.onConflict ?? null })));
  for (const c of table.checks) items.push(c.name ? new CheckConstraint(c.expression, c.name) : new CheckConstraint(c.expression));
  for (const ix of table.indexes) {
    const elements = ix.expressions ? ix.expressions.map((expression) => ({ expression })) : ix.columns;
    items.push(new Index(ix.name, elements, {
      unique: ix.unique,
      ...(ix.where ? { where: ix.where } : {}),
      ...(ix.method ? { method: ix.method } : {}),
      include: ix.include ?? [],
      nullsNotDistinct: ix.nullsNotDistinct === true,
    }));
  }
  const options: TableOptions = {
    ...(table.comment !== null ? { comment: table.comment } : {}),
    ...(table.schema !== null && table.schema !== metadata.schema ? { schema: table.schema } : {}),
    ...pickTableOptions(table),
  };
  items.push(options);
  return new Table(metadata, table.name, columns, ...items);
}

/** A column builder equal to a reflected column (database name kept with `.name()`). */
export function builderFromSnapshot(c: ColumnSnapshot): ColumnBuilder<unknown, boolean> {
  return new ColumnBuilder<unknown, boolean>({
    type: c.type,
    nullability: c.nullable ? 'nullable' : 'notNull',
    primaryKey: false,
    clientDefault: null,
    serverDefault: c.default,
    unique: null,
    index: null,
    autoincrement: c.autoincrement,
    identity: false,
    comment: c.comment,
    references: null,
    name: c.name,
    extras: columnExtras(c),
  });
}

function foreignKeyFromSnapshot(fk: ForeignKeySnapshot, table: TableSnapshot): ForeignKeyConstraint {
  const referredSchema = fk.referredSchema ?? null;
  const referred = referredSchema && referredSchema !== table.schema ? `${referredSchema}.${fk.referredTable}` : fk.referredTable;
  return new ForeignKeyConstraint(fk.columns, referred, fk.referredColumns, {
    ...(fk.onDelete ? { onDelete: fk.onDelete } : {}),
    ...(fk.onUpdate ? { onUpdate: fk.onUpdate } : {}),
    deferrable: fk.deferrable,
    initiallyDeferred: fk.initiallyDeferred,
    ...(fk.name ? { name: fk.name } : {}),
  });
}
