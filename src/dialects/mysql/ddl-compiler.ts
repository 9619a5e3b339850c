import type { DdlCompiler } from '../../engine/dialect.js';
import { unavailable } from '../unavailable.js';

/** Placeholder: the mysql DDL compiler is built separately and replaces this file. */
export const mysqlDdlCompiler: DdlCompiler = unavailable<DdlCompiler>('mysql', 'the DDL compiler');
