#!/usr/bin/env bash
# make demo: build the example corpus into out/demo and say where everything is.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/out/demo"
rm -rf "$out"
set +e
"$root/$build/kgmill" build "$root/examples/corpus" -o "$out"
rc=$?
set -e
if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then exit $rc; fi
"$root/$build/kgmill" stats "$out"
echo
echo "GraphML:  $out/graph.graphml"
for f in graph.gexf graph.ttl graph.nt graph.jsonld graph.dot graph.svg graph.html; do
  [ -f "$out/$f" ] && echo "          $out/$f"
done
[ -d "$out/neo4j" ] && echo "Neo4j:    $out/neo4j/ (neo4j-admin import CSVs and load.cypher)"
echo "Store:    $out/kg.sqlite"
