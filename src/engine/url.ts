// TEMPORARY PLACEHOLDER (ops branch): replaced by the engine branch's URL module.

/** A parsed database URL (placeholder: only what the ops branch needs to type-check). */
export interface DatabaseUrl {
  readonly dialect: string;
}
