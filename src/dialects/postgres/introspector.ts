import type { Introspector } from '../../engine/dialect.js';
import { unavailable } from '../unavailable.js';

/** Placeholder: the postgresql introspector is built separately and replaces this file. */
export const postgresIntrospector: Introspector = unavailable<Introspector>('postgresql', 'reflection');
