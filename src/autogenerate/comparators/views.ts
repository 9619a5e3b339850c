import type { ViewSnapshot } from '../../schema/snapshot.js';
import type { SchemaComparator } from '../comparator.js';

/** A view's definition compared without case and spaces (catalogs reformat SELECTs). */
function definitionKey(view: ViewSnapshot): string {
  return (view.definition ?? '').replace(/\s+/g, '').replace(/;$/, '').toLowerCase();
}

/**
 * Views, when the target is a database (`retort diff`): retort does not manage views, so a view
 * only one side has, or whose definition differs, is a warning. Models declare no views: against
 * models, the database's views are left alone, as Alembic does.
 */
export const viewsComparator: SchemaComparator = {
  id: 'views',
  scope: 'schema',
  compare(ctx) {
    if (!ctx.targetIsDatabase) return;
    const current = new Map(ctx.database.views.map((v) => [v.name, v]));
    const target = new Map(ctx.target.views.map((v) => [v.name, v]));
    for (const [name, view] of target) {
      const other = current.get(name);
      if (!other) ctx.warn(null, `view ${name}: only the target has it; retort does not manage views: create it with op.execute`);
      else if (definitionKey(view) !== definitionKey(other)) ctx.warn(null, `view ${name}: its definition differs; retort does not manage views: replace it with op.execute`);
    }
    for (const name of current.keys()) {
      if (!target.has(name)) ctx.warn(null, `view ${name}: only the database has it; retort does not manage views: drop it with op.execute`);
    }
  },
};
