#!/usr/bin/env bash
# `kgmill query` and the named graph commands from the command line, on the seed corpus:
# output formats, -f FILE with several statements, --param, stdin, errors and exit codes,
# names resolved through aliases without diacritics.
. "$(dirname "$0")/lib/common.sh"
need_shared
W=$KGMILL_WORK
build_ok "$SEEDS" -o "$W/out"
S="$W/out"

# formats (not a terminal: TSV by default)
out=$("$KGMILL" query "$S" "MATCH (n:University {name: 'Peking University'}) RETURN n.name, n.country")
[ "$out" = "$(printf 'n.name\tn.country\nPeking University\tCN')" ] || fail "tsv output: $out"
out=$("$KGMILL" query "$S" "MATCH (n:University {name: 'Peking University'}) RETURN n.name AS name" --format csv | tr -d '\r')
[ "$out" = "$(printf 'name\nPeking University')" ] || fail "csv output: $out"
out=$("$KGMILL" query "$S" "MATCH (n:University {name: 'Peking University'}) RETURN n.name AS name, 1.5 AS x" --format jsonl)
[ "$out" = '{"name":"Peking University","x":1.5}' ] || fail "jsonl output: $out"
"$KGMILL" query "$S" "MATCH (n:Network) RETURN n.name ORDER BY n.name LIMIT 2" --format table | grep_q '^| n.name ' ||
  fail "table output has no header"

# several statements from a file, a parameter, stdin
cat > "$W/q.cypher" <<'EOF'
// two questions
MATCH (n:Network) RETURN count(n) AS networks;
MATCH (u)-[:VISITED]->(p {name: $host}) RETURN count(DISTINCT u) AS visitors;
EOF
out=$("$KGMILL" query "$S" -f "$W/q.cypher" --param "host=Peking University" --format jsonl)
echo "$out" | grep_q '^{"networks":[1-9]' || fail "-f: $out"
echo "$out" | grep_q '^{"visitors":[1-9]' || fail "--param: $out"
out=$(echo "RETURN 6 * 7 AS answer;" | "$KGMILL" query "$S" --format jsonl)
[ "$out" = '{"answer":42}' ] || fail "stdin: $out"

# errors: line and column (of the file), exit status 1
set +e
err=$(printf 'RETURN 1;\nMATCH (a RETURN a;\n' | "$KGMILL" query "$S" 2>&1 >/dev/null); rc=$?
set -e
[ $rc -eq 1 ] || fail "a bad query should exit 1, got $rc"
echo "$err" | grep_q "Query parse error (line 2, col 10): expected ')'" || fail "error location: $err"
set +e
"$KGMILL" query "$S" "MATCH (a:Universty) RETURN a" 2>"$W/err"; rc=$?
set -e
[ $rc -eq 1 ] && grep -q "did you mean University" "$W/err" || fail "unknown label: $(cat "$W/err")"
set +e
"$KGMILL" query "$S" "RETURN 1" --param novalue 2>/dev/null; rc=$?
set -e
[ $rc -eq 2 ] || fail "a malformed --param should exit 2, got $rc"
set +e
"$KGMILL" query "$W/nowhere" "RETURN 1" 2>/dev/null; rc=$?
set -e
[ $rc -eq 1 ] || fail "a missing store should exit 1, got $rc"

# named commands: aliases and diacritics resolve
"$KGMILL" neighbors "$S" "DHQGHN" --format tsv | grep_q "Peking University" || fail "neighbors via alias without diacritics"
"$KGMILL" neighbors "$S" "VNU" --hops 2 --type MEMBER_OF --format tsv | awk -F'\t' 'NR > 1 && $4 !~ /MEMBER_OF/ { exit 1 }' ||
  fail "neighbors --type followed another type"
out=$("$KGMILL" path "$S" "Faculty of Oriental Studies" "Viet Nam National University, Ha Noi" --format tsv)
echo "$out" | tail -n +2 | wc -l | grep_q '^2$' || fail "path: $out"
"$KGMILL" rank "$S" --by pagerank --top 3 --format tsv | tail -n +2 | wc -l | grep_q '^3$' || fail "rank --top 3"
"$KGMILL" rank "$S" --by betweenness --format tsv >/dev/null || fail "rank --by betweenness"
"$KGMILL" components "$S" --format jsonl 2>/dev/null | sed -n 1p | grep_q '"component":1' || fail "components"
a=$("$KGMILL" communities "$S" --seed 7 --format jsonl 2>/dev/null)
b=$("$KGMILL" communities "$S" --seed 7 --format jsonl 2>/dev/null)
[ "$a" = "$b" ] || fail "communities are not deterministic for a seed"
set +e
"$KGMILL" neighbors "$S" "No Such University" 2>/dev/null; rc=$?
set -e
[ $rc -eq 1 ] || fail "an unknown name should exit 1, got $rc"
echo "query CLI ok"
