#!/usr/bin/env bash
# build writes the store and the GraphML; the GraphML passes the validator; VNU's names are
# one vertex; builds are byte-identical; a build in two steps equals one build.
. "$(dirname "$0")/lib/common.sh"
need_shared
W=$KGMILL_WORK
build_ok "$SEEDS" -o "$W/a"
build_ok "$SEEDS" -o "$W/b"
[ -s "$W/a/kg.sqlite" ] || fail "no kg.sqlite"
[ -s "$W/a/graph.graphml" ] || fail "no graph.graphml"
for f in $(cd "$W/a" && find . -type f ! -name kg.sqlite | sort); do
  cmp -s "$W/a/$f" "$W/b/$f" || fail "two builds differ in $f"
done
# two steps: the first two documents, then all of them, into the same OUT
mkdir -p "$W/first"
ls "$SEEDS" | sort | head -2 | while read -r f; do cp "$SEEDS/$f" "$W/first/"; done
build_ok "$W/first" -o "$W/c"
build_ok "$SEEDS" -o "$W/c"
cmp "$W/a/graph.graphml" "$W/c/graph.graphml" || fail "two-step build differs from one build"
"$KGMILL" stats "$W/a" | grep_q "documents   5" || fail "stats does not count 5 documents"
/usr/bin/python3 - "$W/a/graph.graphml" <<'PY'
import sys, xml.etree.ElementTree as ET, unicodedata, re
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(sys.argv[1]).getroot()
keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
def norm(s):
    s = unicodedata.normalize("NFKD", s.replace("đ","d").replace("Đ","D"))
    return re.sub(r"[\W_]+", "", "".join(c for c in s if not unicodedata.combining(c)).casefold())
want = {norm(n) for n in ["VNU", "Vietnam National University, Hanoi", "Viet Nam National University, Ha Noi"]}
hits = []
for node in root.iter("{http://graphml.graphdrawing.org/xmlns}node"):
    d = {keys[x.get("key")]: (x.text or "") for x in node.findall("g:data", ns)}
    names = [d.get("name", "")] + [a for a in d.get("aliases", "").split("|") if a]
    if {norm(n) for n in names} & want:
        hits.append((d.get("name"), names))
print("VNU vertices:", hits)
assert len(hits) == 1, hits
assert {norm(n) for n in hits[0][1]} >= want, "VNU vertex lacks some of its names"
PY
if [ -x "$TOOLS/validate-graphml" ]; then "$TOOLS/validate-graphml" "$W/a/graph.graphml"; fi
