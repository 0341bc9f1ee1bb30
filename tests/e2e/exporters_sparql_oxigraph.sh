#!/usr/bin/env bash
# graph.ttl loaded into Oxigraph: a SPARQL query for VNU's SIGNED_AGREEMENT_WITH partners
# returns the set `kgmill query` returns from the store (on the seeds; on examples/corpus
# for the organisation with most signings), every signing pair matches, and every relation
# is a reified statement with PROV-O provenance.
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/exporters.sh"
need_shared
need_tools
base="https://example.org/kgmill/"
for corpus in "$SEEDS" "$EXAMPLES"; do
  [ -d "$corpus" ] || continue
  name=$(basename "$corpus"); out="$KGMILL_WORK/$name"
  export_build "$corpus" "$out"
  store_dump "$out" "$KGMILL_WORK/$name-dump"
  STORE="$out" KGMILL="$KGMILL" kgmill_node "$LIB/sparql_partners.js" "$out/graph.ttl" \
    "$KGMILL_WORK/$name-dump" "$base" "VNU" || fail "sparql: $corpus"
done
