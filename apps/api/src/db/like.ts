/**
 * A LIKE pattern matching values that start with `prefix`, for `column LIKE :p ESCAPE '!'`.
 * '!' is the escape character because SQLite has none by default and MySQL's backslash would need
 * different quoting in each dialect.
 */
export function likePrefix(prefix: string): string {
  return prefix.replace(/[!%_]/g, (c) => `!${c}`) + "%";
}

export const LIKE_ESCAPE = "ESCAPE '!'";
