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
  return name
    // An acronym followed by a capitalised word: HTTPResponse -> HTTP_Response.
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1_$2')
    // A lower-case letter or a digit followed by a capital: displayName -> display_Name.
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1_$2')
    .replace(/[\s-]+/gu, '_')
    .toLowerCase();
}
