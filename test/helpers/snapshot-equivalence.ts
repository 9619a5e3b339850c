/**
 * Field-by-field comparison of a declared schema (metadata.snapshot) with what reflection read
 * back, through the dialect's own canonical forms (types, defaults, expressions, FK actions).
 * Returns readable differences ("post.title: type VARCHAR(200) != VARCHAR(300)"); an empty list
 * means the two are the same schema. Independent of compare(), so the round-trip tests check
 * reflection and compare separately.
 */
import type { Dialect } from '../../src/engine/dialect.js';
import type {
  ColumnSnapshot,
  ForeignKeySnapshot,
  IndexSnapshot,
  SchemaSnapshot,
  TableSnapshot,
  UniqueSnapshot,
} from '../../src/schema/snapshot.js';

export function snapshotDifferences(declared: SchemaSnapshot, reflected: SchemaSnapshot, dialect: Dialect): string[] {
  const out: string[] = [];
  const caps = dialect.capabilities;
  const byName = new Map(reflected.tables.map((t) => [t.name, t]));
  for (const d of declared.tables) {
    const r = byName.get(d.name);
    if (!r) {
      out.push(`table ${d.name}: missing from the database`);
      continue;
    }
    byName.delete(d.name);
    out.push(...tableDifferences(d, r, dialect));
  }
  for (const name of byName.keys()) out.push(`table ${name}: in the database but not declared`);
  if (caps.namedEnums) {
    const fmt = (s: SchemaSnapshot): string[] => s.enums.map((e) => `${e.name}(${e.values.join(',')})`).sort();
    if (fmt(declared).join(' ') !== fmt(reflected).join(' ')) out.push(`enums: ${fmt(declared).join(' ')} != ${fmt(reflected).join(' ')}`);
  }
  return out;
}

function tableDifferences(d: TableSnapshot, r: TableSnapshot, dialect: Dialect): string[] {
  const out: string[] = [];
  const caps = dialect.capabilities;
  const t = d.name;
  const names = (cols: readonly ColumnSnapshot[]): string => cols.map((c) => c.name).join(',');
  if (names(d.columns) !== names(r.columns)) out.push(`${t}: columns (${names(d.columns)}) != (${names(r.columns)})`);
  for (const dc of d.columns) {
    const rc = r.columns.find((c) => c.name === dc.name);
    if (!rc) continue;
    const col = `${t}.${dc.name}`;
    const dt = dialect.types.canonical(dc.type);
    const rt = dialect.types.canonical(rc.type);
    if (dt !== rt) out.push(`${col}: type ${dt} != ${rt}`);
    if (dc.nullable !== rc.nullable) out.push(`${col}: nullable ${dc.nullable} != ${rc.nullable}`);
    const dd = dialect.normalizer.defaultValue(dc.default, dc);
    const rd = dialect.normalizer.defaultValue(rc.default, rc);
    if (dd !== rd) out.push(`${col}: default ${dd} != ${rd}`);
    if (dc.autoincrement !== rc.autoincrement) out.push(`${col}: autoincrement ${dc.autoincrement} != ${rc.autoincrement}`);
    if (caps.comments && dc.comment !== rc.comment) out.push(`${col}: comment ${JSON.stringify(dc.comment)} != ${JSON.stringify(rc.comment)}`);
  }
  if (caps.comments && d.comment !== r.comment) out.push(`${t}: comment ${JSON.stringify(d.comment)} != ${JSON.stringify(r.comment)}`);

  const pk = (p: TableSnapshot['primaryKey']): string =>
    p ? `${caps.namedPrimaryKeys && p.name ? p.name : ''}(${p.columns.join(',')})` : 'none';
  if (pk(d.primaryKey) !== pk(r.primaryKey)) out.push(`${t}: primary key ${pk(d.primaryKey)} != ${pk(r.primaryKey)}`);

  const fk = (f: ForeignKeySnapshot): string => {
    const action = (a: ForeignKeySnapshot['onDelete']): string => dialect.normalizer.foreignKeyAction(a);
    const deferral = caps.deferrableForeignKeys ? ` ${f.deferrable ? 'D' : ''}${f.initiallyDeferred ? 'I' : ''}` : '';
    return `${f.name ?? '?'}(${f.columns.join(',')})->${f.referredTable}(${f.referredColumns.join(',')}) del=${action(f.onDelete)} upd=${action(f.onUpdate)}${deferral}`;
  };
  out.push(...setDifferences(`${t}: foreign keys`, d.foreignKeys.map(fk), r.foreignKeys.map(fk)));

  const uq = (u: UniqueSnapshot): string => `${u.name ?? '?'}(${u.columns.join(',')})`;
  const ix = (i: IndexSnapshot): string => {
    const elements = i.expressions ? i.expressions.map((e) => dialect.normalizer.expression(e)).join(',') : i.columns.join(',');
    const where = i.where ? ` where ${dialect.normalizer.expression(i.where)}` : '';
    return `${i.name}${i.unique ? ' unique' : ''}(${elements})${where}${i.method ? ` using ${i.method}` : ''}`;
  };
  if (caps.uniqueConstraintIsIndex) {
    // one object: a unique constraint is a unique index; InnoDB's own FK indexes are not declared.
    const asIndex = (u: UniqueSnapshot): string => `${u.name ?? '?'} unique(${u.columns.join(',')})`;
    const fkNames = new Set(r.foreignKeys.map((f) => f.name));
    const declaredIx = [...d.uniques.map(asIndex), ...d.indexes.map(ix)];
    const declaredNames = new Set([...d.uniques.map((u) => u.name), ...d.indexes.map((i) => i.name)]);
    const reflectedIx = [...r.uniques.map(asIndex), ...r.indexes.filter((i) => declaredNames.has(i.name) || !fkNames.has(i.name)).map(ix)];
    out.push(...setDifferences(`${t}: unique constraints and indexes`, declaredIx, reflectedIx));
  } else {
    out.push(...setDifferences(`${t}: unique constraints`, d.uniques.map(uq), r.uniques.map(uq)));
    out.push(...setDifferences(`${t}: indexes`, d.indexes.map(ix), r.indexes.map(ix)));
  }
  const ck = (c: { name: string | null; expression: string }): string => `${c.name ?? '?'}: ${dialect.normalizer.expression(c.expression)}`;
  out.push(...setDifferences(`${t}: checks`, d.checks.map(ck), r.checks.map(ck)));
  return out;
}

function setDifferences(what: string, declared: string[], reflected: string[]): string[] {
  const out: string[] = [];
  const rest = [...reflected];
  for (const x of declared) {
    const i = rest.indexOf(x);
    if (i >= 0) rest.splice(i, 1);
    else out.push(`${what}: declared ${x} not found`);
  }
  for (const x of rest) out.push(`${what}: reflected ${x} not declared`);
  return out;
}
