import type { DialectNormalizer } from '../../engine/dialect.js';
import { unavailable } from '../unavailable.js';

/** Placeholder: the sqlite normalizer is built separately and replaces this file. */
export const sqliteNormalizer: DialectNormalizer = unavailable<DialectNormalizer>('sqlite', 'the normalizer');
