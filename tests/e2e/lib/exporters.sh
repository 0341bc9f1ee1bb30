# Shared by the exporters_*.sh end-to-end scripts (after lib/common.sh): build a corpus with
# every export format and dump the store through `kgmill query`, so each round trip compares
# a third-party reader's view of an export with the store itself.
LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# export_build CORPUS OUT: kgmill build with all formats; exit 3 (a document skipped) is
# allowed, any other failure is not.
export_build() {
  local rc=0
  "$KGMILL" build "$1" -o "$2" --quiet || rc=$?
  [ "$rc" = 0 ] || [ "$rc" = 3 ] || fail "kgmill build $1 exited $rc"
  local f
  for f in graph.graphml graph.gexf graph.ttl vocabulary.ttl graph.nt graph.jsonld \
           context.jsonld graph.dot neo4j/load.cypher; do
    [ -s "$2/$f" ] || fail "build did not write $f"
  done
}

# store_dump OUT DIR: DIR/nodes.jsonl and DIR/rels.jsonl, the entities and relations the
# store holds, as `kgmill query` returns them.
store_dump() {
  mkdir -p "$2"
  "$KGMILL" query "$1" --format jsonl \
    'MATCH (n) RETURN n.id AS id, n.name AS name, n.type AS type, n.aliases AS aliases, n.country AS country' \
    > "$2/nodes.jsonl" || fail "kgmill query (nodes) failed"
  "$KGMILL" query "$1" --format jsonl \
    'MATCH (a)-[r]->(b) RETURN a.id AS s, type(r) AS type, b.id AS t, r.weight AS weight, r.symmetric AS symmetric, r.date AS date, r.role AS role, r.field AS field, r.status AS status, r.doc AS doc, r.sentence AS sentence, r.start AS start, r.end AS end, r.extractor AS extractor, r.confidence AS confidence' \
    > "$2/rels.jsonl" || fail "kgmill query (relations) failed"
  [ -s "$2/nodes.jsonl" ] || fail "the store has no entities"
}

# kgmill_node SCRIPT ARGS...: runs a Node.js helper with the validators' Node (>= 20).
kgmill_node() {
  . "$TOOLS/lib/node.sh"
  KGV_LIB="$TOOLS/lib/kgv.js" "$(kgv_node)" "$@"
}
