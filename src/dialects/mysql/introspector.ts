import type { Introspector } from '../../engine/dialect.js';
import { unavailable } from '../unavailable.js';

/** Placeholder: the mysql introspector is built separately and replaces this file. */
export const mysqlIntrospector: Introspector = unavailable<Introspector>('mysql', 'reflection');
