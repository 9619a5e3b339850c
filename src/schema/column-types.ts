import type { ColumnBuilder } from './column-builder.js';

/** Any column builder, whatever its value type and nullability. */
export type AnyColumnBuilder = ColumnBuilder<unknown, boolean>;

/** A columns object as given to a Table or a model: keys are TypeScript names. */
export type ColumnsShape = Record<string, AnyColumnBuilder>;

/**
 * The TypeScript value of a column: its value type, plus `null` unless it is declared
 * `.notNull()` or `.primaryKey()`.
 *
 * @example
 * ```ts
 * type Title = ColumnValue<typeof titleBuilder>; // string
 * ```
 */
export type ColumnValue<B> = B extends ColumnBuilder<infer T, infer N> ? ([N] extends [false] ? T : T | null) : never;

/** The value type of a builder without its nullability (the element type of `array()`). */
export type ColumnBaseValue<B> = B extends ColumnBuilder<infer T, boolean> ? T : never;

/** The row type of a columns object: one property per column, typed by {@link ColumnValue}. */
export type RowOf<C extends ColumnsShape> = { -readonly [K in keyof C]: ColumnValue<C[K]> };
