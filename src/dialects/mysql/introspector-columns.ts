import type { Row } from '../../engine/types.js';
import { deepFreeze, type ColumnSnapshot, type ComputedSpec, type DefaultSpec } from '../../schema/snapshot.js';
import type { TypeSpec } from '../../schema/type-spec.js';
import { text, textOrNull } from './catalog-values.js';
import { stripOuterParens } from './default-value.js';
import { mysqlLiteral } from './quoting.js';
import { parseColumnType } from './type-parser.js';
import { viewDefinitionWithoutSchema } from './view-definition.js';

const AUTO_INCREMENT = /auto_increment/i;
const DEFAULT_GENERATED = /default_generated/i;
const NOW = /^(?:current_timestamp|now|localtime|localtimestamp)\s*(?:\(\s*\d*\s*\))?$/i;
const BIT_LITERAL = /^b'[01]*'$/i;
const ESCAPED_QUOTE = /\\'/g;
const GENERATED = /\b(virtual|stored|persistent)\s+generated\b/i;
const INVISIBLE = /\binvisible\b/i;
const ON_UPDATE = /\bon\s+update\s+(?:current_timestamp|now|localtime|localtimestamp)\s*(?:\(\s*(\d*)\s*\))?/i;

/** Parses COLUMN_TYPE text once per distinct text during one reflection. */
export class TypeCache {
  readonly #types = new Map<string, TypeSpec>();

  parse(columnType: string): TypeSpec {
    let t = this.#types.get(columnType);
    if (t === undefined) {
      t = deepFreeze(parseColumnType(columnType));
      this.#types.set(columnType, t);
    }
    return t;
  }
}

/**
 * A column's default as SQL text, from COLUMN_DEFAULT and EXTRA. MariaDB (10.2.7+) gives SQL:
 * quoted literals (`'draft'`), numbers, `current_timestamp()`, other expressions, and `NULL` for
 * a nullable column without default (= none). MySQL 8 gives literals unquoted and marks
 * expressions with DEFAULT_GENERATED in EXTRA: literals are quoted here and expressions wrapped
 * in parentheses (as MySQL 8 needs them written), so both read back as the same SQL. MariaDB
 * qualifies a sequence of the column's own database (`nextval(`shop`.`ticket_seq`)`): that
 * qualifier is dropped, as in view definitions, so the default is the same in a copy of the
 * schema under another name and a model made from it never reads another database's sequence.
 */
export function reflectDefault(raw: string | null, extra: string, mariadb: boolean, type: TypeSpec, schema: string | null = null): DefaultSpec | null {
  if (raw === null) return null;
  if (mariadb) return raw === 'NULL' ? null : expression(schema === null ? raw : viewDefinitionWithoutSchema(raw, schema));
  if (DEFAULT_GENERATED.test(extra)) {
    if (NOW.test(raw)) return expression(raw);
    // text literals of TEXT/JSON columns come back as _utf8mb4\'x\'
    return expression(`(${unescapeQuotes(raw)})`);
  }
  if (type.kind === 'custom' && BIT_LITERAL.test(raw)) return expression(raw);
  return expression(mysqlLiteral(raw));
}

/** MySQL 8 writes the quotes of string literals in expression texts of information_schema as `\'`. */
function unescapeQuotes(raw: string): string {
  return raw.replace(ESCAPED_QUOTE, "'");
}

function expression(sql: string): DefaultSpec {
  return Object.freeze({ kind: 'expression', sql });
}

/**
 * The ON UPDATE clause from EXTRA, in one spelling: `CURRENT_TIMESTAMP`, or `CURRENT_TIMESTAMP(n)`
 * with a fractional precision n > 0 (the canonical form of `mysqlDefaultKey`). MariaDB writes
 * `on update current_timestamp()` / `current_timestamp(6)`; MySQL 8 `on update CURRENT_TIMESTAMP`
 * or `CURRENT_TIMESTAMP(3)`, after `DEFAULT_GENERATED` when the default is an expression too.
 * Null when there is none.
 *
 * @example
 * ```ts
 * reflectOnUpdate('DEFAULT_GENERATED on update CURRENT_TIMESTAMP(3)'); // 'CURRENT_TIMESTAMP(3)'
 * reflectOnUpdate('on update current_timestamp()'); // 'CURRENT_TIMESTAMP'
 * ```
 */
export function reflectOnUpdate(extra: string): string | null {
  const m = ON_UPDATE.exec(extra);
  if (!m) return null;
  const precision = Number(m[1] || '0');
  return precision === 0 ? 'CURRENT_TIMESTAMP' : `CURRENT_TIMESTAMP(${precision})`;
}

/**
 * The generation of a generated column, from EXTRA (`VIRTUAL GENERATED`, `STORED GENERATED`;
 * older MariaDB `PERSISTENT GENERATED`, its synonym of STORED) and GENERATION_EXPRESSION. Null
 * for a plain column (MySQL 8 gives `''` as its expression, MariaDB NULL). The expression loses
 * the parentheses MySQL 8 wraps it in and, on MySQL 8, the `\'` escapes of its quotes; MariaDB's
 * text is kept as it is (its `\'` inside string literals is valid SQL).
 *
 * @example
 * ```ts
 * reflectComputed('STORED GENERATED', '(`price` * `qty`)', false); // { sql: '`price` * `qty`', stored: true }
 * ```
 */
export function reflectComputed(extra: string, generation: string | null, mariadb: boolean): ComputedSpec | null {
  const m = GENERATED.exec(extra);
  if (!m || generation === null) return null;
  const sql = stripOuterParens(mariadb ? generation : unescapeQuotes(generation));
  return Object.freeze({ sql, stored: m[1]!.toLowerCase() !== 'virtual' });
}

/**
 * One row of the COLUMNS query as a frozen ColumnSnapshot. The optional keys are set only when
 * present: `computed` for a generated column (which has no default), `onUpdate`, `invisible`
 * (EXTRA says INVISIBLE), and `collation`
 * when COLLATION_NAME differs from `tableCollation` (the table's TABLE_COLLATION). `schema`: the
 * database read, whose qualifier a default loses (see {@link reflectDefault}).
 */
export function columnFromRow(row: Row, types: TypeCache, mariadb: boolean, tableCollation: string | null, schema: string | null = null): ColumnSnapshot {
  const type = types.parse(text(row, 'column_type'));
  const extra = text(row, 'extra');
  const comment = text(row, 'column_comment');
  const computed = reflectComputed(extra, textOrNull(row, 'generation_expression'), mariadb);
  const onUpdate = reflectOnUpdate(extra);
  const collation = textOrNull(row, 'collation_name');
  return Object.freeze({
    name: text(row, 'column_name'),
    type,
    nullable: text(row, 'is_nullable') === 'YES',
    default: computed ? null : reflectDefault(textOrNull(row, 'column_default'), extra, mariadb, type, schema),
    autoincrement: AUTO_INCREMENT.test(extra),
    comment: comment === '' ? null : comment,
    ...(computed ? { computed } : {}),
    ...(collation !== null && collation !== tableCollation ? { collation } : {}),
    ...(onUpdate !== null ? { onUpdate } : {}),
    ...(INVISIBLE.test(extra) ? { invisible: true } : {}),
  });
}
