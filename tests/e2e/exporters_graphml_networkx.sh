#!/usr/bin/env bash
# GraphML read back by networkx (/usr/bin/python3) has the store's nodes and relations with
# the same typed attributes, and `kgmill stats` counts the same.
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/exporters.sh"
need_shared
/usr/bin/python3 -c 'import networkx' 2>/dev/null || { echo "skip: no python3-networkx"; exit 77; }
for corpus in "$SEEDS" "$EXAMPLES"; do
  [ -d "$corpus" ] || continue
  name=$(basename "$corpus"); out="$KGMILL_WORK/$name"
  export_build "$corpus" "$out"
  store_dump "$out" "$KGMILL_WORK/$name-dump"
  res=$(/usr/bin/python3 "$LIB/graphml_roundtrip.py" "$out/graph.graphml" "$KGMILL_WORK/$name-dump") ||
    fail "graphml round trip: $corpus"
  echo "$res"
  read -r n r < <(echo "$res" | sed -n 's/^graphml round trip ok: \([0-9]*\) nodes, \([0-9]*\) edges.*/\1 \2/p')
  stats=$("$KGMILL" stats "$out")
  echo "$stats" | grep_q -E "^entities +$n\$" || fail "kgmill stats does not count $n entities: $stats"
  echo "$stats" | grep_q -E "^relations +$r\$" || fail "kgmill stats does not count $r relations: $stats"
done
