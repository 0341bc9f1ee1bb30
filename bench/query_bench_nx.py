#!/usr/bin/python3
"""networkx's side of bench/query_bench.sh: the same CSV as an undirected nx.Graph (node and
edge attributes as in kgmill), then load time and query medians. JSON lines on stdout.
Usage: /usr/bin/python3 query_bench_nx.py DIR RUNS"""
import collections
import csv
import json
import os
import statistics
import sys
import time

import networkx as nx

DIR, RUNS = sys.argv[1], int(sys.argv[2] if len(sys.argv) > 2 else 5)
ends = [line.split() for line in open(os.path.join(DIR, "endpoints.txt")) if line.strip()]


def load():
    g = nx.Graph()
    with open(os.path.join(DIR, "nodes.csv"), newline="") as f:
        r = csv.reader(f)
        next(r)
        g.add_nodes_from((i, {"name": n, "type": t}) for i, n, t in r)
    with open(os.path.join(DIR, "rels.csv"), newline="") as f:
        r = csv.reader(f)
        next(r)
        g.add_edges_from((a, b, {"type": t}) for a, b, t, _ in r)
    return g


def out(name, times, **extra):
    print(json.dumps({"query": name, "median_ms": statistics.median(times), "runs": len(times), **extra}), flush=True)


loads = []
for _ in range(max(1, RUNS // 2 - 1)):  # slow: fewer runs
    g = None
    t0 = time.perf_counter()
    g = load()
    loads.append((time.perf_counter() - t0) * 1000)
out("load", loads)

def shortest(a, b):
    try:
        return [nx.shortest_path_length(g, a, b)]  # bidirectional breadth-first search
    except nx.NetworkXNoPath:
        return []


queries = {
    "1-hop": lambda a, b: [(n, g.nodes[n]["name"], d["type"]) for n, d in g[a].items()],
    "3-hop": lambda a, b: [len(nx.single_source_shortest_path_length(g, a, cutoff=3)) - 1],
    "shortestPath": lambda a, b: shortest(a, b),
    "count-by-type": lambda a, b: list(collections.Counter(t for _, t in g.nodes(data="type")).items()),
}
for name, fn in queries.items():
    times, rows = [], 0
    for _ in range(RUNS):
        for a, b in ends:
            t0 = time.perf_counter()
            res = fn(a, b)
            times.append((time.perf_counter() - t0) * 1000)
            rows += len(res)
            if name == "count-by-type":
                break
    out(name, times, rows=rows)
