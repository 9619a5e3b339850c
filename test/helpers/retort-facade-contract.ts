// The `op` facade, column builders and `sql` of 'retort' as CONTRACTS.md describes them, written
// as a declaration file for the type-check test of rendered migrations while src/index.ts does not
// export them yet. Once it does, the test checks rendered files against the real exports.
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
  comment(text: string): ColumnBuilder;
  unsigned(): ColumnBuilder;
  name(dbName: string): ColumnBuilder;
}

interface TimeOptions { timezone?: boolean; precision?: number }

export declare const column: {
  integer(): ColumnBuilder; smallInteger(): ColumnBuilder; bigInteger(): ColumnBuilder; boolean(): ColumnBuilder;
  string(length?: number): ColumnBuilder; char(length?: number): ColumnBuilder; text(): ColumnBuilder;
  numeric(precision?: number, scale?: number): ColumnBuilder; float(): ColumnBuilder; double(): ColumnBuilder;
  date(): ColumnBuilder; time(options?: TimeOptions): ColumnBuilder; dateTime(options?: TimeOptions): ColumnBuilder;
  json(): ColumnBuilder; uuid(): ColumnBuilder; largeBinary(length?: number): ColumnBuilder;
  enum(values: readonly string[], options?: { name?: string }): ColumnBuilder;
  jsonb(): ColumnBuilder; array(of: ColumnBuilder): ColumnBuilder; timestamptz(): ColumnBuilder; inet(): ColumnBuilder;
  tinyint(): ColumnBuilder; mediumint(): ColumnBuilder; mediumtext(): ColumnBuilder; longtext(): ColumnBuilder; tinytext(): ColumnBuilder;
  custom(sqlType: string): ColumnBuilder;
};

interface Schema { schema?: string }
interface ForeignKeyOptions { onDelete?: ForeignKeyAction; onUpdate?: ForeignKeyAction; deferrable?: boolean; initiallyDeferred?: boolean; referredSchema?: string }
interface IndexOptions { unique?: boolean; where?: string; expressions?: string[]; method?: string }

export interface Operations {
  createTable(name: string, columns: Record<string, ColumnBuilder>, options?: Schema & {
    primaryKey?: { name?: string; columns: string[] };
    foreignKeys?: (ForeignKeyOptions & { name?: string; columns: string[]; referredTable: string; referredColumns: string[] })[];
    uniques?: { name?: string; columns: string[] }[];
    checks?: { name?: string; expression: string }[];
    indexes?: (IndexOptions & { name: string; columns: string[] })[];
    comment?: string;
  }): Promise<void>;
  dropTable(name: string, options?: Schema): Promise<void>;
  renameTable(from: string, to: string, options?: Schema): Promise<void>;
  setTableComment(table: string, comment: string | null, options?: Schema): Promise<void>;
  addColumn(table: string, name: string, column: ColumnBuilder, options?: Schema): Promise<void>;
  dropColumn(table: string, name: string, options?: Schema): Promise<void>;
  renameColumn(table: string, from: string, to: string, options?: Schema): Promise<void>;
  alterColumn(table: string, name: string, changes: Schema & {
    type?: ColumnBuilder; nullable?: boolean; serverDefault?: ServerDefault | null; comment?: string | null; autoincrement?: boolean;
  }): Promise<void>;
  createIndex(name: string, table: string, columns: string[], options?: Schema & IndexOptions): Promise<void>;
  dropIndex(name: string, table: string, options?: Schema): Promise<void>;
  createPrimaryKey(name: string | null, table: string, columns: string[], options?: Schema): Promise<void>;
  dropPrimaryKey(name: string | null, table: string, options?: Schema): Promise<void>;
  createForeignKey(name: string | null, table: string, columns: string[], referredTable: string, referredColumns: string[],
    options?: Schema & ForeignKeyOptions): Promise<void>;
  dropForeignKey(name: string, table: string, options?: Schema): Promise<void>;
  createUnique(name: string | null, table: string, columns: string[], options?: Schema): Promise<void>;
  dropUnique(name: string, table: string, options?: Schema): Promise<void>;
  createCheck(name: string | null, table: string, expression: string, options?: Schema): Promise<void>;
  dropCheck(name: string, table: string, options?: Schema): Promise<void>;
  createEnum(name: string, values: string[], options?: Schema): Promise<void>;
  dropEnum(name: string, options?: Schema): Promise<void>;
  addEnumValue(name: string, value: string, options?: Schema & { before?: string; after?: string }): Promise<void>;
  dropEnumValue(name: string, value: string, options?: Schema): Promise<void>;
  execute(sqlText: string): Promise<void>;
}
`;
