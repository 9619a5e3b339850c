import type { Row } from '../../engine/types.js';
import { deepFreeze, type ColumnSnapshot, type DefaultSpec } from '../../schema/snapshot.js';
import type { TypeSpec } from '../../schema/type-spec.js';
import { text, textOrNull } from './catalog-values.js';
import { mysqlLiteral } from './quoting.js';
import { parseColumnType } from './type-parser.js';

const AUTO_INCREMENT = /auto_increment/i;
const DEFAULT_GENERATED = /default_generated/i;
const NOW = /^(?:current_timestamp|now|localtime|localtimestamp)\s*(?:\(\s*\d*\s*\))?$/i;
const BIT_LITERAL = /^b'[01]*'$/i;
const ESCAPED_QUOTE = /\\'/g;

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
 * in parentheses (as MySQL 8 needs them written), so both read back as the same SQL.
 */
export function reflectDefault(raw: string | null, extra: string, mariadb: boolean, type: TypeSpec): DefaultSpec | null {
  if (raw === null) return null;
  if (mariadb) return raw === 'NULL' ? null : expression(raw);
  if (DEFAULT_GENERATED.test(extra)) {
    if (NOW.test(raw)) return expression(raw);
    // text literals of TEXT/JSON columns come back as _utf8mb4\'x\'
    return expression(`(${raw.replace(ESCAPED_QUOTE, "'")})`);
  }
  if (type.kind === 'custom' && BIT_LITERAL.test(raw)) return expression(raw);
  return expression(mysqlLiteral(raw));
}

function expression(sql: string): DefaultSpec {
  return Object.freeze({ kind: 'expression', sql });
}

/** One row of the COLUMNS query as a frozen ColumnSnapshot. */
export function columnFromRow(row: Row, types: TypeCache, mariadb: boolean): ColumnSnapshot {
  const type = types.parse(text(row, 'column_type'));
  const extra = text(row, 'extra');
  const comment = text(row, 'column_comment');
  return Object.freeze({
    name: text(row, 'column_name'),
    type,
    nullable: text(row, 'is_nullable') === 'YES',
    default: reflectDefault(textOrNull(row, 'column_default'), extra, mariadb, type),
    autoincrement: AUTO_INCREMENT.test(extra),
    comment: comment === '' ? null : comment,
  });
}
