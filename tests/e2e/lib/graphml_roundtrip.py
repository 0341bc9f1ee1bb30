"""GraphML round trip: networkx reads graph.graphml; its nodes and edges, with their typed
attributes, must equal the store's (DUMP/nodes.jsonl, DUMP/rels.jsonl from `kgmill query`).

usage: /usr/bin/python3 graphml_roundtrip.py graph.graphml DUMP
"""
import json
import sys

import networkx as nx

NODE_KEYS = ["name", "type", "aliases", "country"]
EDGE_KEYS = ["weight", "symmetric", "date", "role", "field", "status", "doc", "sentence",
             "start", "end", "extractor", "confidence"]


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def norm(key, v):
    """One comparable form for a value from either side (absent, "" and [] are the same)."""
    if v is None or v == "" or v == []:
        return None
    if key == "aliases":
        return tuple(sorted(v if isinstance(v, list) else str(v).split("|")))
    if key in ("weight", "start", "end"):
        return int(v)
    if key == "confidence":
        return round(float(v), 9)
    if key == "symmetric":
        return v if isinstance(v, bool) else str(v).lower() == "true"
    return str(v)


def rel_key(s, t, o, symmetric):
    return (min(s, o), t, max(s, o)) if symmetric is True else (s, t, o)


def main():
    graphml, dump = sys.argv[1], sys.argv[2]
    g = nx.read_graphml(graphml, force_multigraph=True)
    errors = []

    store_nodes = {n["id"]: {k: norm(k, n.get(k)) for k in NODE_KEYS} for n in load(dump + "/nodes.jsonl")}
    file_nodes, by_vertex = {}, {}
    for v, d in g.nodes(data=True):
        if "id" not in d:
            errors.append(f"node {v} has no id")
            continue
        by_vertex[v] = d["id"]
        file_nodes[d["id"]] = {k: norm(k, d.get(k)) for k in NODE_KEYS}
        if d.get("labels") != ":" + str(d.get("type")):
            errors.append(f"node {d['id']}: labels {d.get('labels')!r} is not ':' + type")
    if len(file_nodes) != len(store_nodes):
        errors.append(f"{len(file_nodes)} nodes in GraphML, {len(store_nodes)} in the store")
    for k in sorted(set(store_nodes) | set(file_nodes)):
        if store_nodes.get(k) != file_nodes.get(k):
            errors.append(f"node {k}: store {store_nodes.get(k)} != graphml {file_nodes.get(k)}")

    # `kgmill query` reads a symmetric relation from both ends: compare them unordered.
    store_rels = {}
    for r in load(dump + "/rels.jsonl"):
        store_rels[rel_key(r["s"], r["type"], r["t"], r.get("symmetric"))] = {
            k: norm(k, r.get(k)) for k in EDGE_KEYS}
    file_rels = {}
    for u, v, d in g.edges(data=True):
        key = rel_key(by_vertex.get(u), d.get("type"), by_vertex.get(v), d.get("symmetric"))
        if key in file_rels:
            errors.append(f"edge {key} twice in GraphML")
        file_rels[key] = {k: norm(k, d.get(k)) for k in EDGE_KEYS}
        if d.get("symmetric") and not isinstance(d.get("symmetric"), bool):
            errors.append(f"edge {key}: symmetric is not typed boolean")
        if not isinstance(d.get("weight"), int):
            errors.append(f"edge {key}: weight is not typed int")
        if "confidence" in d and not isinstance(d["confidence"], float):
            errors.append(f"edge {key}: confidence is not typed double")
    if len(file_rels) != len(store_rels):
        errors.append(f"{len(file_rels)} edges in GraphML, {len(store_rels)} relations in the store")
    for k in sorted(set(store_rels) | set(file_rels), key=str):
        if store_rels.get(k) != file_rels.get(k):
            errors.append(f"edge {k}: store {store_rels.get(k)} != graphml {file_rels.get(k)}")

    if errors:
        for e in errors[:20]:
            print("  " + e, file=sys.stderr)
        sys.exit(f"graphml round trip FAIL: {len(errors)} difference(s)")
    print(f"graphml round trip ok: {len(file_nodes)} nodes, {len(file_rels)} edges, "
          f"attributes equal the store (networkx {nx.__version__})")


main()
