#!/usr/bin/env bash
# GEXF read back by graphology-gexf (networkx has no GEXF 1.3 reader) has the store's nodes
# and relations with the same typed attributes; symmetric relations are its undirected edges.
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/exporters.sh"
need_shared
need_tools
for corpus in "$SEEDS" "$EXAMPLES"; do
  [ -d "$corpus" ] || continue
  name=$(basename "$corpus"); out="$KGMILL_WORK/$name"
  export_build "$corpus" "$out"
  store_dump "$out" "$KGMILL_WORK/$name-dump"
  kgmill_node "$LIB/gexf_roundtrip.js" "$out/graph.gexf" "$KGMILL_WORK/$name-dump" ||
    fail "gexf round trip: $corpus"
done
