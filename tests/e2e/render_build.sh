#!/usr/bin/env bash
# kgmill build writes the diagrams too (DESIGN.md: graph.svg `svg`, graph.html `html`):
#   - with the default formats, on examples/corpus: graph.svg parses as XML, draws entities,
#     has the legend with the type of every entity drawn, and its title and stderr say what the
#     150-node cap left out; graph.html is the self-contained page;
#   - two builds give the same bytes, and so do `--formats svg,html`, `kgmill export --format
#     svg|html` and `kgmill render` (the layout does not depend on what was drawn before it);
#   - without the viewer's files `build` warns in one line, skips graph.html, writes the rest
#     and keeps its exit status; `export --format html` then fails (exit 1).
. "$(dirname "$0")/lib/common.sh"
[ -d "$EXAMPLES" ] || { echo "skip: no examples/corpus"; exit 77; }
W=$KGMILL_WORK

"$KGMILL" build "$EXAMPLES" -o "$W/a" 2> "$W/a.err" || { cat "$W/a.err"; fail "build examples/corpus"; }
for f in graph.svg graph.html graph.graphml graph.dot; do
  [ -s "$W/a/$f" ] || fail "build did not write $f"
done
grep -q "^kgmill: build: graph.svg: showing 150 of [0-9,]* nodes: the 150 with the most relations$" "$W/a.err" \
  || { cat "$W/a.err"; fail "the node cap of graph.svg is not reported on stderr"; }
build_ok "$EXAMPLES" -o "$W/b"
for f in graph.svg graph.html; do cmp "$W/a/$f" "$W/b/$f" || fail "two builds differ in $f"; done
build_ok "$EXAMPLES" -o "$W/c" --formats svg,html 2> "$W/c.err"
[ ! -s "$W/c.err" ] || { cat "$W/c.err"; fail "--quiet build printed something"; }
[ ! -e "$W/c/graph.graphml" ] || fail "--formats svg,html wrote graph.graphml"
for f in graph.svg graph.html; do cmp "$W/a/$f" "$W/c/$f" || fail "--formats svg,html differs in $f"; done
build_ok "$EXAMPLES" -o "$W/d" --formats html
cmp "$W/a/graph.html" "$W/d/graph.html" || fail "graph.html alone differs from graph.html after graph.svg"
for fmt in svg html; do
  "$KGMILL" export "$W/a" --format $fmt -o "$W/export/graph.$fmt" || fail "kgmill export --format $fmt"
  cmp "$W/a/graph.$fmt" "$W/export/graph.$fmt" || fail "kgmill export --format $fmt differs from build's"
  "$KGMILL" render "$W/a" -o "$W/render.$fmt" 2> /dev/null || fail "kgmill render -o render.$fmt"
  cmp "$W/a/graph.$fmt" "$W/render.$fmt" || fail "kgmill render differs from build's graph.$fmt"
done

/usr/bin/python3 - "$W/a/graph.svg" "$W/a/graph.graphml" <<'PY'
import sys, xml.etree.ElementTree as ET
S = "{http://www.w3.org/2000/svg}"
G = "{http://graphml.graphdrawing.org/xmlns}"
svg = ET.parse(sys.argv[1]).getroot()  # raises on malformed XML
assert svg.tag == S + "svg", svg.tag
types, legend, legend_text = set(), False, set()
for g in svg.iter(S + "g"):
    cls = (g.get("class") or "").split()
    if "entity" in cls:
        types.add(cls[-1])
    if g.get("id") == "legend":
        legend = True
    if "legend" in cls:
        legend_text |= {t.text for t in g.iter(S + "text")}
assert legend, "no legend"
assert types, "no entity drawn"
missing = sorted(types - legend_text)
assert not missing, f"legend lacks {missing}: {sorted(legend_text)}"
root = ET.parse(sys.argv[2]).getroot()
total = sum(1 for _ in root.iter(G + "node"))
drawn = sum(1 for g in svg.iter(S + "g") if "entity" in (g.get("class") or "").split())
assert drawn == 150 < total, (drawn, total)
title = " ".join(t.text or "" for t in svg.iter(S + "text"))
assert f"showing 150 of {total} nodes" in title, "the picture does not say what was left out"
print(f"graph.svg ok: {drawn} of {total} entities, legend of {len(types)} types")
PY
[ $? = 0 ] || fail "graph.svg content"

grep -q '<script type="application/json" id="kg-data">' "$W/a/graph.html" || fail "graph.html has no graph data"
if grep -Eq '<(script|link|img|iframe)[^>]*(src|href)=' "$W/a/graph.html"; then
  fail "graph.html references an outside file"
fi

# The viewer's files missing: one warning line, no graph.html, the rest written, exit status kept.
mkdir -p "$W/empty-web"
rc=0
KGMILL_WEB_DIR="$W/empty-web" "$KGMILL" build "$EXAMPLES" -o "$W/noweb" --quiet 2> "$W/noweb.err" || rc=$?
[ "$rc" = 0 ] || { cat "$W/noweb.err"; fail "build without the viewer's files exited $rc"; }
[ "$(wc -l < "$W/noweb.err")" = 1 ] || { cat "$W/noweb.err"; fail "want one warning line"; }
grep -q "^kgmill: build: warning: graph.html not written: .*viewer's files.*missing.*$W/empty-web.*scripts/setup.sh" \
  "$W/noweb.err" || { cat "$W/noweb.err"; fail "the warning does not say why and what to do"; }
[ ! -e "$W/noweb/graph.html" ] && [ ! -e "$W/noweb/graph.html.tmp" ] || fail "graph.html written without the viewer's files"
cmp "$W/a/graph.svg" "$W/noweb/graph.svg" || fail "graph.svg differs when graph.html is skipped"
[ -s "$W/noweb/graph.graphml" ] || fail "graph.graphml missing when graph.html is skipped"
# A document that cannot be read still gives exit 3, not 0 and not 1.
mkdir -p "$W/docs" && cp "$EXAMPLES"/01_* "$W/docs/" && printf '\x00\xff' > "$W/docs/blob.txt"
rc=0
KGMILL_WEB_DIR="$W/empty-web" "$KGMILL" build "$W/docs" -o "$W/noweb3" --quiet 2> /dev/null || rc=$?
[ "$rc" = 3 ] || fail "build with an unreadable document and no viewer files exited $rc (want 3)"
rc=0
KGMILL_WEB_DIR="$W/empty-web" "$KGMILL" export "$W/a" --format html -o "$W/x.html" 2> /dev/null || rc=$?
[ "$rc" = 1 ] && [ ! -e "$W/x.html" ] || fail "export --format html without the viewer's files: exit $rc"

if [ -x "$TOOLS/validate-html" ]; then
  "$TOOLS/validate-html" "$W/a/graph.html" "$W/graph.png" > /dev/null || fail "validate-html graph.html"
fi
echo "render_build: ok"
