#!/usr/bin/env bash
# Issue 5's benchmark (not a test): kgmill's query engine beside Kùzu and networkx on a generated
# graph of KGMILL_BENCH_ENTITIES entities and KGMILL_BENCH_RELATIONS relations (default 1M / 5M).
# Reports medians (ms) of: load from the store, a one-hop neighbourhood, a three-hop
# neighbourhood (distinct nodes), shortestPath between two entities, and a count by type.
#   bash bench/query_bench.sh [BUILD]        (BUILD: the CMake build folder, default build)
# What "load" means for each: kgmill opens its store (Store::load_graph: it maps the graph image
# kg.sqlite-graph) and answers a first one-hop query (a different start each run); Kùzu opens
# its database folder and answers a first one-hop query (both read lazily); networkx builds an
# nx.Graph from the same CSV (it has no store of its own).
# The data are generated once into BUILD/bench-query-N-M (kgmill store, CSV, Kùzu database).
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
n=${KGMILL_BENCH_ENTITIES:-1000000}
m=${KGMILL_BENCH_RELATIONS:-5000000}
runs=${KGMILL_BENCH_RUNS:-5}
bin="$root/$build/bench/kgmill_bench"
[ -x "$bin" ] || { echo "no $bin: build with -DKGMILL_BUILD_BENCH=ON" >&2; exit 1; }
dir="$root/$build/bench-query-$n-$m"
if [ ! -f "$dir/.done-v3" ]; then  # v3: the store with its graph image
  rm -rf "$dir"
  "$bin" query-gen "$dir" --entities "$n" --relations "$m" --seed 42
  touch "$dir/.done-v3"
fi
export KGMILL_SHARED_DIR=${KGMILL_SHARED_DIR:-$root/../shared}
echo "kgmill ($runs runs)..." >&2
"$bin" query-time "$dir" --runs "$runs" > "$dir/kgmill.jsonl"
if [ -f "$KGMILL_SHARED_DIR/tools/lib/node.sh" ]; then
  . "$KGMILL_SHARED_DIR/tools/lib/node.sh"
  echo "kuzu..." >&2
  "$(kgv_node)" "$root/bench/query_bench_kuzu.js" "$dir" "$runs" > "$dir/kuzu.jsonl" || echo "kuzu failed" >&2
else
  : > "$dir/kuzu.jsonl"
fi
echo "networkx..." >&2
/usr/bin/python3 "$root/bench/query_bench_nx.py" "$dir" "$runs" > "$dir/networkx.jsonl" || echo "networkx failed" >&2
/usr/bin/python3 - "$dir" "$n" "$m" <<'PY'
import json, sys, os
d, n, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
res = {}
for who in ("kgmill", "kuzu", "networkx"):
    p = os.path.join(d, who + ".jsonl")
    res[who] = {j["query"]: j["median_ms"] for j in map(json.loads, filter(None, open(p).read().splitlines()))} if os.path.exists(p) else {}
print(f"query benchmark: {n:,} entities, {m:,} relations; medians in ms")
print(f"{'query':<15}{'kgmill':>12}{'Kùzu':>12}{'networkx':>12}   kgmill fastest")
for q in ("load", "1-hop", "3-hop", "shortestPath", "count-by-type"):
    v = [res[w].get(q) for w in ("kgmill", "kuzu", "networkx")]
    cell = lambda x: f"{x:>12.3f}" if x is not None else f"{'-':>12}"
    best = v[0] is not None and all(x is None or v[0] < x for x in v[1:])
    print(f"{q:<15}{cell(v[0])}{cell(v[1])}{cell(v[2])}   {'yes' if best else 'no'}")
PY
