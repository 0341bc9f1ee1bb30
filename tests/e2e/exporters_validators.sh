#!/usr/bin/env bash
# Every export of the seeds and of examples/corpus passes its third-party validator
# (../shared/tools): GraphML schema + networkx + graphology, GEXF 1.3 grammar + graphology,
# RDF in rapper/N3.js/Oxigraph/jsonld.js, the Neo4j CSVs in the header checker and Kùzu, the
# Cypher script in Neo4j's parser, DOT in Graphviz with no warning. `kgmill export` from the
# store writes the same bytes as `build`.
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/exporters.sh"
need_shared
need_tools
for corpus in "$SEEDS" "$EXAMPLES"; do
  [ -d "$corpus" ] || continue
  out="$KGMILL_WORK/$(basename "$corpus")"
  echo "== $corpus"
  export_build "$corpus" "$out"
  "$TOOLS/validate-graphml" "$out/graph.graphml" || fail "graphml: $corpus"
  "$TOOLS/validate-gexf" "$out/graph.gexf" || fail "gexf: $corpus"
  declare -A triples=()
  for f in graph.ttl vocabulary.ttl graph.nt graph.jsonld context.jsonld; do
    res=$("$TOOLS/validate-rdf" "$out/$f") || fail "$f: $corpus"
    echo "$res"
    triples[$f]=$(echo "$res" | sed -n 's/^rdf ok: \([0-9]*\) triples.*/\1/p')
  done
  "$TOOLS/validate-neo4j" "$out/neo4j" || fail "neo4j: $corpus"
  "$TOOLS/validate-cypher" "$out/neo4j/load.cypher" || fail "cypher: $corpus"
  "$TOOLS/validate-dot" "$out/graph.dot" "$KGMILL_WORK/$(basename "$corpus").svg" || fail "dot: $corpus"
  # The same triples in the three RDF syntaxes.
  for f in graph.nt graph.jsonld; do
    [ "${triples[$f]}" = "${triples[graph.ttl]}" ] ||
      fail "$f has ${triples[$f]} triples, graph.ttl ${triples[graph.ttl]}"
  done
  /usr/bin/python3 "$LIB/rdf_same_triples.py" "$out" || fail "RDF syntaxes differ: $corpus"
  # kgmill export from the store = what build wrote.
  for fmt in graphml gexf ttl nt jsonld dot; do
    file="graph.$fmt"
    "$KGMILL" export "$out" --format "$fmt" -o "$KGMILL_WORK/export/$file" || fail "kgmill export --format $fmt"
    cmp "$out/$file" "$KGMILL_WORK/export/$file" || fail "kgmill export --format $fmt differs from build's $file"
  done
  "$KGMILL" export "$out" --format neo4j -o "$KGMILL_WORK/export/neo4j" || fail "kgmill export --format neo4j"
  diff -r "$out/neo4j" "$KGMILL_WORK/export/neo4j" >/dev/null || fail "kgmill export --format neo4j differs from build's neo4j/"
  rm -rf "$KGMILL_WORK/export"
done
echo "exporters validators ok"
