import type { DdlCompiler } from '../../engine/dialect.js';
import { unavailable } from '../unavailable.js';

/** Placeholder: the sqlite DDL compiler is built separately and replaces this file. */
export const sqliteDdlCompiler: DdlCompiler = unavailable<DdlCompiler>('sqlite', 'the DDL compiler');
