/**
 * Placeholder so the engine contracts type-check on this branch; the engine helper's branch
 * provides the real URL parser and this file is replaced when branches are merged.
 */
export interface DatabaseUrl {
  readonly dialect: string;
}
