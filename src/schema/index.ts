// TEMPORARY STUB (ops branch): replaced by the schema branch.
// Just enough of the column builder API (names from CONTRACTS.md, the `def` shape of the schema
// branch's ColumnBuilder) for the `op` facade and its tests to type-check and run. Do not extend.
import { SchemaError } from '../errors/index.js';
import { isSql, type SqlFragment } from '../sql/sql.js';
import type { ColumnSnapshot, DefaultSpec, ForeignKeyAction } from './snapshot.js';
import type { TypeSpec } from './type-spec.js';

/** A column-level foreign key as declared by `.references()`. */
export interface ReferenceDef {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly target: string | Function;
  readonly onDelete: ForeignKeyAction | null;
  readonly onUpdate: ForeignKeyAction | null;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  readonly name: string | null;
}

/** What a column builder carries (the subset the stub needs). */
export interface ColumnDef {
  readonly type: TypeSpec;
  readonly nullability: 'default' | 'nullable' | 'notNull';
  readonly primaryKey: boolean;
  readonly serverDefault: DefaultSpec | null;
  readonly unique: { readonly name: string | null } | null;
  readonly index: { readonly name: string | null } | null;
  readonly autoincrement: 'auto' | boolean;
  readonly identity: boolean;
  readonly comment: string | null;
  readonly references: ReferenceDef | null;
  readonly name: string | null;
}

type Action = ForeignKeyAction | Lowercase<ForeignKeyAction>;

/** An immutable column declaration (stub). */
export class ColumnBuilder<T, N extends boolean = true> {
  declare readonly __value: T;
  declare readonly __nullable: N;
  readonly def: ColumnDef;

  constructor(def: ColumnDef) {
    this.def = Object.freeze({ ...def });
  }

  #with<T2 = T, N2 extends boolean = N>(patch: Partial<ColumnDef>): ColumnBuilder<T2, N2> {
    return new ColumnBuilder<T2, N2>({ ...this.def, ...patch });
  }

  primaryKey(): ColumnBuilder<T, false> {
    return this.#with<T, false>({ primaryKey: true });
  }

  notNull(): ColumnBuilder<T, false> {
    return this.#with<T, false>({ nullability: 'notNull' });
  }

  nullable(): ColumnBuilder<T, true> {
    return this.#with<T, true>({ nullability: 'nullable' });
  }

  serverDefault(value: string | number | boolean | SqlFragment | null): ColumnBuilder<T, N> {
    const spec: DefaultSpec | null = value === null ? null : isSql(value) ? { kind: 'expression', sql: value.text } : { kind: 'literal', value };
    return this.#with({ serverDefault: spec });
  }

  unique(name?: string): ColumnBuilder<T, N> {
    return this.#with({ unique: { name: name ?? null } });
  }

  index(name?: string): ColumnBuilder<T, N> {
    return this.#with({ index: { name: name ?? null } });
  }

  autoincrement(on = true): ColumnBuilder<T, N> {
    return this.#with({ autoincrement: on });
  }

  comment(text: string): ColumnBuilder<T, N> {
    return this.#with({ comment: text });
  }

  references(target: string, options: { onDelete?: Action; onUpdate?: Action; deferrable?: boolean; initiallyDeferred?: boolean; name?: string } = {}): ColumnBuilder<T, N> {
    const action = (a: Action | undefined): ForeignKeyAction | null => (a ? (a.toUpperCase() as ForeignKeyAction) : null);
    return this.#with({
      references: {
        target,
        onDelete: action(options.onDelete),
        onUpdate: action(options.onUpdate),
        deferrable: options.deferrable ?? Boolean(options.initiallyDeferred),
        initiallyDeferred: options.initiallyDeferred ?? false,
        name: options.name ?? null,
      },
    });
  }
}

function builder<T>(type: TypeSpec): ColumnBuilder<T> {
  return new ColumnBuilder<T>({
    type, nullability: 'default', primaryKey: false, serverDefault: null, unique: null, index: null,
    autoincrement: 'auto', identity: false, comment: null, references: null, name: null,
  });
}

/** Column builder factories (stub: a few kinds). */
export const column = {
  integer: () => builder<number>({ kind: 'integer' }),
  bigInteger: () => builder<bigint>({ kind: 'bigint' }),
  boolean: () => builder<boolean>({ kind: 'boolean' }),
  string: (length?: number) => builder<string>({ kind: 'string', length: length ?? null }),
  text: () => builder<string>({ kind: 'text' }),
  dateTime: (options: { timezone?: boolean } = {}) => builder<Date>({ kind: 'datetime', timezone: options.timezone ?? false }),
  enum: <const V extends readonly string[]>(values: V, options: { name?: string } = {}) =>
    builder<V[number]>({ kind: 'enum', values: [...values], name: options.name ?? null }),
};

/** A builder as a ColumnSnapshot outside any table; autoincrement only when declared. */
export function toColumnSnapshot(name: string, b: ColumnBuilder<unknown, boolean>): ColumnSnapshot {
  if (!name) throw new SchemaError('a column needs a name');
  const d = b.def;
  return Object.freeze({
    name,
    type: d.type,
    nullable: d.nullability === 'nullable' ? true : d.nullability === 'notNull' ? false : !d.primaryKey,
    default: d.serverDefault,
    autoincrement: d.autoincrement === true || d.identity,
    comment: d.comment,
  });
}
