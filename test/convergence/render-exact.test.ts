// Render is exact: for every scenario of the matrix (and the whole schema fixture), the migration
// file rendered from compare's ops, loaded the way the runner loads it (jiti), calls the `op`
// facade with ops equal to the ones it was rendered from, upgrade and downgrade, except for the
// "for reverse" fields a file does not need (its downgrade is written out). No database.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { compare } from '../../src/autogenerate/compare.js';
import { renderMigration } from '../../src/autogenerate/render/migration.js';
import { getDialect } from '../../src/index.js';
import { loadMigrationScript } from '../../src/migrations/script-directory.js';
import { MigrationContext } from '../../src/operations/context.js';
import { Operations } from '../../src/operations/facade.js';
import type { Operation } from '../../src/operations/operation.js';
import { reverseAll } from '../../src/operations/reverse.js';
import { OfflineSchemaState } from '../../src/operations/schema-state.js';
import { selectedDialects } from '../helpers/databases.js';
import { scenariosFor, tempMigrations, type Scenario } from './harness.js';
import { columnScenarios } from './scenarios-columns.js';
import { constraintScenarios } from './scenarios-constraints.js';
import { rebuildScenarios } from './scenarios-rebuilds.js';
import { tableScenarios } from './scenarios-tables.js';

const scenarios: readonly Scenario[] = [...columnScenarios, ...tableScenarios, ...constraintScenarios, ...rebuildScenarios];

/** A migration context that records the ops the facade builds instead of running them. */
class RecordingContext extends MigrationContext {
  readonly ops: Operation[] = [];

  override run(op: Operation): Promise<void> {
    this.ops.push(op);
    return Promise.resolve();
  }
}

/**
 * An op without the fields only `reverse()` reads (a rendered file writes its downgrade out), and
 * a createTable as render writes it.
 */
function withoutReverseFields(op: Operation): Operation {
  switch (op.kind) {
    case 'dropTable': {
      const { table: _table, ...rest } = op;
      return rest;
    }
    case 'setTableComment': {
      const { previous: _previous, ...rest } = op;
      return rest;
    }
    case 'dropColumn': {
      const { column: _column, ...rest } = op;
      return rest;
    }
    case 'alterColumn': {
      const { previous: _previous, ...rest } = op;
      return rest;
    }
    case 'dropIndex': {
      const { index: _index, ...rest } = op;
      return rest;
    }
    case 'dropPrimaryKey': {
      const { primaryKey: _primaryKey, ...rest } = op;
      return rest;
    }
    case 'dropForeignKey': {
      const { foreignKey: _foreignKey, ...rest } = op;
      return rest;
    }
    case 'dropUnique': {
      const { unique: _unique, ...rest } = op;
      return rest;
    }
    case 'dropCheck': {
      const { check: _check, ...rest } = op;
      return rest;
    }
    case 'dropEnum': {
      const { enum: _enum, ...rest } = op;
      return rest;
    }
    case 'dropEnumValue': {
      const { before: _before, after: _after, ...rest } = op;
      return rest;
    }
    case 'createTable': {
      // FKs left out of the CREATE TABLE (cycles) are rendered as the separate createForeignKey they are
      const omitted = op.omitForeignKeys ?? [];
      const foreignKeys = op.table.foreignKeys.filter((fk) => fk.name === null || !omitted.includes(fk.name));
      return { kind: 'createTable', table: { ...op.table, foreignKeys } };
    }
    default:
      return op;
  }
}

/** Plain data (frozen objects, undefined keys and prototypes do not matter to the comparison). */
function plain(ops: readonly Operation[]): unknown {
  return JSON.parse(JSON.stringify(ops.map(withoutReverseFields))) as unknown;
}

describe('rendered migrations are exact', () => {
  const directory = tempMigrations();
  after(() => rmSync(directory, { recursive: true, force: true }));
  let files = 0;

  for (const dialectName of selectedDialects()) {
    const dialect = getDialect(dialectName);
    for (const scenario of scenariosFor(scenarios, dialectName)) {
      it(`${scenario.name} [${dialectName}]`, async () => {
        const a = scenario.before(dialectName).snapshot(dialect);
        const b = scenario.after(dialectName).snapshot(dialect);
        const upgradeOps = compare(b, a, { dialect, ...(scenario.renames ? { renames: scenario.renames } : {}) });
        const downgradeOps = reverseAll(upgradeOps);
        const source = renderMigration({
          revision: (++files).toString(16).padStart(12, '0'), parents: [], message: scenario.name, createdAt: '2026-01-01T00:00:00.000Z', upgradeOps, downgradeOps,
        });
        const path = join(directory, `${files}_${dialectName}.ts`);
        writeFileSync(path, source);
        const script = await loadMigrationScript(path);
        for (const [fn, expected] of [[script.upgrade, upgradeOps], [script.downgrade, downgradeOps]] as const) {
          const recorder = new RecordingContext({ dialect, sink: { run: () => Promise.resolve() }, state: new OfflineSchemaState() });
          await fn(new Operations(recorder));
          assert.deepEqual(plain(recorder.ops), plain(expected), `${fn === script.upgrade ? 'upgrade' : 'downgrade'} of:\n${source}`);
        }
      });
    }
  }
});
