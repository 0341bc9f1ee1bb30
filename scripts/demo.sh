#!/usr/bin/env bash
# make demo: build the example corpus into out/demo and say where everything is, diagrams
# included: graph.svg and graph.html from `build`, and focus.svg, a `kgmill render` of the
# best-connected institution and its partners (the whole graph's picture is capped at its 150
# busiest entities; the focused one reads at a glance).
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
case "$build" in /*) kg=$build/kgmill ;; *) kg=$root/$build/kgmill ;; esac
. "$root/scripts/lib/diagrams.sh"
out="$root/out/demo"
rm -rf "$out"
set +e
"$kg" build "$root/examples/corpus" -o "$out"
rc=$?
set -e
if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then exit $rc; fi
name=$(best_institution "$kg" "$out")
if [ -n "$name" ]; then
  "$kg" render "$out" -o "$out/focus.svg" --focus "$name" --hops 1
fi
"$kg" stats "$out"
echo
echo "GraphML:  $out/graph.graphml"
for f in graph.gexf graph.ttl graph.nt graph.jsonld graph.dot; do
  [ -f "$out/$f" ] && echo "          $out/$f"
done
[ -d "$out/neo4j" ] && echo "Neo4j:    $out/neo4j/ (neo4j-admin import CSVs and load.cypher)"
echo "Store:    $out/kg.sqlite (and kg.sqlite-graph, the graph image that queries memory-map)"
echo
echo "Diagrams (open them in a browser):"
[ -f "$out/graph.svg" ] && echo "  $out/graph.svg     the graph (its 150 busiest entities), coloured by type, with a legend"
if [ -f "$out/graph.html" ]; then
  echo "  $out/graph.html    interactive: search, filters, click a node for its evidence (offline)"
else
  echo "  (no graph.html: the viewer's files are missing, see the warning above; run make setup)"
fi
if [ -f "$out/focus.svg" ]; then
  echo "  $out/focus.svg     $name and its partners (kgmill render --focus)"
fi
