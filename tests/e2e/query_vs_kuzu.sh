#!/usr/bin/env bash
# `kgmill query` against a real Cypher engine. The seed corpus is built, exported as Neo4j CSV,
# and that CSV is loaded into Kùzu (npm `kuzu`, embedded) with Kùzu's own CSV reader: one node
# table per label, one relationship table per type (with every label pair the data uses). Then
# each query below runs through both and the result sets must agree (order-insensitive unless
# the query has ORDER BY and is marked ordered).
#
# Where Kùzu's dialect differs from Neo4j's (which kgmill follows), the Kùzu side of a query is
# written differently and the entry says why. The differences met:
#   - symmetric relations: the CSV holds SIGNED_AGREEMENT_WITH / COOPERATES_WITH (between
#     organisations) once, and Kùzu matches them only as stored; kgmill matches them in both
#     directions (ONTOLOGY.md: their direction carries no meaning). Kùzu's side is undirected,
#     or adds the reverse direction for rows with r.symmetric.
#   - relationship uniqueness: Neo4j and kgmill never bind one relationship twice in a MATCH;
#     Kùzu does (walk semantics). Kùzu's side adds r1 <> r2, or `* TRAIL` for variable length.
#   - labels(n) / type(r) are label(n) / label(r) in Kùzu; the Entity label of the export is
#     not a table there; END and other keywords need backticks in Kùzu; shortestPath((a)-[*]-(b))
#     is (a)-[* SHORTEST 1..k]-(b); list comprehensions are list_transform / properties().
#   - collect() gives lists in an unspecified order on both sides: those lists are sorted.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"
need_shared
[ -f "$TOOLS/lib/node.sh" ] || { echo "skip: no ../shared/tools"; exit 77; }
. "$TOOLS/lib/node.sh"
NODE=$(kgv_node || true)
[ -n "$NODE" ] || { echo "skip: no node"; exit 77; }
KG_HOME=${KG_VALIDATORS_HOME:-$HOME/.cache/kg-validators}
[ -d "$KG_HOME/node_modules/kuzu" ] || { echo "skip: kuzu is not installed (run ../shared/tools/setup-validators)"; exit 77; }

W=$KGMILL_WORK
build_ok "$SEEDS" -o "$W/out"
"$KGMILL" export "$W/out" --format neo4j -o "$W/neo4j"
ls "$W/neo4j"/nodes_*.csv >/dev/null 2>&1 || fail "the neo4j export wrote no nodes_*.csv"

cat > "$W/query_vs_kuzu.js" <<'JS'
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { req } = require(path.join(process.env.KGMILL_SHARED_DIR, 'tools/lib/kgv.js'));
const kuzu = req('kuzu');
const [KGMILL, STORE, DIR, DB] = process.argv.slice(2);

// RFC 4180 CSV (the export's dialect), enough to learn the label of every id.
function parseCsv(text) {
  const rows = []; let row = []; let f = ''; let q = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (q) { if (c === '"') { if (text[i + 1] === '"') { f += '"'; i++; } else q = false; } else f += c; }
    else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; }
    else if (c === '\n' || c === '\r') { if (c === '\r' && text[i + 1] === '\n') i++; row.push(f); rows.push(row); row = []; f = ''; }
    else f += c;
  }
  if (f !== '' || row.length) { row.push(f); rows.push(row); }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}
const q = (s) => '`' + s.replace(/`/g, '``') + '`';
const lit = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const KTYPE = { int: 'INT64', long: 'INT64', double: 'DOUBLE', float: 'DOUBLE', boolean: 'BOOLEAN' };
const colType = (h) => { const m = /:([a-z]+)$/.exec(h); return (m && KTYPE[m[1]]) || 'STRING'; };
const colName = (h) => h.split(':')[0];

async function load(conn) {
  const files = fs.readdirSync(DIR).sort();
  const labelOf = new Map();
  for (const f of files.filter((f) => /^nodes_.*\.csv$/.test(f))) {
    const label = f.slice(6, -4);
    const rows = parseCsv(fs.readFileSync(path.join(DIR, f), 'utf8'));
    const h = rows[0];
    const at = (n) => h.findIndex((x) => x === n || x.startsWith(n + ':'));
    const id = h.findIndex((x) => x.endsWith(':ID'));
    for (const r of rows.slice(1)) labelOf.set(r[id], label);
    await conn.query(`CREATE NODE TABLE ${q(label)}(id STRING, name STRING, type STRING, aliases STRING[], country STRING, PRIMARY KEY(id))`);
    const cols = h.map((_, i) => `c${i} STRING`).join(', ');
    const al = `c${at('aliases')}`;
    await conn.query(`COPY ${q(label)} FROM (LOAD WITH HEADERS (${cols}) FROM ${lit(path.join(DIR, f))} (header=true) ` +
      `RETURN c${id}, c${at('name')}, c${at('type')}, CASE WHEN ${al} IS NULL OR ${al} = '' THEN NULL ELSE string_split(${al}, ';') END, c${at('country')})`);
  }
  let rels = 0;
  for (const f of files.filter((f) => /^rels_.*\.csv$/.test(f))) {
    const type = f.slice(5, -4);
    const rows = parseCsv(fs.readFileSync(path.join(DIR, f), 'utf8'));
    const h = rows[0];
    const s = h.indexOf(':START_ID'), e = h.indexOf(':END_ID');
    const props = h.map((x, i) => ({ x, i })).filter(({ x }) => !x.startsWith(':'));
    const pairs = [...new Set(rows.slice(1).map((r) => labelOf.get(r[s]) + '\u0001' + labelOf.get(r[e])))].map((p) => p.split('\u0001'));
    await conn.query(`CREATE REL TABLE ${q(type)}(${pairs.map(([a, b]) => `FROM ${q(a)} TO ${q(b)}`).join(', ')}, ` +
      props.map(({ x }) => `${q(colName(x))} ${colType(x)}`).join(', ') + ')');
    const cols = h.map((x, i) => `c${i} ${x.startsWith(':') ? 'STRING' : colType(x)}`).join(', ');
    for (const [a, b] of pairs) {
      await conn.query(`LOAD WITH HEADERS (${cols}) FROM ${lit(path.join(DIR, f))} (header=true) ` +
        `MATCH (x:${q(a)} {id: c${s}}), (y:${q(b)} {id: c${e}}) ` +
        `CREATE (x)-[:${q(type)} {${props.map(({ x, i }) => `${q(colName(x))}: c${i}`).join(', ')}}]->(y)`);
    }
    rels += rows.length - 1;
  }
  const [{ n }] = await (await conn.query('MATCH ()-[r]->() RETURN count(r) AS n')).getAll();
  if (Number(n) !== rels) throw new Error(`kuzu linked ${n} of ${rels} relationships`);
  return { nodes: labelOf.size, rels };
}

// Values compared as canonical text: integers and floats as numbers (floats to 9 digits).
function norm(v, sortLists) {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(9)));
  if (typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) { const items = v.map((x) => norm(x, sortLists)); if (sortLists) items.sort(); return '[' + items.join(',') + ']'; }
  return JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? Number(x) : x));
}

const VNU = 'Vietnam National University, Hanoi';
const CASES = [
  { id: 'count_nodes', kg: 'MATCH (n) RETURN count(*)' },
  { id: 'count_by_type', kg: 'MATCH (n) RETURN n.type, count(*)' },
  { id: 'count_by_label', kg: 'MATCH (n) RETURN labels(n)[0] AS l, count(*)', kz: 'MATCH (n) RETURN label(n) AS l, count(*)',
    note: 'labels(n) is label(n) (a string) in Kùzu' },
  { id: 'entity_label', kg: 'MATCH (n:Entity) RETURN count(n)', kz: 'MATCH (n) RETURN count(n)',
    note: 'the export\'s Entity label is no table in Kùzu' },
  { id: 'rels_by_type', kg: 'MATCH ()-[r]->() WITH DISTINCT r RETURN type(r), count(*)',
    kz: 'MATCH ()-[r]->() RETURN label(r), count(*)',
    note: 'type(r) is label(r); kgmill meets symmetric relations from both ends, hence DISTINCT r' },
  { id: 'vn_universities', kg: "MATCH (u:University) WHERE u.country = 'VN' RETURN u.id" },
  { id: 'signed_undirected', kg: 'MATCH (a)-[s:SIGNED_AGREEMENT_WITH]-(b) RETURN a.id, b.id, s.date' },
  { id: 'signed_directed', kg: 'MATCH (a:University)-[:SIGNED_AGREEMENT_WITH]->(b) RETURN a.id, b.id',
    kz: 'MATCH (a:University)-[:SIGNED_AGREEMENT_WITH]-(b) RETURN a.id, b.id',
    note: 'symmetric relation: kgmill\'s directed pattern is Kùzu\'s undirected one' },
  { id: 'cooperates_directed', kg: 'MATCH (a)-[r:COOPERATES_WITH]->(b) RETURN a.id, b.id',
    kz: 'MATCH (a)-[r:COOPERATES_WITH]->(b) RETURN a.id, b.id UNION ALL MATCH (a)<-[r:COOPERATES_WITH]-(b) WHERE r.symmetric RETURN a.id, b.id',
    note: 'COOPERATES_WITH is symmetric between organisations only (not towards a Country)' },
  { id: 'members_per_network', kg: 'MATCH (o)-[:MEMBER_OF]->(n:Network) RETURN n.name, count(o) AS k ORDER BY k DESC, n.name', ordered: true },
  { id: 'visitors_of_pku', kg: "MATCH (v)-[r:VISITED]->(:University {name: 'Peking University'}) RETURN v.name, r.date" },
  { id: 'leaders_of_visitors', kg: "MATCH (v)-[:VISITED]->(:University {name: 'Peking University'}) MATCH (p:Person)-[h:HOLDS_POSITION]->(v) RETURN p.name, h.role, v.name" },
  { id: 'optional_membership', kg: 'MATCH (u:University) OPTIONAL MATCH (u)-[:MEMBER_OF]->(n:Network) RETURN u.id, count(n)' },
  { id: 'string_predicates', kg: "MATCH (n) WHERE n.name STARTS WITH 'Viet' OR n.name ENDS WITH 'University' AND n.name CONTAINS 'Kyoto' RETURN n.id" },
  { id: 'regex', kg: "MATCH (n:University) WHERE n.name =~ '.*(Hanoi|Ha Noi).*' RETURN n.id" },
  { id: 'in_list', kg: "MATCH (n) WHERE n.country IN ['CN', 'KR', 'JP'] RETURN n.country, count(*)" },
  { id: 'is_null', kg: 'MATCH (n:University) WHERE n.country IS NULL RETURN count(*)' },
  { id: 'xor_not', kg: "MATCH (n:University) WHERE (n.country = 'VN') XOR NOT (n.aliases IS NULL) RETURN n.id" },
  { id: 'alias_in_list', kg: "MATCH (n) WHERE 'VNU' IN n.aliases OR 'ĐHQGHN' IN n.aliases RETURN n.id, n.name" },
  { id: 'alias_sizes', kg: 'MATCH (n) WHERE n.aliases IS NOT NULL RETURN n.id, size(n.aliases)' },
  { id: 'rel_properties', kg: 'MATCH (a)-[r:VISITED]->(b) RETURN a.id, b.id, r.weight, r.confidence, r.start, r.end, r.doc',
    kz: 'MATCH (a)-[r:VISITED]->(b) RETURN a.id, b.id, r.weight, r.confidence, r.`start`, r.`end`, r.doc',
    note: 'START / END are keywords in Kùzu: backticks' },
  { id: 'aggregates', kg: 'MATCH ()-[r]->() WITH DISTINCT r RETURN min(r.weight), max(r.weight), sum(r.weight), avg(r.confidence), min(r.date), max(r.date)',
    kz: 'MATCH ()-[r]->() RETURN min(r.weight), max(r.weight), sum(r.weight), avg(r.confidence), min(r.date), max(r.date)',
    note: 'DISTINCT r: see rels_by_type' },
  { id: 'collect_by_place', kg: 'MATCH (u:University)-[:LOCATED_IN]->(p) RETURN p.id, collect(u.id)', sortLists: true },
  { id: 'count_distinct', kg: 'MATCH (a)-[:VISITED]->(b) RETURN count(DISTINCT b), count(*)' },
  { id: 'with_having', kg: 'MATCH (o)-[r]-(x) WITH o, count(DISTINCT x) AS deg WHERE deg >= 5 RETURN o.id, deg' },
  { id: 'top_degree', kg: 'MATCH (o)-[r]-() WITH o, count(r) AS deg RETURN o.id, deg ORDER BY deg DESC, o.id LIMIT 10', ordered: true },
  { id: 'skip_limit', kg: 'MATCH (n:Country) RETURN n.name ORDER BY n.name SKIP 3 LIMIT 5', ordered: true },
  { id: 'distinct', kg: 'MATCH (a)-[:LOCATED_IN]->(p) RETURN DISTINCT p.type' },
  { id: 'two_hops', kg: 'MATCH (a:Person)-[:HOLDS_POSITION]->(o)-[:MEMBER_OF]->(n) RETURN a.name, o.name, n.name' },
  { id: 'hierarchy_var_length', kg: 'MATCH (u:Unit)-[:PART_OF*1..3]->(top) RETURN u.id, top.id',
    kz: 'MATCH (u:Unit)-[:PART_OF* TRAIL 1..3]->(top) RETURN u.id, top.id', note: 'Kùzu walks by default: ask for TRAIL' },
  { id: 'neighbourhood_2', kg: `MATCH (a {name: '${VNU}'})-[*1..2]-(b) WHERE b.id <> a.id RETURN DISTINCT b.id`,
    kz: `MATCH (a {name: '${VNU}'})-[* TRAIL 1..2]-(b) WHERE b.id <> a.id RETURN DISTINCT b.id` },
  { id: 'paths_3_count', kg: `MATCH (a {name: '${VNU}'})-[*1..3]-(b) RETURN count(*)`,
    kz: `MATCH (a {name: '${VNU}'})-[* TRAIL 1..3]-(b) RETURN count(*)`, note: 'every trail, not only endpoints' },
  { id: 'shortest_lengths', kg: `MATCH (a {name: '${VNU}'}), (b) WHERE b.id <> a.id MATCH p = shortestPath((a)-[*..10]-(b)) RETURN b.id, length(p)`,
    kz: `MATCH p = (a {name: '${VNU}'})-[* SHORTEST 1..10]-(b) WHERE b.id <> a.id RETURN b.id, length(p)`,
    note: 'shortestPath() is [* SHORTEST] in Kùzu; only lengths are compared (equal paths may differ)' },
  { id: 'shortest_directed', kg: 'MATCH (a:Person), (b:Country) MATCH p = shortestPath((a)-[:HOLDS_POSITION|PART_OF|LOCATED_IN|VISITED|ATTENDED*..6]->(b)) RETURN a.id, b.id, length(p)',
    kz: 'MATCH p = (a:Person)-[:HOLDS_POSITION|PART_OF|LOCATED_IN|VISITED|ATTENDED* SHORTEST 1..6]->(b:Country) RETURN a.id, b.id, length(p)',
    note: 'directed, over relation types that are never symmetric' },
  { id: 'parameters', kg: 'MATCH (a)-[r]->(b) WHERE r.date STARTS WITH $year WITH DISTINCT r RETURN startNode(r).id, type(r)', params: { year: '2025' },
    kz: 'MATCH (a)-[r]->(b) WHERE r.date STARTS WITH $year RETURN a.id, label(r)',
    note: 'startNode(r) is the stored start, whichever end the symmetric match began from' },
  { id: 'unwind', kg: "UNWIND ['CN', 'VN', 'FR'] AS c MATCH (n:University {country: c}) RETURN c, count(n)" },
  { id: 'case', kg: "MATCH (n:University) RETURN CASE WHEN n.country = 'VN' THEN 'domestic' WHEN n.country IS NULL THEN 'unknown' ELSE 'foreign' END AS k, count(*)" },
  { id: 'uniqueness', kg: 'MATCH (a)-[r1:COOPERATES_WITH]-(b)-[r2:COOPERATES_WITH]-(c) RETURN count(*)',
    kz: 'MATCH (a)-[r1:COOPERATES_WITH]-(b)-[r2:COOPERATES_WITH]-(c) WHERE r1 <> r2 RETURN count(*)',
    note: 'Kùzu binds one relationship twice unless told not to' },
  { id: 'string_functions', kg: 'MATCH (n:Country) RETURN toLower(n.name), toUpper(n.name), size(n.name)' },
  { id: 'union', kg: 'MATCH (n:Company) RETURN n.name AS name UNION MATCH (n:Network) RETURN n.name AS name' },
  { id: 'path_nodes', kg: 'MATCH p = (a:Unit)-[:PART_OF]->(b) RETURN [x IN nodes(p) | x.id]',
    kz: "MATCH p = (a:Unit)-[:PART_OF]->(b) RETURN properties(nodes(p), 'id')", note: 'no list comprehension in Kùzu' },
  { id: 'events_and_fields', kg: 'MATCH (o)-[:ORGANIZED]->(e:Event) OPTIONAL MATCH (e)-[:CONCERNS]->(f:Field) RETURN o.id, e.id, f.name' },
];

(async () => {
  const db = new kuzu.Database(DB);
  const conn = new kuzu.Connection(db);
  const loaded = await load(conn);
  console.log(`kuzu: ${loaded.nodes} nodes, ${loaded.rels} relationships from ${DIR}`);
  let failed = 0;
  for (const c of CASES) {
    const args = ['query', STORE, c.kg, '--format', 'jsonl'];
    for (const [k, v] of Object.entries(c.params || {})) args.push('--param', `${k}=${typeof v === 'string' ? lit(v) : v}`);
    let mine, theirs;
    try {
      mine = execFileSync(KGMILL, args, { encoding: 'utf8' }).split('\n').filter(Boolean).map((l) => Object.values(JSON.parse(l)));
    } catch (e) { console.log(`FAIL ${c.id}: kgmill: ${e.stderr || e.message}`); failed++; continue; }
    try {
      const text = c.kz || c.kg;
      const res = c.params ? await conn.execute(await conn.prepare(text), c.params) : await conn.query(text);
      theirs = (await res.getAll()).map((r) => Object.values(r));
    } catch (e) { console.log(`FAIL ${c.id}: kuzu: ${e.message}`); failed++; continue; }
    const canon = (rows) => { const t = rows.map((r) => '(' + r.map((v) => norm(v, c.sortLists)).join(', ') + ')'); if (!c.ordered) t.sort(); return t; };
    const a = canon(mine), b = canon(theirs);
    if (JSON.stringify(a) === JSON.stringify(b)) {
      console.log(`ok   ${c.id} (${a.length} rows)${c.note ? ' — ' + c.note : ''}`);
    } else {
      failed++;
      console.log(`FAIL ${c.id}: kgmill ${a.length} rows, kuzu ${b.length} rows`);
      const only = (x, y) => x.filter((r) => !y.includes(r)).slice(0, 8);
      for (const r of only(a, b)) console.log(`  only kgmill: ${r}`);
      for (const r of only(b, a)) console.log(`  only kuzu:   ${r}`);
      if (c.ordered && !only(a, b).length && !only(b, a).length) console.log('  (same rows, different order)');
    }
  }
  console.log(`${CASES.length - failed}/${CASES.length} queries agree with Kùzu`);
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(e.stack || e.message); process.exit(1); });
JS

KGMILL_SHARED_DIR="$KGMILL_SHARED_DIR" "$NODE" "$W/query_vs_kuzu.js" "$KGMILL" "$W/out" "$W/neo4j" "$W/kuzu.db"
