import type { TypeCompiler } from '../../engine/dialect.js';
import { unavailable } from '../unavailable.js';

/** Placeholder: the postgresql type compiler is built separately and replaces this file. */
export const postgresTypeCompiler: TypeCompiler = unavailable<TypeCompiler>('postgresql', 'the type compiler');
