import { deepFreeze } from '../../schema/snapshot.js';
import type { TypeSpec } from '../../schema/type-spec.js';

/** Type names without modifiers, as `format_type` and users spell them (lower case). */
const SIMPLE: Readonly<Record<string, TypeSpec>> = {
  integer: { kind: 'integer' },
  int: { kind: 'integer' },
  int4: { kind: 'integer' },
  smallint: { kind: 'smallint' },
  int2: { kind: 'smallint' },
  bigint: { kind: 'bigint' },
  int8: { kind: 'bigint' },
  boolean: { kind: 'boolean' },
  bool: { kind: 'boolean' },
  text: { kind: 'text' },
  real: { kind: 'float' },
  float4: { kind: 'float' },
  'double precision': { kind: 'double' },
  float8: { kind: 'double' },
  float: { kind: 'double' },
  date: { kind: 'date' },
  json: { kind: 'json' },
  jsonb: { kind: 'jsonb' },
  uuid: { kind: 'uuid' },
  bytea: { kind: 'binary' },
  inet: { kind: 'inet' },
  'character varying': { kind: 'string', length: null },
  varchar: { kind: 'string', length: null },
  character: { kind: 'char', length: null },
  char: { kind: 'char', length: null },
  // `bpchar` without a length is blank-padded text of any length (format_type's spelling of a
  // column declared so), not CHAR = CHAR(1): it stays custom, written back as `bpchar`
  numeric: { kind: 'numeric', precision: null, scale: null },
  decimal: { kind: 'numeric', precision: null, scale: null },
};

/** `name(n)` / `name(p, s)` with optional ` with[out] time zone` after the modifier. */
const MODIFIED = /^([a-z][a-z0-9 ]*?)\s*\(\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?\)\s*(with time zone|without time zone)?$/;
const TEMPORAL = /^(time|timestamp|timetz|timestamptz)(?:\s*\(\s*(\d+)\s*\))?(?:\s+(with time zone|without time zone))?$/;
const ARRAY_SUFFIX = /(\s*\[\s*\d*\s*\])+$/;

/** Lower case outside double quotes, whitespace collapsed; quoted names kept as written. */
function normalizeSpelling(text: string): string {
  let out = '';
  let quoted = false;
  for (const c of text.trim()) {
    if (c === '"') quoted = !quoted;
    out += quoted || c === '"' ? c : c.toLowerCase();
  }
  return out.replace(/\s+/g, ' ');
}

function temporal(m: RegExpExecArray): TypeSpec {
  const base = m[1]!;
  const kind = base.startsWith('timestamp') ? 'datetime' : 'time';
  const timezone = base.endsWith('tz') || m[3] === 'with time zone';
  return m[2] === undefined ? { kind, timezone } : { kind, timezone, precision: Number(m[2]) };
}

function modified(name: string, a: number, b: number | undefined): TypeSpec | null {
  switch (name) {
    case 'character varying':
    case 'varchar':
      return b === undefined ? { kind: 'string', length: a } : null;
    case 'character':
    case 'char':
    case 'bpchar':
      return b === undefined ? { kind: 'char', length: a } : null;
    case 'numeric':
    case 'decimal':
      return { kind: 'numeric', precision: a, scale: b ?? 0 };
    case 'float':
      return b === undefined ? { kind: a <= 24 ? 'float' : 'double' } : null;
    default:
      return null;
  }
}

function parseScalar(text: string): TypeSpec {
  const spelled = normalizeSpelling(text);
  const simple = SIMPLE[spelled];
  if (simple) return simple;
  const t = TEMPORAL.exec(spelled);
  if (t) return temporal(t);
  const m = MODIFIED.exec(spelled);
  if (m && m[4] === undefined) {
    const spec = modified(m[1]!, Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
    if (spec) return spec;
  }
  return { kind: 'custom', sql: text.trim() };
}

const cache = new Map<string, TypeSpec>();
const CACHE_LIMIT = 1000;

/**
 * The TypeSpec of a PostgreSQL type name as `format_type()` gives it (`character varying(50)`,
 * `timestamp(3) with time zone`, `integer[]`) or as a user writes it (`int4`, `varchar(50)`,
 * `timestamptz`). Types of other kinds (`tsvector`, `interval`, `money`, domains) become
 * `custom` with the text kept. Arrays of any dimension are one `array` of the element type (the
 * database does not distinguish them). Enum types are not recognised here: the introspector knows
 * them from the catalog. Results are frozen and cached (the same few spellings repeat in a schema).
 *
 * @example
 * ```ts
 * parsePostgresType('character varying(50)'); // { kind: 'string', length: 50 }
 * parsePostgresType('numeric(10,2)[]');       // { kind: 'array', of: { kind: 'numeric', precision: 10, scale: 2 } }
 * ```
 */
export function parsePostgresType(text: string): TypeSpec {
  let spec = cache.get(text);
  if (spec === undefined) {
    const suffix = ARRAY_SUFFIX.exec(text);
    spec = deepFreeze(suffix ? { kind: 'array', of: parseScalar(text.slice(0, suffix.index)) } : parseScalar(text));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, spec);
  }
  return spec;
}
