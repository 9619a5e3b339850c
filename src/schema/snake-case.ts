/**
 * Converts a TypeScript identifier (a column key or a class name) into the snake_case database
 * name retort uses by default. Runs of capitals are treated as acronyms, digits stick to what
 * precedes them, existing underscores are kept, and `-` and spaces become `_`.
 *
 * | input            | output            |
 * |------------------|-------------------|
 * | `displayName`    | `display_name`    |
 * | `HTTPResponse`   | `http_response`   |
 * | `userID`         | `user_id`         |
 * | `address2Line`   | `address2_line`   |
 * | `ÜberTable`      | `über_table`      |
 *
 * @example
 * ```ts
 * snakeCase('BlogPost'); // 'blog_post'
 * ```
 */
export function snakeCase(name: string): string {
  // Models repeat the same keys (id, createdAt, ...) across tables: remember recent answers.
  let snake = memo.get(name);
  if (snake === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    snake = convert(name);
    memo.set(name, snake);
  }
  return snake;
}

const MEMO_LIMIT = 10_000;
const memo = new Map<string, string>();

function convert(name: string): string {
  return asciiConvert(name) ?? name
    // An acronym followed by a capitalised word: HTTPResponse -> HTTP_Response.
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1_$2')
    // A lower-case letter or a digit followed by a capital: displayName -> display_Name.
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1_$2')
    .replace(/[\s-]+/gu, '_')
    .toLowerCase();
}

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLowerOrDigit = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * {@link convert} for ASCII names, without its Unicode regular expressions (whose compilation is a
 * good part of the first call's cost): the same three rewrites in one pass; undefined for any
 * other name (then the regular expressions do it).
 */
function asciiConvert(name: string): string | undefined {
  let out = '';
  let i = 0;
  const n = name.length;
  while (i < n) {
    const c = name.charCodeAt(i);
    if (c > 127) return undefined;
    if (isUpper(c)) {
      // a run of capitals: an acronym followed by a capitalised word gets '_' before that word's capital
      let j = i + 1;
      while (j < n && isUpper(name.charCodeAt(j))) j++;
      const run = name.slice(i, j);
      const split = j - i >= 2 && j < n && name.charCodeAt(j) >= 97 && name.charCodeAt(j) <= 122;
      // a lower-case letter or a digit before the run: '_' before it
      if (i > 0 && isLowerOrDigit(name.charCodeAt(i - 1))) out += '_';
      out += split ? `${run.slice(0, -1)}_${run.slice(-1)}` : run;
      i = j;
    } else if (c === 45 || c === 32 || (c >= 9 && c <= 13)) {
      let j = i + 1;
      while (j < n && (name.charCodeAt(j) === 45 || name.charCodeAt(j) === 32 || (name.charCodeAt(j) >= 9 && name.charCodeAt(j) <= 13))) j++;
      out += '_';
      i = j;
    } else {
      out += name[i];
      i++;
    }
  }
  return out.toLowerCase();
}
