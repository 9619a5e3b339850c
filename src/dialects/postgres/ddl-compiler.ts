import type { DdlCompiler } from '../../engine/dialect.js';
import { unavailable } from '../unavailable.js';

/** Placeholder: the postgresql DDL compiler is built separately and replaces this file. */
export const postgresDdlCompiler: DdlCompiler = unavailable<DdlCompiler>('postgresql', 'the DDL compiler');
