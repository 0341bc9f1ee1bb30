// Neo4j import files loaded into Kùzu (an embedded Cypher database): one node table for the
// nodes_*.csv files, one relationship table per rels_<TYPE>.csv; then, per relation type,
// `MATCH ()-[r:TYPE]->() RETURN count(r), sum(r.weight)` must equal the store's figures, and
// so must the node count per label.
// usage: node neo4j_kuzu.js NEO4J_DIR DUMP
const fs = require('fs');
const os = require('os');
const path = require('path');
const { req } = require(process.env.KGV_LIB);
const kuzu = req('kuzu');

const [dir, dump] = process.argv.slice(2);
const load = (p) => fs.readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const lit = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const header = (f) => fs.readFileSync(f, 'utf8').split('\n', 1)[0].split(',');
const kType = (h) => (/:(int|long)$/.test(h) ? 'INT64' : /:double$/.test(h) ? 'DOUBLE' : 'STRING');
const columns = (f) => header(f).map((h, i) => `c${i} ${kType(h)}`).join(', ');
const col = (f, name) => {
  const i = header(f).findIndex((h) => h === name || h.startsWith(`${name}:`));
  if (i < 0) throw new Error(`${f}: no column ${name}`);
  return `c${i}`;
};

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kgmill-kuzu-'));
  const db = new kuzu.Database(path.join(tmp, 'db'));
  const conn = new kuzu.Connection(db);
  const q = async (s) => (await conn.query(s)).getAll();
  const errors = [];
  try {
    const files = fs.readdirSync(dir).sort();
    await q('CREATE NODE TABLE Entity(id STRING, type STRING, name STRING, PRIMARY KEY(id))');
    const labels = new Map();
    for (const f of files.filter((x) => /^nodes_.*\.csv$/.test(x))) {
      const p = path.resolve(dir, f);
      await q(`COPY Entity FROM (LOAD WITH HEADERS (${columns(p)}) FROM ${lit(p)} (header=true, parallel=false) ` +
              `RETURN ${col(p, 'id')}, ${col(p, 'type')}, ${col(p, 'name')})`);
      labels.set(f.slice(6, -4), true);
    }
    const types = [];
    for (const f of files.filter((x) => /^rels_.*\.csv$/.test(x))) {
      const t = f.slice(5, -4);
      const p = path.resolve(dir, f);
      types.push(t);
      await q(`CREATE REL TABLE \`${t}\`(FROM Entity TO Entity, weight INT64, date STRING, confidence DOUBLE)`);
      await q(`COPY \`${t}\` FROM (LOAD WITH HEADERS (${columns(p)}) FROM ${lit(p)} (header=true, parallel=false) ` +
              `RETURN ${col(p, ':START_ID')}, ${col(p, ':END_ID')}, ${col(p, 'weight')}, ${col(p, 'date')}, ${col(p, 'confidence')})`);
    }
    // The store's figures.
    // `kgmill query` reads a symmetric relation from both ends: count it once.
    const seen = new Set();
    const rels = load(`${dump}/rels.jsonl`).filter((r) => {
      const k = r.symmetric === true && r.t < r.s ? `${r.t} ${r.type} ${r.s}` : `${r.s} ${r.type} ${r.t}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const want = new Map();
    for (const r of rels) {
      const w = want.get(r.type) || { n: 0, weight: 0 };
      w.n += 1; w.weight += Number(r.weight);
      want.set(r.type, w);
    }
    for (const t of new Set([...want.keys(), ...types])) {
      if (!types.includes(t)) { errors.push(`no rels_${t}.csv for ${want.get(t).n} ${t} relations in the store`); continue; }
      const [row] = await q(`MATCH ()-[r:\`${t}\`]->() RETURN count(r) AS n, sum(r.weight) AS w`);
      const got = { n: Number(row.n), weight: Number(row.w) };
      const exp = want.get(t) || { n: 0, weight: 0 };
      if (got.n !== exp.n || got.weight !== exp.weight) {
        errors.push(`${t}: kuzu ${got.n} relationships (weight ${got.weight}), store ${exp.n} (weight ${exp.weight})`);
      }
    }
    const storeByType = new Map();
    for (const n of load(`${dump}/nodes.jsonl`)) storeByType.set(n.type, (storeByType.get(n.type) || 0) + 1);
    const rows = await q('MATCH (n:Entity) RETURN n.type AS t, count(*) AS n');
    const got = new Map(rows.map((r) => [r.t, Number(r.n)]));
    for (const t of new Set([...storeByType.keys(), ...got.keys()])) {
      if ((storeByType.get(t) || 0) !== (got.get(t) || 0)) errors.push(`${t}: kuzu ${got.get(t) || 0} nodes, store ${storeByType.get(t) || 0}`);
      if (storeByType.has(t) && !labels.has(t)) errors.push(`no nodes_${t}.csv`);
    }
    if (errors.length) {
      for (const e of errors) console.error(`  ${e}`);
      console.error(`neo4j/kuzu FAIL: ${errors.length} difference(s)`);
      process.exitCode = 1;
    } else {
      const total = [...want.values()].reduce((a, w) => a + w.n, 0);
      console.log(`neo4j/kuzu ok: ${[...got.values()].reduce((a, b) => a + b, 0)} nodes, ${total} relationships; ` +
                  `MATCH count per type equals the store for ${types.length} types`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
main().catch((e) => { console.error(`neo4j/kuzu FAIL: ${e.message}`); process.exit(1); });
