// Kùzu's side of bench/query_bench.sh: the same CSV in one node table and one relationship
// table (Kùzu's best layout for untyped traversals), then open time and query medians.
// Usage: node query_bench_kuzu.js DIR RUNS   (JSON lines on stdout)
const fs = require('fs');
const path = require('path');
const { req } = require(path.join(process.env.KGMILL_SHARED_DIR, 'tools/lib/kgv.js'));
const kuzu = req('kuzu');
const [DIR, RUNS = '5'] = process.argv.slice(2);
const dbPath = path.join(DIR, 'kuzu.db');
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (v) => { const s = [...v].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const ends = fs.readFileSync(path.join(DIR, 'endpoints.txt'), 'utf8').trim().split('\n').map((l) => l.split(' '));

(async () => {
  if (!fs.existsSync(path.join(DIR, 'kuzu.done'))) {
    fs.rmSync(dbPath, { recursive: true, force: true });
    const db = new kuzu.Database(dbPath);
    const c = new kuzu.Connection(db);
    const t0 = process.hrtime.bigint();
    await c.query('CREATE NODE TABLE Entity(id STRING, name STRING, type STRING, PRIMARY KEY(id))');
    await c.query('CREATE REL TABLE R(FROM Entity TO Entity, type STRING, symmetric BOOLEAN)');
    await c.query(`COPY Entity FROM '${path.join(DIR, 'nodes.csv')}' (header=true)`);
    await c.query(`COPY R FROM '${path.join(DIR, 'rels.csv')}' (header=true)`);
    console.error(`kuzu import: ${(ms(t0) / 1000).toFixed(1)} s`);
    await db.close();
    fs.writeFileSync(path.join(DIR, 'kuzu.done'), '');
  }
  const Q = {
    '1-hop': 'MATCH (a:Entity {id: $a})-[r:R]-(b:Entity) RETURN b.id, b.name, r.type',
    '3-hop': 'MATCH (a:Entity {id: $a})-[:R*1..3]-(b:Entity) RETURN count(DISTINCT b)',
    shortestPath: 'MATCH p = (a:Entity {id: $a})-[:R* SHORTEST 1..15]-(b:Entity {id: $b}) RETURN length(p)',
    'count-by-type': 'MATCH (n:Entity) RETURN n.type, count(*)',
  };
  // load: open the database and answer a first one-hop query (Kùzu reads lazily)
  const loads = [];
  for (let i = 0; i < Math.max(1, Math.floor(Number(RUNS) / 2)); i++) {
    const t0 = process.hrtime.bigint();
    const db = new kuzu.Database(dbPath, 0, true, true);  // read-only
    const c = new kuzu.Connection(db);
    const ps = await c.prepare(Q['1-hop']);
    await (await c.execute(ps, { a: ends[0][0] })).getAll();
    loads.push(ms(t0));
    await db.close();
  }
  console.log(JSON.stringify({ query: 'load', median_ms: median(loads), runs: loads.length }));
  const db = new kuzu.Database(dbPath, 0, true, true);
  const c = new kuzu.Connection(db);
  for (const [name, text] of Object.entries(Q)) {
    const ps = await c.prepare(text);
    const times = []; let rows = 0;
    for (let run = 0; run < Number(RUNS); run++) {
      for (const [a, b] of ends) {
        const params = name === 'count-by-type' ? {} : name === 'shortestPath' ? { a, b } : { a };
        const t0 = process.hrtime.bigint();
        const res = await (await c.execute(ps, params)).getAll();
        times.push(ms(t0));
        rows += res.length;
        if (name === 'count-by-type') break;
      }
    }
    console.log(JSON.stringify({ query: name, median_ms: median(times), runs: times.length, rows }));
  }
  await db.close();
})().catch((e) => { console.error(e.stack || e.message); process.exit(1); });
