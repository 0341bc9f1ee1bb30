// GEXF round trip: graphology-gexf reads graph.gexf (networkx cannot read GEXF 1.3); its
// nodes and edges, with their typed attributes, must equal the store's (DUMP/*.jsonl).
// usage: node gexf_roundtrip.js graph.gexf DUMP
const fs = require('fs');
const { req } = require(process.env.KGV_LIB);
const Graph = req('graphology');
const gexf = req('graphology-gexf');

const [file, dump] = process.argv.slice(2);
const load = (p) => fs.readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const NODE_KEYS = ['name', 'type', 'aliases', 'country'];
const EDGE_KEYS = ['weight', 'symmetric', 'date', 'role', 'field', 'status', 'doc', 'sentence',
  'start', 'end', 'extractor', 'confidence'];
function norm(key, v) {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) return null;
  if (key === 'aliases') return (Array.isArray(v) ? v : String(v).split('|')).slice().sort().join('\u0001');
  if (key === 'weight' || key === 'start' || key === 'end') return Number(v);
  if (key === 'confidence') return Number(Number(v).toFixed(9));
  if (key === 'symmetric') return typeof v === 'boolean' ? v : String(v).toLowerCase() === 'true';
  return String(v);
}
const pick = (keys, o) => JSON.stringify(Object.fromEntries(keys.map((k) => [k, norm(k, o[k])])));

const g = gexf.parse(Graph, fs.readFileSync(file, 'utf8'));
const errors = [];
const storeNodes = new Map(load(`${dump}/nodes.jsonl`).map((n) => [n.id, pick(NODE_KEYS, n)]));
const fileNodes = new Map();
g.forEachNode((id, a) => {
  fileNodes.set(id, pick(NODE_KEYS, a));
  if (!a.color || a.size === undefined) errors.push(`node ${id}: no viz color or size`);
  if (a.label !== a.name?.replace(/\s+/g, ' ').trim()) errors.push(`node ${id}: label ${a.label} is not the name`);
});
// `kgmill query` reads a symmetric relation from both ends: compare them unordered.
const relKey = (s, type, t, symmetric) => (symmetric === true && t < s ? `${t} ${type} ${s}` : `${s} ${type} ${t}`);
const storeRels = new Map(load(`${dump}/rels.jsonl`).map((r) => [relKey(r.s, r.type, r.t, r.symmetric), pick(EDGE_KEYS, r)]));
const fileRels = new Map();
g.forEachEdge((e, a, s, t, sa, ta, undirected) => {
  const k = relKey(s, a.type, t, a.symmetric);
  if (fileRels.has(k)) errors.push(`edge ${k} twice`);
  fileRels.set(k, pick(EDGE_KEYS, a));
  if (undirected !== (a.symmetric === true)) errors.push(`edge ${k}: undirected=${undirected} but symmetric=${a.symmetric}`);
  if (a.kind !== a.type || a.label !== a.type) errors.push(`edge ${k}: kind/label is not the type`);
});
const compare = (what, store, got) => {
  if (store.size !== got.size) errors.push(`${got.size} ${what} in GEXF, ${store.size} in the store`);
  for (const k of new Set([...store.keys(), ...got.keys()])) {
    if (store.get(k) !== got.get(k)) errors.push(`${what} ${k}: store ${store.get(k)} != gexf ${got.get(k)}`);
  }
};
compare('nodes', storeNodes, fileNodes);
compare('edges', storeRels, fileRels);
if (errors.length) {
  for (const e of errors.slice(0, 20)) console.error(`  ${e}`);
  console.error(`gexf round trip FAIL: ${errors.length} difference(s)`);
  process.exit(1);
}
console.log(`gexf round trip ok: ${g.order} nodes, ${g.size} edges, attributes equal the store (graphology-gexf)`);
