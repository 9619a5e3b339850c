import type { TypeSpec } from '../schema/type-spec.js';
import type { CompareDialect } from './compare-options.js';

type Dialect = Pick<CompareDialect, 'name' | 'types'>;

const INTEGER_BYTES = { tinyint: 1, smallint: 2, mediumint: 3, integer: 4, bigint: 8 } as const;
/** Decimal digits of the largest value of each integer kind. */
const INTEGER_DIGITS = { tinyint: 3, smallint: 5, mediumint: 8, integer: 10, bigint: 20 } as const;
type IntegerKind = keyof typeof INTEGER_BYTES;

function integerKind(t: TypeSpec): IntegerKind | null {
  return t.kind in INTEGER_BYTES ? (t.kind as IntegerKind) : null;
}

function unsigned(t: TypeSpec): boolean {
  return 'unsigned' in t && t.unsigned === true;
}

/** Characters a textual type holds; null for a type that is not textual. */
function capacity(t: TypeSpec, dialect: Dialect): number | null {
  switch (t.kind) {
    case 'string': return t.length ?? Number.POSITIVE_INFINITY;
    case 'char': return t.length ?? 1;
    case 'text': return dialect.name === 'mysql' ? 65_535 : Number.POSITIVE_INFINITY;
    case 'tinytext': return 255;
    case 'mediumtext': return 16_777_215;
    case 'longtext': return 4_294_967_295;
    default: return null;
  }
}

/** Characters needed to write any value of a type as text; null when unbounded or unknown. */
function textWidth(t: TypeSpec): number | null {
  const int = integerKind(t);
  if (int !== null) return INTEGER_DIGITS[int] + 1;
  switch (t.kind) {
    case 'boolean': return 5;
    case 'uuid': return 36;
    case 'date': return 10;
    case 'inet': return 43;
    case 'enum': return Math.max(0, ...t.values.map((v) => v.length));
    case 'numeric': return t.precision === null ? null : t.precision + 2;
    default: return null;
  }
}

function numericNarrowing(from: { precision: number | null; scale: number | null }, to: { precision: number | null; scale: number | null }): boolean {
  if (to.precision === null) return false;
  if (from.precision === null) return true;
  const fromScale = from.scale ?? 0;
  const toScale = to.scale ?? 0;
  return toScale < fromScale || to.precision - toScale < from.precision - fromScale;
}

/**
 * Why changing a column's type from `from` to `to` may lose or reject existing values, or null
 * when every value converts safely (wider strings and numbers, integer to a larger kind, date to
 * datetime, json to jsonb, anything to unbounded text, ...). Types with the same canonical key are
 * never a risk.
 *
 * @example
 * ```ts
 * typeChangeRisk({ kind: 'string', length: 300 }, { kind: 'string', length: 200 }, dialect);
 * // 'shortens VARCHAR(300) to VARCHAR(200): longer values are cut or rejected'
 * ```
 */
export function typeChangeRisk(from: TypeSpec, to: TypeSpec, dialect: Dialect): string | null {
  if (dialect.types.canonical(from) === dialect.types.canonical(to)) return null;
  const a = dialect.types.compile(from);
  const b = dialect.types.compile(to);
  const fromCap = capacity(from, dialect);
  const toCap = capacity(to, dialect);
  if (toCap !== null) {
    const needed = fromCap ?? textWidth(from);
    if (needed !== null && needed <= toCap) return null;
    if (toCap === Number.POSITIVE_INFINITY && !(from.kind === 'array' || from.kind === 'binary' || from.kind === 'custom')) return null;
    return fromCap !== null ? `shortens ${a} to ${b}: longer values are cut or rejected` : `converts ${a} to ${b}: values may not fit`;
  }

  const fromInt = integerKind(from);
  const toInt = integerKind(to);
  if (fromInt !== null && toInt !== null) {
    const fromBytes = INTEGER_BYTES[fromInt];
    const toBytes = INTEGER_BYTES[toInt];
    if (unsigned(from) && !unsigned(to)) return toBytes > fromBytes ? null : `converts ${a} to ${b}: large values do not fit`;
    if (!unsigned(from) && unsigned(to)) return `converts ${a} to ${b}: negative values do not fit`;
    return toBytes >= fromBytes ? null : `narrows ${a} to ${b}: large values do not fit`;
  }
  if (fromInt !== null) {
    if (to.kind === 'numeric') {
      return to.precision === null || to.precision - (to.scale ?? 0) >= INTEGER_DIGITS[fromInt] ? null : `narrows ${a} to ${b}: large values do not fit`;
    }
    if (to.kind === 'double') return fromInt === 'bigint' ? `converts ${a} to ${b}: large values lose precision` : null;
    if (to.kind === 'float') return INTEGER_BYTES[fromInt] <= 2 ? null : `converts ${a} to ${b}: large values lose precision`;
    return `converts ${a} to ${b}: existing values may not convert`;
  }
  switch (from.kind) {
    case 'numeric':
      if (to.kind === 'numeric') return numericNarrowing(from, to) ? `narrows ${a} to ${b}: digits are lost or values rejected` : null;
      return `converts ${a} to ${b}: digits are lost or values rejected`;
    case 'float':
      return to.kind === 'double' ? null : `converts ${a} to ${b}: digits are lost or values rejected`;
    case 'double':
      return `converts ${a} to ${b}: digits are lost or values rejected`;
    case 'boolean':
      return toInt !== null ? null : `converts ${a} to ${b}: existing values may not convert`;
    case 'date':
      return to.kind === 'datetime' ? null : `converts ${a} to ${b}: existing values may not convert`;
    case 'datetime':
    case 'time':
      if (to.kind === from.kind) {
        return (to.precision ?? 6) < (from.precision ?? 6) ? `narrows ${a} to ${b}: fractional seconds are cut` : null;
      }
      return to.kind === 'date' ? `narrows ${a} to ${b}: the time of day is lost` : `converts ${a} to ${b}: existing values may not convert`;
    case 'json':
    case 'jsonb':
      return to.kind === 'json' || to.kind === 'jsonb' ? null : `converts ${a} to ${b}: existing values may not convert`;
    case 'enum': {
      if (to.kind !== 'enum') return `converts ${a} to ${b}: existing values may not convert`;
      const gone = from.values.filter((v) => !to.values.includes(v));
      return gone.length === 0 ? null : `removes enum values ${gone.map((v) => `'${v}'`).join(', ')}: rows holding them cannot keep them`;
    }
    case 'array':
      if (to.kind !== 'array') return `converts ${a} to ${b}: existing values may not convert`;
      return typeChangeRisk(from.of, to.of, dialect);
    case 'custom': {
      // MySQL SET: converted value by value, so only members taken out are lost
      const members = setMembers(from.sql);
      const kept = to.kind === 'custom' ? setMembers(to.sql) : null;
      if (members === null || kept === null) return `converts ${a} to ${b}: existing values may not convert`;
      const gone = members.filter((v) => !kept.includes(v));
      return gone.length === 0 ? null : `removes set values ${gone.map((v) => `'${v}'`).join(', ')}: rows holding them lose them`;
    }
    default:
      return `converts ${a} to ${b}: existing values may not convert`;
  }
}

/** The members of a MySQL SET type as the catalog spells it (`set('a','it''s')`), or null for another type. */
function setMembers(sql: string): string[] | null {
  const list = /^set\s*\((.*)\)$/is.exec(sql.trim())?.[1];
  if (list === undefined) return null;
  return [...list.matchAll(/'((?:[^']|'')*)'/g)].map((m) => (m[1] as string).replaceAll("''", "'"));
}
