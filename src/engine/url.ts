/**
 * PLACEHOLDER so that the schema branch type-checks: the engine helper owns the real URL module
 * (parsing, password masking). The lead keeps theirs when merging.
 */
export interface DatabaseUrl {
  readonly dialect: string;
}
