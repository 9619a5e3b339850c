// The `op` facade, column builders and `sql` of 'retort' as CONTRACTS.md and the ops branch's
// facade (src/operations/facade.ts on main) define them, written as a declaration file for the
// type-check test of rendered migrations while src/index.ts does not export them yet. Once it
// does, the test checks rendered files against the real exports. `dropEnumValue` is here because
// the downgrade of an added enum value needs it (reverse(addEnumValue) is a dropEnumValue op).
export const RETORT_FACADE_CONTRACT = `
export interface SqlFragment { readonly kind: 'sql'; readonly text: string; readonly params: readonly unknown[] }
export declare function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment;
export type ForeignKeyAction = 'CASCADE' | 'SET NULL' | 'SET DEFAULT' | 'RESTRICT' | 'NO ACTION';
export type ServerDefault = string | number | boolean | SqlFragment;

export interface ColumnBuilder {
  primaryKey(): ColumnBuilder;
  notNull(): ColumnBuilder;
  nullable(): ColumnBuilder;
  serverDefault(value: ServerDefault): ColumnBuilder;
  autoincrement(on?: boolean): ColumnBuilder;
  identity(): ColumnBuilder;
  comment(text: string | null): ColumnBuilder;
  unsigned(): ColumnBuilder;
  name(dbName: string): ColumnBuilder;
}

interface TimeOptions { timezone?: boolean; precision?: number }

export declare const column: {
  integer(): ColumnBuilder; smallInteger(): ColumnBuilder; bigInteger(): ColumnBuilder; boolean(): ColumnBuilder;
  string(length?: number): ColumnBuilder; char(length?: number): ColumnBuilder; text(): ColumnBuilder;
  numeric(precision?: number, scale?: number): ColumnBuilder; float(): ColumnBuilder; double(): ColumnBuilder;
  date(): ColumnBuilder; time(options?: TimeOptions): ColumnBuilder; dateTime(options?: TimeOptions): ColumnBuilder;
  json(): ColumnBuilder; uuid(): ColumnBuilder; largeBinary(): ColumnBuilder;
  enum(values: readonly string[], options?: { name?: string }): ColumnBuilder;
  jsonb(): ColumnBuilder; array(of: ColumnBuilder): ColumnBuilder; timestamptz(): ColumnBuilder; inet(): ColumnBuilder;
  tinyint(): ColumnBuilder; mediumint(): ColumnBuilder; mediumtext(): ColumnBuilder; longtext(): ColumnBuilder; tinytext(): ColumnBuilder;
  custom(sqlType: string): ColumnBuilder;
};

interface Schema { readonly schema?: string | null }
interface ForeignKeyOptions {
  readonly onDelete?: ForeignKeyAction; readonly onUpdate?: ForeignKeyAction; readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean; readonly referredSchema?: string | null;
}
interface IndexOptions {
  readonly unique?: boolean; readonly where?: string; readonly expressions?: readonly string[]; readonly method?: string;
  readonly include?: readonly string[]; readonly nullsNotDistinct?: boolean;
}
type Names = readonly string[];

export interface Operations {
  createTable(name: string, columns: Readonly<Record<string, ColumnBuilder>>, options?: Schema & {
    readonly primaryKey?: { readonly name: string | null; readonly columns: Names };
    readonly foreignKeys?: readonly (ForeignKeyOptions & { readonly name: string | null; readonly columns: Names; readonly referredTable: string; readonly referredColumns: Names })[];
    readonly uniques?: readonly { readonly name: string | null; readonly columns: Names }[];
    readonly checks?: readonly { readonly name: string | null; readonly expression: string }[];
    readonly indexes?: readonly { readonly name: string; readonly columns: Names; readonly unique?: boolean; readonly where?: string | null;
      readonly expressions?: Names | null; readonly method?: string | null; readonly include?: Names; readonly nullsNotDistinct?: boolean }[];
    readonly comment?: string | null;
  }): Promise<void>;
  dropTable(name: string, options?: Schema): Promise<void>;
  renameTable(from: string, to: string, options?: Schema): Promise<void>;
  setTableComment(table: string, comment: string | null, options?: Schema): Promise<void>;
  addColumn(table: string, name: string, column: ColumnBuilder, options?: Schema): Promise<void>;
  dropColumn(table: string, name: string, options?: Schema): Promise<void>;
  renameColumn(table: string, from: string, to: string, options?: Schema): Promise<void>;
  alterColumn(table: string, name: string, changes: {
    readonly type?: ColumnBuilder; readonly nullable?: boolean; readonly serverDefault?: ServerDefault | null;
    readonly comment?: string | null; readonly autoincrement?: boolean;
  }, options?: Schema): Promise<void>;
  createIndex(name: string, table: string, columns: Names, options?: Schema & IndexOptions): Promise<void>;
  dropIndex(name: string, table: string, options?: Schema): Promise<void>;
  createPrimaryKey(name: string | null, table: string, columns: Names, options?: Schema): Promise<void>;
  dropPrimaryKey(name: string | null, table: string, options?: Schema): Promise<void>;
  createForeignKey(name: string | null, table: string, columns: Names, referredTable: string, referredColumns: Names,
    options?: Schema & ForeignKeyOptions): Promise<void>;
  dropForeignKey(name: string, table: string, options?: Schema): Promise<void>;
  createUnique(name: string | null, table: string, columns: Names, options?: Schema): Promise<void>;
  dropUnique(name: string, table: string, options?: Schema): Promise<void>;
  createCheck(name: string | null, table: string, expression: string, options?: Schema): Promise<void>;
  dropCheck(name: string, table: string, options?: Schema): Promise<void>;
  createEnum(name: string, values: Names, options?: Schema): Promise<void>;
  dropEnum(name: string, options?: Schema): Promise<void>;
  addEnumValue(name: string, value: string, options?: Schema & { readonly before?: string; readonly after?: string }): Promise<void>;
  dropEnumValue(name: string, value: string, options?: Schema): Promise<void>;
  execute(statement: string | SqlFragment, options?: { readonly reverseSql?: string }): Promise<void>;
}
`;
