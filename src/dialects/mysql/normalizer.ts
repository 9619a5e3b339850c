import type { DialectNormalizer } from '../../engine/dialect.js';
import { unavailable } from '../unavailable.js';

/** Placeholder: the mysql normalizer is built separately and replaces this file. */
export const mysqlNormalizer: DialectNormalizer = unavailable<DialectNormalizer>('mysql', 'the normalizer');
