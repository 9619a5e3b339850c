import type { DialectNormalizer } from '../../engine/dialect.js';
import { unavailable } from '../unavailable.js';

/** Placeholder: the postgresql normalizer is built separately and replaces this file. */
export const postgresNormalizer: DialectNormalizer = unavailable<DialectNormalizer>('postgresql', 'the normalizer');
