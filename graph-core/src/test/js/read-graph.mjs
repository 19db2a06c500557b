// Reads gnn4j's Arrow IPC graph files with arrow-js and prints every value, for the Java interop test to compare:
//   node read-graph.mjs <dir>
// Output (one item per line, space separated):
//   table <name> rows <R> batches <B>
//   field <name> <arrow-js type> <nullable>          (once per column, in schema order)
//   meta <key> <value>                               (once per schema metadata entry)
//   row <r> <value> ...                              (per row: ints as decimals, float32 as 8 hex digits of its
//                                                     bit pattern, a fixed-size list as its items, a string as
//                                                     itself, null as "null")
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC, Type } from 'apache-arrow';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node read-graph.mjs <dir>');
  process.exit(2);
}
const bits = new Uint32Array(1);
const asFloat = new Float32Array(bits.buffer);
function floatHex(x) {
  asFloat[0] = x;
  return bits[0].toString(16).padStart(8, '0');
}
function cell(type, value) {
  if (value === null || value === undefined) return ['null'];
  switch (type.typeId) {
    case Type.Int: return [String(value)];
    case Type.Float: return [floatHex(value)];
    case Type.Utf8: return [value];
    case Type.FixedSizeList: return Array.from(value.toArray(), (x) => cell(type.children[0].type, x)).flat();
    default: throw new Error(`unexpected column type ${type}`);
  }
}
const out = [];
for (const name of ['nodes', 'edges']) {
  const table = tableFromIPC(readFileSync(join(dir, `${name}.arrow`)));
  out.push(`table ${name} rows ${table.numRows} batches ${table.batches.length}`);
  for (const field of table.schema.fields) out.push(`field ${field.name} ${field.type} ${field.nullable}`);
  for (const [key, value] of table.schema.metadata) out.push(`meta ${key} ${value}`);
  const columns = table.schema.fields.map((field) => [field.type, table.getChild(field.name)]);
  for (let r = 0; r < table.numRows; r++) {
    const values = columns.map(([type, column]) => cell(type, column.get(r))).flat();
    out.push(`row ${r} ${values.join(' ')}`);
  }
}
process.stdout.write(out.join('\n') + '\n');
