/**
 * A column type as plain, frozen data: what model columns declare and what reflection reads back.
 * Each dialect compiles a TypeSpec to DDL and parses its catalog's type names into one.
 * Generic kinds map to every dialect; the dialect kinds (`jsonb`, `array`, `inet`, `tinyint`,
 * `mediumtext`, ...) to the dialects that have them; `custom` keeps any other type verbatim.
 *
 * @example
 * ```ts
 * const t: TypeSpec = { kind: 'string', length: 200 };
 * ```
 */
export type TypeSpec =
  | { readonly kind: 'integer'; readonly unsigned?: boolean }
  | { readonly kind: 'smallint'; readonly unsigned?: boolean }
  | { readonly kind: 'bigint'; readonly unsigned?: boolean }
  | { readonly kind: 'tinyint'; readonly unsigned?: boolean }
  | { readonly kind: 'mediumint'; readonly unsigned?: boolean }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'string'; readonly length: number | null }
  | { readonly kind: 'char'; readonly length: number | null }
  | { readonly kind: 'text' }
  | { readonly kind: 'tinytext' }
  | { readonly kind: 'mediumtext' }
  | { readonly kind: 'longtext' }
  | { readonly kind: 'numeric'; readonly precision: number | null; readonly scale: number | null }
  | { readonly kind: 'float' }
  | { readonly kind: 'double' }
  | { readonly kind: 'date' }
  | { readonly kind: 'time'; readonly timezone: boolean; readonly precision?: number | null }
  | { readonly kind: 'datetime'; readonly timezone: boolean; readonly precision?: number | null }
  | { readonly kind: 'json' }
  | { readonly kind: 'jsonb' }
  | { readonly kind: 'uuid' }
  | { readonly kind: 'binary'; readonly length?: number | null }
  | { readonly kind: 'inet' }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly name: string | null }
  | { readonly kind: 'array'; readonly of: TypeSpec }
  | { readonly kind: 'custom'; readonly sql: string };

/** The `kind` of a {@link TypeSpec}. */
export type TypeKind = TypeSpec['kind'];

/** The TypeSpec of one kind. */
export type TypeSpecOf<K extends TypeKind> = Extract<TypeSpec, { kind: K }>;

/** True for the integer kinds (integer, smallint, bigint, tinyint, mediumint). */
export function isIntegerType(t: TypeSpec): boolean {
  return t.kind === 'integer' || t.kind === 'smallint' || t.kind === 'bigint' || t.kind === 'tinyint' || t.kind === 'mediumint';
}
