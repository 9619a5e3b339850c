import type { TypeCompiler } from '../../engine/dialect.js';
import { unavailable } from '../unavailable.js';

/** Placeholder: the mysql type compiler is built separately and replaces this file. */
export const mysqlTypeCompiler: TypeCompiler = unavailable<TypeCompiler>('mysql', 'the type compiler');
