/**
 * A piece of SQL with its bound parameters, built by the {@link sql} tagged template. Values
 * interpolated into the template become `?` placeholders (retort's one placeholder style on every
 * dialect); {@link sql.raw} and nested fragments are spliced in as text.
 *
 * @example
 * ```ts
 * await conn.execute(sql`SELECT * FROM post WHERE author_id = ${userId}`);
 * column.dateTime().serverDefault(sql`CURRENT_TIMESTAMP`);
 * ```
 */
export interface SqlFragment {
  readonly kind: 'sql';
  readonly text: string;
  readonly params: readonly unknown[];
}

const SQL_KIND = 'sql';

/** True when `value` is a {@link SqlFragment}. */
export function isSql(value: unknown): value is SqlFragment {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === SQL_KIND
    && typeof (value as { text?: unknown }).text === 'string';
}

function fragment(text: string, params: readonly unknown[] = []): SqlFragment {
  return Object.freeze({ kind: SQL_KIND, text, params: Object.freeze([...params]) });
}

/**
 * Tagged template for SQL. Interpolated values are parameters; interpolated fragments are
 * spliced in with their own parameters.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  let text = strings[0] ?? '';
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (isSql(value)) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1] ?? '';
  });
  return fragment(text, params);
}

/** A fragment of literal SQL text with no parameters. Never pass user input to it. */
sql.raw = function raw(text: string): SqlFragment {
  return fragment(text);
};

/** Joins fragments with a separator (`, ` by default). */
sql.join = function join(parts: readonly SqlFragment[], separator = ', '): SqlFragment {
  return fragment(parts.map((p) => p.text).join(separator), parts.flatMap((p) => p.params));
};
