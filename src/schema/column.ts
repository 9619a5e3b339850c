import type { ColumnBuilder } from './column-builder.js';
import type { ColumnDef } from './column-def.js';
import type { Table } from './table.js';

/**
 * A column of a {@link Table}: its TypeScript key, its database name and its declaration. Model
 * classes expose their columns as `Model.columns.key`, which is what `.references()` points at.
 *
 * @example
 * ```ts
 * const post = new Table(metadata, 'post', { authorId: column.integer() });
 * post.columns.authorId.name; // 'author_id'
 * ```
 */
export class Column<T = unknown, N extends boolean = boolean> {
  /** Type-level only: the column's value type. */
  declare readonly __value: T;
  /** Type-level only: true when the column may be null. */
  declare readonly __nullable: N;

  constructor(
    /** The table the column belongs to. */
    readonly table: Table,
    /** The TypeScript key of the column in its columns object. */
    readonly key: string,
    /** The database name. */
    readonly name: string,
    /** The builder the column was declared with. */
    readonly builder: ColumnBuilder<T, N>,
  ) {
    Object.freeze(this);
  }

  /** The declaration as plain data. */
  get def(): ColumnDef {
    return this.builder.def;
  }

  /** True when the column is part of its table's primary key. */
  get primaryKey(): boolean {
    return this.table.primaryKey?.columns.includes(this.name) ?? false;
  }

  /** `table.column`, for messages. */
  toString(): string {
    return `${this.table.name}.${this.name}`;
  }
}

/** True when `value` is a table {@link Column}. */
export function isColumn(value: unknown): value is Column {
  return value instanceof Column;
}
