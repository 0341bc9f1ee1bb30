#!/usr/bin/env bash
# kgmill render to HTML: one self-contained page, used in headless Chromium as a person would
# (tests/e2e/lib/render_html_check.js): it draws every entity and relation of the seeds' graph
# (the counts of `kgmill stats`), searching "ĐHQGHN" selects VNU, clicking VNU shows its
# evidence sentences and their documents, the legend filters work, nothing is fetched from the
# network, and the screenshot is not blank. The page also passes ../shared/tools/validate-html.
. "$(dirname "$0")/lib/common.sh"
need_shared
need_tools
W=$KGMILL_WORK
build_ok "$SEEDS" -o "$W/out" --formats graphml
"$KGMILL" render "$W/out" -o "$W/graph.html" 2> "$W/render.err" || { cat "$W/render.err"; fail "render graph.html"; }
"$KGMILL" render "$W/out" -o "$W/graph2.html" 2> /dev/null
cmp -s "$W/graph.html" "$W/graph2.html" || fail "two renders of the same store differ"
# Self-contained: no URL the browser would fetch (the viewer and Cytoscape.js are inline).
if grep -Eq '<(script|link|img|iframe)[^>]*(src|href)=' "$W/graph.html"; then
  fail "the page references an outside file"
fi
"$TOOLS/validate-html" "$W/graph.html" "$W/validate.png" || fail "validate-html"

entities=$("$KGMILL" stats "$W/out" | awk '$1 == "entities" {print $2}')
relations=$("$KGMILL" stats "$W/out" | awk '$1 == "relations" {print $2}')
[ -n "$entities" ] && [ -n "$relations" ] || fail "kgmill stats gives no counts"
. "$TOOLS/lib/node.sh"
"$(kgv_node)" "$(dirname "$0")/lib/render_html_check.js" "$W/graph.html" "$entities" "$relations" "$W/screenshot.png" \
  || fail "the page in Chromium"

# A focused, grouped page works too, and a missing viewer file is an error that says what to do.
"$KGMILL" render "$W/out" -o "$W/vnu.html" --focus VNU --hops 2 --group-by country 2> /dev/null || fail "render --focus --group-by"
"$TOOLS/validate-html" "$W/vnu.html" "$W/vnu.png" > /dev/null || fail "validate-html vnu.html"
mkdir -p "$W/empty"
rc=0; KGMILL_WEB_DIR="$W/empty" "$KGMILL" render "$W/out" -o "$W/none.html" 2> "$W/none.err" || rc=$?
[ "$rc" = 1 ] && grep -q "scripts/setup.sh" "$W/none.err" || fail "missing assets: exit $rc, $(cat "$W/none.err")"
echo "render_html: ok"
