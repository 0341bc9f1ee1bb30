#!/usr/bin/env bash
# The Neo4j import CSVs loaded into Kùzu: a MATCH count (and weight sum) per relation type,
# and the node count per label, equal the store's.
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/exporters.sh"
need_shared
need_tools
for corpus in "$SEEDS" "$EXAMPLES"; do
  [ -d "$corpus" ] || continue
  name=$(basename "$corpus"); out="$KGMILL_WORK/$name"
  export_build "$corpus" "$out"
  store_dump "$out" "$KGMILL_WORK/$name-dump"
  kgmill_node "$LIB/neo4j_kuzu.js" "$out/neo4j" "$KGMILL_WORK/$name-dump" || fail "neo4j/kuzu: $corpus"
done
