import { createEngine } from '../src/index.js';
import { inspect } from '../src/reflect/inspect.js';
const engine = createEngine('postgresql://postgres@127.0.0.1:5432/scratch_shop');
const s = await inspect(engine);
for (const t of s.tables) { console.log('TABLE', t.name, t.comment); for (const c of t.columns) console.log('  ', c.name, JSON.stringify(c.type), c.nullable, JSON.stringify(c.default), c.autoincrement, c.comment);
  for (const x of [...t.foreignKeys, ...t.uniques, ...t.checks, ...t.indexes]) console.log('  ', JSON.stringify(x)); console.log('  pk', JSON.stringify(t.primaryKey)); }
console.log(JSON.stringify(s.enums), JSON.stringify(s.views));
await engine.dispose();
