// Writes gnn4j's Arrow IPC graph files with arrow-js, from a JSON spec that the Java interop test wrote:
//   node write-graph.mjs <spec.json> <outDir>
// Spec: { numFeatures, ids:[..], featureBits:[..] (row-major float32 bit patterns, rows in file order),
//         labels:[..]|null (-1 is written as null), src:[..], dst:[..], weightBits:[..]|null,
//         directed:true|false|null (null: no "gnn4j.directed" metadata), edgeBatches:k }
// Floats travel as their IEEE-754 bit patterns so that no decimal rounding happens on either side.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Field, FixedSizeList, Float32, Int32, RecordBatch, Schema, Struct, Table,
  makeData, tableToIPC, vectorFromArray,
} from 'apache-arrow';

const [specPath, outDir] = process.argv.slice(2);
if (!specPath || !outDir) {
  console.error('usage: node write-graph.mjs <spec.json> <outDir>');
  process.exit(2);
}
const spec = JSON.parse(readFileSync(specPath, 'utf8'));

function floatsFromBits(bits) {
  return new Float32Array(Uint32Array.from(bits, (b) => b >>> 0).buffer);
}

// One record batch of the given schema from one vector per field (each must hold a single chunk).
function batch(schema, vectors) {
  const length = vectors.length === 0 ? 0 : vectors[0].length;
  const children = vectors.map((v) => {
    if (v.data.length !== 1) throw new Error(`expected one chunk, got ${v.data.length}`);
    return v.data[0];
  });
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length, nullCount: 0, children }));
}

// nodes.arrow: id, features (when numFeatures > 0), label (when labels are given).
const n = spec.ids.length;
const f = spec.numFeatures;
const nodeFields = [new Field('id', new Int32(), false)];
const nodeVectors = [vectorFromArray(Int32Array.from(spec.ids), new Int32())];
if (f > 0) {
  const item = new Field('item', new Float32(), false);
  const type = new FixedSizeList(f, item);
  const values = floatsFromBits(spec.featureBits);
  const rows = Array.from({ length: n }, (_, r) => values.subarray(r * f, (r + 1) * f));
  nodeFields.push(new Field('features', type, false));
  nodeVectors.push(vectorFromArray(rows, type));
}
if (spec.labels !== null) {
  nodeFields.push(new Field('label', new Int32(), true));
  nodeVectors.push(vectorFromArray(spec.labels.map((l) => (l === -1 ? null : l)), new Int32()));
}
const nodeSchema = new Schema(nodeFields);
writeFileSync(join(outDir, 'nodes.arrow'), tableToIPC(new Table(nodeSchema, [batch(nodeSchema, nodeVectors)]), 'file'));

// edges.arrow: src, dst, weight (when given), split into spec.edgeBatches record batches.
const e = spec.src.length;
const edgeFields = [new Field('src', new Int32(), false), new Field('dst', new Int32(), false)];
const weights = spec.weightBits === null ? null : floatsFromBits(spec.weightBits);
if (weights !== null) edgeFields.push(new Field('weight', new Float32(), false));
const metadata = new Map();
if (spec.directed !== null) metadata.set('gnn4j.directed', String(spec.directed));
const edgeSchema = new Schema(edgeFields, metadata);
const k = Math.max(1, spec.edgeBatches);
const batches = [];
for (let b = 0; b < k; b++) {
  const from = Math.floor((b * e) / k);
  const to = Math.floor(((b + 1) * e) / k);
  const vectors = [
    vectorFromArray(Int32Array.from(spec.src.slice(from, to)), new Int32()),
    vectorFromArray(Int32Array.from(spec.dst.slice(from, to)), new Int32()),
  ];
  if (weights !== null) vectors.push(vectorFromArray(weights.slice(from, to), new Float32()));
  batches.push(batch(edgeSchema, vectors));
}
writeFileSync(join(outDir, 'edges.arrow'), tableToIPC(new Table(edgeSchema, batches), 'file'));
