import type { TypeSpec } from '../../schema/type-spec.js';
import { parseQuotedList } from './string-literal.js';

/** `name(args) modifiers`: the name, the text inside the parentheses, the modifiers. */
const TYPE_TEXT = /^([a-z][a-z0-9_ ]*?)\s*(?:\((.*)\))?((?:\s+(?:unsigned|signed|zerofill))*)\s*$/is;

const INTEGER_KINDS: Readonly<Record<string, 'integer' | 'smallint' | 'bigint' | 'tinyint' | 'mediumint'>> = {
  int: 'integer',
  integer: 'integer',
  smallint: 'smallint',
  bigint: 'bigint',
  tinyint: 'tinyint',
  mediumint: 'mediumint',
};

const PLAIN: Readonly<Record<string, TypeSpec>> = {
  text: { kind: 'text' },
  tinytext: { kind: 'tinytext' },
  mediumtext: { kind: 'mediumtext' },
  longtext: { kind: 'longtext' },
  float: { kind: 'float' },
  double: { kind: 'double' },
  'double precision': { kind: 'double' },
  real: { kind: 'double' },
  date: { kind: 'date' },
  json: { kind: 'json' },
  blob: { kind: 'binary' },
  bool: { kind: 'boolean' },
  boolean: { kind: 'boolean' },
};

/**
 * A MySQL / MariaDB column type (information_schema.COLUMNS.COLUMN_TYPE, or a type written in
 * DDL) as a TypeSpec. Generic kinds wherever the server stores the same thing:
 * `int(11)` is integer (display widths mean nothing), `tinyint(1)` is boolean, `varchar(n)` is
 * string(n), `decimal(p,s)` numeric, `timestamp(p)` datetime with timezone (TIMESTAMP is kept in
 * UTC and shown in the session time zone), `datetime(p)` datetime without, `blob` binary,
 * `binary(n)` binary(n), `enum('a','b')` an unnamed enum. Everything else (`set(...)`, `year`,
 * `bit(n)`, `varbinary(n)`, `longblob`, geometry types, `zerofill`, MariaDB's native `uuid`,
 * `inet6`) is `custom`, its text lower-cased outside quotes.
 *
 * @example
 * ```ts
 * parseColumnType('int(10) unsigned'); // { kind: 'integer', unsigned: true }
 * parseColumnType('tinyint(1)');       // { kind: 'boolean' }
 * ```
 */
export function parseColumnType(text: string): TypeSpec {
  const m = TYPE_TEXT.exec(text.trim());
  if (!m) return custom(text);
  const name = m[1]!.toLowerCase().replace(/\s+/g, ' ');
  const args = m[2];
  const modifiers = (m[3] ?? '').toLowerCase();
  const unsigned = modifiers.includes('unsigned');
  if (modifiers.includes('zerofill')) return custom(text);

  const intKind = INTEGER_KINDS[name];
  if (intKind !== undefined) {
    if (intKind === 'tinyint' && args === '1' && !unsigned) return { kind: 'boolean' };
    return unsigned ? { kind: intKind, unsigned: true } : { kind: intKind };
  }
  if (unsigned) return custom(text); // unsigned decimal / float / double are deprecated spellings
  const numbers = args === undefined ? [] : args.split(',').map((a) => Number(a.trim()));
  if (numbers.some((n) => !Number.isInteger(n)) && name !== 'enum') return custom(text);
  switch (name) {
    case 'varchar':
      return numbers.length === 1 ? { kind: 'string', length: numbers[0]! } : custom(text);
    case 'char':
      return { kind: 'char', length: numbers[0] ?? 1 };
    case 'decimal':
    case 'numeric':
    case 'dec':
    case 'fixed':
      return { kind: 'numeric', precision: numbers[0] ?? 10, scale: numbers[1] ?? 0 };
    case 'time':
      return withPrecision({ kind: 'time', timezone: false }, numbers[0]);
    case 'datetime':
      return withPrecision({ kind: 'datetime', timezone: false }, numbers[0]);
    case 'timestamp':
      return withPrecision({ kind: 'datetime', timezone: true }, numbers[0]);
    case 'binary':
      return { kind: 'binary', length: numbers[0] ?? 1 };
    case 'enum':
      return { kind: 'enum', name: null, values: parseQuotedList(args ?? '') };
    case 'year': // YEAR(4) is the only YEAR left; MariaDB shows the width, MySQL 8 does not
      return numbers.length === 0 || numbers[0] === 4 ? { kind: 'custom', sql: 'year' } : custom(text);
    case 'bit':
      return { kind: 'custom', sql: `bit(${numbers[0] ?? 1})` };
    default: {
      const plain = PLAIN[name];
      return plain !== undefined && args === undefined ? plain : custom(text);
    }
  }
}

function withPrecision<T extends { kind: 'time' | 'datetime'; timezone: boolean }>(spec: T, precision: number | undefined): T {
  return precision === undefined || precision === 0 ? spec : { ...spec, precision };
}

function custom(text: string): TypeSpec {
  return { kind: 'custom', sql: lowerOutsideQuotes(text.trim().replace(/\s+/g, ' ')) };
}

/** Lower-cases SQL text except inside single- or double-quoted strings. */
export function lowerOutsideQuotes(text: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i++;
      } else if (c === quote) {
        quote = null;
      }
    } else if (c === "'" || c === '"') {
      quote = c;
      out += c;
    } else {
      out += c.toLowerCase();
    }
  }
  return out;
}
