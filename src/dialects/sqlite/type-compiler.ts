import type { TypeCompiler } from '../../engine/dialect.js';
import { unavailable } from '../unavailable.js';

/** Placeholder: the sqlite type compiler is built separately and replaces this file. */
export const sqliteTypeCompiler: TypeCompiler = unavailable<TypeCompiler>('sqlite', 'the type compiler');
