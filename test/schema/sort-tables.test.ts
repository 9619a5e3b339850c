import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  column,
  createAllSteps,
  dropAllSteps,
  MetaData,
  sortTables,
  Table,
  type SchemaStep,
} from '../../src/schema/index.js';
import { buildSchemaFixture } from '../fixtures/schema-fixture.js';

function fkName(t: string, col: string, ref: string): string {
  return `fk_${t}_${col}_${ref}`;
}

describe('sortTables', () => {
  test('parents before children, ties by name, self-references ignored', () => {
    const md = new MetaData();
    new Table(md, 'c', { id: column.integer().primaryKey(), bId: column.integer().references('b.id'), parentId: column.integer().references('c.id') });
    new Table(md, 'b', { id: column.integer().primaryKey(), aId: column.integer().references('a.id') });
    new Table(md, 'a', { id: column.integer().primaryKey() });
    new Table(md, 'z', { id: column.integer().primaryKey() });
    new Table(md, 'd', { id: column.integer().primaryKey(), aId: column.integer().references('a.id') });
    const { order, cycleForeignKeys } = sortTables(md.snapshot('postgresql'));
    assert.deepEqual(order.map((t) => t.name), ['a', 'b', 'c', 'd', 'z']);
    assert.deepEqual(cycleForeignKeys, []);
    assert.deepEqual(md.sortedTables.map((t) => t.name), ['a', 'b', 'c', 'd', 'z']);
  });

  test('a two-table cycle defers exactly one foreign key, the same every time', () => {
    const build = (): MetaData => {
      const md = new MetaData();
      new Table(md, 'employee', { id: column.integer().primaryKey(), deptId: column.integer().references('dept.id') });
      new Table(md, 'dept', { id: column.integer().primaryKey(), headId: column.integer().references('employee.id') });
      new Table(md, 'badge', { id: column.integer().primaryKey(), employeeId: column.integer().references('employee.id') });
      return md;
    };
    const { order, cycleForeignKeys } = sortTables(build().snapshot('postgresql'));
    assert.deepEqual(order.map((t) => t.name), ['dept', 'employee', 'badge']);
    assert.deepEqual(cycleForeignKeys.map((c) => [c.table.name, c.fk.name]), [['dept', fkName('dept', 'head_id', 'employee')]]);
    assert.deepEqual(sortTables(build().snapshot('postgresql')).cycleForeignKeys.map((c) => c.fk.name), cycleForeignKeys.map((c) => c.fk.name));
  });

  test('a three-table cycle, a table depending on the cycle and one the cycle depends on', () => {
    const md = new MetaData();
    new Table(md, 'root', { id: column.integer().primaryKey() });
    new Table(md, 'p', { id: column.integer().primaryKey(), qId: column.integer().references('q.id'), rootId: column.integer().references('root.id') });
    new Table(md, 'q', { id: column.integer().primaryKey(), rId: column.integer().references('r.id') });
    new Table(md, 'r', { id: column.integer().primaryKey(), pId: column.integer().references('p.id') });
    new Table(md, 'a_child', { id: column.integer().primaryKey(), qId: column.integer().references('q.id') });
    const { order, cycleForeignKeys } = sortTables(md.snapshot('sqlite'));
    const names = order.map((t) => t.name);
    assert.deepEqual(names, ['root', 'p', 'r', 'q', 'a_child']);
    assert.deepEqual(cycleForeignKeys.map((c) => c.fk.name), [fkName('p', 'q_id', 'q')]);
    // Every foreign key not deferred points backwards in the order.
    for (const t of order) {
      for (const fk of t.foreignKeys) {
        const deferred = cycleForeignKeys.some((c) => c.fk === fk);
        if (!deferred) assert.ok(names.indexOf(fk.referredTable) <= names.indexOf(t.name), `${t.name} -> ${fk.referredTable}`);
      }
    }
  });

  test('two foreign keys between the same pair in a cycle are both deferred', () => {
    const md = new MetaData();
    new Table(md, 'a', { id: column.integer().primaryKey(), b1: column.integer().references('b.id'), b2: column.integer().references('b.id') });
    new Table(md, 'b', { id: column.integer().primaryKey(), aId: column.integer().references('a.id') });
    const { cycleForeignKeys } = sortTables(md.snapshot('postgresql'));
    assert.deepEqual(cycleForeignKeys.map((c) => c.table.name), ['b']);
  });

  test('foreign keys to tables outside the snapshot are ignored', () => {
    const snap = buildSchemaFixture('postgresql').snapshot('postgresql');
    const partial = { ...snap, tables: snap.tables.filter((t) => t.name !== 'user') };
    assert.equal(sortTables(partial).order.length, snap.tables.length - 1);
  });
});

function describeSteps(steps: SchemaStep[]): string[] {
  return steps.map((s) => {
    switch (s.kind) {
      case 'createEnum': case 'dropEnum': return `${s.kind} ${s.enumType.name}`;
      case 'createTable': return `createTable ${s.table.name}${s.omitForeignKeys.length ? ` -${s.omitForeignKeys.map((f) => f.name).join(',')}` : ''}`;
      case 'createIndex': return `createIndex ${s.index.name}`;
      case 'addForeignKey': case 'dropForeignKey': return `${s.kind} ${s.fk.name}`;
      case 'dropTable': return `dropTable ${s.table.name}`;
    }
  });
}

describe('createAll / dropAll plans', () => {
  const md = new MetaData();
  new Table(md, 'employee', {
    id: column.integer().primaryKey(),
    deptId: column.integer().references('dept.id').index(),
    status: column.enum(['a', 'b'], { name: 'emp_status' }),
  });
  new Table(md, 'dept', { id: column.integer().primaryKey(), headId: column.integer().references('employee.id') });

  test('postgresql: enums, tables with the cycle FK omitted, indexes, then the FK', () => {
    const snap = md.snapshot('postgresql');
    assert.deepEqual(describeSteps(createAllSteps(snap, { alterConstraints: true })), [
      'createEnum emp_status',
      'createTable dept -fk_dept_head_id_employee',
      'createTable employee',
      'createIndex ix_employee_dept_id',
      'addForeignKey fk_dept_head_id_employee',
    ]);
    assert.deepEqual(describeSteps(dropAllSteps(snap, { alterConstraints: true })), [
      'dropForeignKey fk_dept_head_id_employee',
      'dropTable employee',
      'dropTable dept',
      'dropEnum emp_status',
    ]);
  });

  test('sqlite: everything inline, nothing altered', () => {
    const snap = md.snapshot('sqlite');
    assert.deepEqual(describeSteps(createAllSteps(snap, { alterConstraints: false })), [
      'createTable dept', 'createTable employee', 'createIndex ix_employee_dept_id',
    ]);
    assert.deepEqual(describeSteps(dropAllSteps(snap, { alterConstraints: false })), ['dropTable employee', 'dropTable dept']);
    assert.deepEqual(md.sortTablesForCreate('sqlite').deferredForeignKeys, []);
    assert.equal(md.sortTablesForCreate('postgresql').deferredForeignKeys.length, 1);
  });

  test('checkFirst: existing tables and enums are skipped, with their indexes and deferred FKs', () => {
    const snap = md.snapshot('postgresql');
    const existing = { tables: new Set(['\u0000dept']), enums: new Set(['\u0000emp_status']) };
    assert.deepEqual(describeSteps(createAllSteps(snap, { alterConstraints: true }, existing)), [
      'createTable employee', 'createIndex ix_employee_dept_id',
    ]);
    assert.deepEqual(describeSteps(dropAllSteps(snap, { alterConstraints: true }, existing)), [
      'dropForeignKey fk_dept_head_id_employee', 'dropTable dept', 'dropEnum emp_status',
    ]);
  });

  test('the fixture creates every table exactly once on each dialect', () => {
    for (const d of ['postgresql', 'mysql', 'sqlite'] as const) {
      const snap = buildSchemaFixture(d).snapshot(d);
      const steps = createAllSteps(snap, { alterConstraints: d !== 'sqlite' });
      const created = steps.filter((s) => s.kind === 'createTable').map((s) => (s.kind === 'createTable' ? s.table.name : ''));
      assert.deepEqual([...created].sort(), snap.tables.map((t) => t.name));
      assert.equal(steps.filter((s) => s.kind === 'addForeignKey').length, d === 'sqlite' ? 0 : 1);
    }
  });
});
