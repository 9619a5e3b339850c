import { ComparatorRegistry } from '../comparator.js';
import { autoincrementComparator } from './autoincrement.js';
import { checksComparator } from './checks.js';
import { columnTypeComparator } from './column-type.js';
import { collationComparator, computedComparator, identityKindComparator, invisibleComparator, onUpdateComparator } from './column-extras.js';
import { columnsComparator } from './columns.js';
import { columnCommentComparator, tableCommentComparator } from './comments.js';
import { enumsComparator } from './enums.js';
import { foreignKeysComparator } from './foreign-keys.js';
import { indexesComparator } from './indexes.js';
import { mysqlForeignKeyIndexComparator } from './mysql-fk-index.js';
import { mysqlUniqueIndexComparator } from './mysql-unique-index.js';
import { nullableComparator } from './nullable.js';
import { primaryKeyComparator } from './primary-key.js';
import { serverDefaultComparator } from './server-default.js';
import { tableOptionsComparator } from './table-options.js';
import { tablesComparator } from './tables.js';
import { uniquesComparator } from './uniques.js';
import { aggregatesComparator, domainsComparator, exclusionsComparator, functionsComparator, inheritanceComparator, partitionsComparator, proceduresComparator, sequencesComparator, triggersComparator, viewsComparator, virtualTablesComparator } from './unmanaged-objects.js';

/**
 * A new registry with retort's comparators, in the order they run. Dialect-specific ones
 * (enabled by capability flags) run before the generic ones whose objects they claim.
 *
 * @example
 * ```ts
 * const registry = defaultComparators().register(myComparator);
 * ```
 */
export function defaultComparators(): ComparatorRegistry {
  return new ComparatorRegistry()
    .register(sequencesComparator)
    .register(domainsComparator)
    .register(functionsComparator)
    .register(proceduresComparator)
    .register(aggregatesComparator)
    .register(enumsComparator)
    .register(tablesComparator)
    .register(virtualTablesComparator)
    .register(viewsComparator)
    .register(triggersComparator)
    .register(exclusionsComparator)
    .register(partitionsComparator)
    .register(inheritanceComparator)
    .register(columnsComparator)
    .register(tableCommentComparator)
    .register(tableOptionsComparator)
    .register(primaryKeyComparator)
    .register(mysqlForeignKeyIndexComparator)
    .register(mysqlUniqueIndexComparator)
    .register(foreignKeysComparator)
    .register(uniquesComparator)
    .register(checksComparator)
    .register(indexesComparator)
    .register(columnTypeComparator)
    .register(nullableComparator)
    .register(serverDefaultComparator)
    .register(autoincrementComparator)
    .register(identityKindComparator)
    .register(collationComparator)
    .register(onUpdateComparator)
    .register(invisibleComparator)
    .register(computedComparator)
    .register(columnCommentComparator);
}
