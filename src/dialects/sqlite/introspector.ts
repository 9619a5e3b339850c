import type { Introspector } from '../../engine/dialect.js';
import { unavailable } from '../unavailable.js';

/** Placeholder: the sqlite introspector is built separately and replaces this file. */
export const sqliteIntrospector: Introspector = unavailable<Introspector>('sqlite', 'reflection');
