// Turtle into Oxigraph, then SPARQL. An entity's SIGNED_AGREEMENT_WITH partners must be the
// set `kgmill query` returns from the store; so must every signing pair and the number of
// reified statements (one per relation, each with PROV-O provenance).
// usage: node sparql_partners.js graph.ttl DUMP BASE_IRI NAME   (env KGMILL, STORE)
const fs = require('fs');
const { execFileSync } = require('child_process');
const { req } = require(process.env.KGV_LIB);
const ox = req('oxigraph');

const [ttl, dump, base, name] = process.argv.slice(2);
const load = (p) => fs.readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const store = new ox.Store();
store.load(fs.readFileSync(ttl, 'utf8'), { format: 'text/turtle', base_iri: base });
const PFX = `PREFIX kg: <${base}vocab#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
  PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
  PREFIX prov: <http://www.w3.org/ns/prov#> `;
const sparql = (q) => store.query(PFX + q).map((row) => Object.fromEntries([...row].map(([k, v]) => [k, v.value])));
const kgmill = (cypher) => execFileSync(process.env.KGMILL, ['query', process.env.STORE, cypher, '--format', 'jsonl'],
  { encoding: 'utf8' }).split('\n').filter(Boolean).map((l) => JSON.parse(l));
const errors = [];
const sameSet = (what, a, b) => {
  const A = new Set(a); const B = new Set(b);
  const missing = [...B].filter((x) => !A.has(x)); const extra = [...A].filter((x) => !B.has(x));
  if (missing.length || extra.length) errors.push(`${what}: SPARQL lacks [${missing.join(', ')}], has extra [${extra.join(', ')}]`);
};

// 1. Every signing pair, both directions (symmetric relations are materialised both ways).
const pairs = sparql('SELECT ?a ?b WHERE { ?x kg:signedAgreementWith ?y . ?x kg:id ?a . ?y kg:id ?b }').map((r) => `${r.a} ${r.b}`);
// `kgmill query` reads a symmetric relation from both ends: keep it once.
const seen = new Set();
const rels = load(`${dump}/rels.jsonl`).filter((r) => {
  const k = r.symmetric === true && r.t < r.s ? `${r.t} ${r.type} ${r.s}` : `${r.s} ${r.type} ${r.t}`;
  if (seen.has(k)) return false;
  seen.add(k);
  return true;
});
const storePairs = [];
for (const r of rels.filter((x) => x.type === 'SIGNED_AGREEMENT_WITH')) {
  storePairs.push(`${r.s} ${r.t}`);
  if (r.symmetric === true) storePairs.push(`${r.t} ${r.s}`);
}
sameSet('signing pairs', pairs, storePairs);

// 2. One entity's partners, the question a user asks: by name or alias, else the entity with most.
const nodes = load(`${dump}/nodes.jsonl`);
let focus = nodes.find((n) => n.name === name || (n.aliases || []).includes(name));
if (!focus) {
  const count = new Map();
  for (const p of storePairs) { const a = p.split(' ')[0]; count.set(a, (count.get(a) || 0) + 1); }
  const best = [...count.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
  focus = best && nodes.find((n) => n.id === best[0]);
}
let partners = [];
if (focus) {
  const lit = JSON.stringify(focus.id);
  partners = sparql(`SELECT ?id ?label WHERE { ?v kg:id ${lit} ; kg:signedAgreementWith ?p . ?p kg:id ?id ; rdfs:label ?label }`);
  const cypherId = focus.id.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  const fromStore = kgmill(`MATCH (v {id: '${cypherId}'})-[:SIGNED_AGREEMENT_WITH]-(p) RETURN DISTINCT p.id AS id`).map((r) => r.id);
  sameSet(`partners of ${focus.name}`, partners.map((r) => r.id), fromStore);
}

// 3. One reified statement per relation, each derived from a document.
const [{ n }] = sparql('SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a rdf:Statement ; prov:wasDerivedFrom ?d ; kg:evidence ?e . ?e prov:wasQuotedFrom ?d2 }');
if (Number(n) !== rels.length) errors.push(`${n} reified statements with provenance, ${rels.length} relations in the store`);

if (errors.length) {
  for (const e of errors) console.error(`  ${e}`);
  console.error(`sparql FAIL: ${errors.length} difference(s)`);
  process.exit(1);
}
console.log(`sparql ok: ${pairs.length / 2} signing pairs; ${focus ? `${focus.name}: ${[...new Set(partners.map((p) => p.label))].join('; ') || '(no partners)'}` : 'no signings'}; ${n} statements with provenance (oxigraph)`);
