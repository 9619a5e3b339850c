/** Declarative models and relationships. */
export { isModelClass, Model, type ModelBase } from './model.js';
export type { AnyModelClass, InstanceOf, ModelClass, ModelOptions } from './model-types.js';
export {
  isRelationship,
  Relationship,
  relationship,
  type RelationshipDirection,
  type RelationshipOptions,
  type ResolvedRelationship,
} from './relationship.js';
