#!/usr/bin/env bash
# kgmill render to SVG (and PNG, PDF), checked the way a reader looks at the picture:
#   - the seeds' VNU diagram (--focus VNU --hops 1) names every entity one relation away from
#     VNU (computed independently from the GraphML export) and has a legend of their types;
#   - in headless Chromium, with the fonts setup installs, no two node labels overlap
#     (getBBox() of their text), for the focus view, the whole graph and a grouped view;
#   - the same input gives the same bytes; PNG and PDF come out as PNG and PDF.
. "$(dirname "$0")/lib/common.sh"
need_shared
need_tools
W=$KGMILL_WORK
build_ok "$SEEDS" -o "$W/out" --formats graphml
"$KGMILL" render "$W/out" -o "$W/vnu.svg" --focus VNU --hops 1 2> "$W/vnu.err" || { cat "$W/vnu.err"; fail "render vnu.svg"; }
"$KGMILL" render "$W/out" -o "$W/vnu2.svg" --focus "ĐHQGHN" --hops 1 2> /dev/null || fail "render by alias"
cmp -s "$W/vnu.svg" "$W/vnu2.svg" || fail "VNU and ĐHQGHN give different pictures (or the output is not deterministic)"
"$KGMILL" render "$W/out" -o "$W/all.svg" 2> "$W/all.err" || { cat "$W/all.err"; fail "render all.svg"; }
"$KGMILL" render "$W/out" -o "$W/country.svg" --group-by country --layout neato 2> /dev/null || fail "render --group-by country"
"$KGMILL" render "$W/out" -o "$W/signed.svg" --relations SIGNED_AGREEMENT_WITH --types University,Company \
  2> /dev/null || fail "render with filters"
"$KGMILL" render "$W/out" -o "$W/cap.svg" --focus VNU --hops 2 --max-nodes 10 2> "$W/cap.err" || fail "render --max-nodes"
grep -q "showing 10 of .* nodes: the 10 nearest to Vietnam National University, Hanoi" "$W/cap.err" \
  || { cat "$W/cap.err"; fail "the cap is not reported on stderr"; }
grep -q "showing 10 of" "$W/cap.svg" || fail "the cap is not said in the picture"
"$KGMILL" render "$W/out" -o "$W/vnu.png" --focus VNU 2> /dev/null || fail "render png"
"$KGMILL" render "$W/out" -o "$W/vnu.pdf" --focus VNU 2> /dev/null || fail "render pdf"
head -c 8 "$W/vnu.png" | od -An -tx1 | grep_q "89 50 4e 47 0d 0a 1a 0a" || fail "vnu.png is not a PNG"
head -c 5 "$W/vnu.pdf" | grep_q "%PDF-" || fail "vnu.pdf is not a PDF"
rc=0; "$KGMILL" render "$W/out" -o "$W/x.svg" --focus "No Such Institution" 2> "$W/nf.err" || rc=$?
[ "$rc" = 1 ] && grep -q "no entity named" "$W/nf.err" || fail "unknown focus: exit $rc, $(cat "$W/nf.err")"
rc=0; "$KGMILL" render "$W/out" -o "$W/x.gif" 2> /dev/null || rc=$?
[ "$rc" = 2 ] || fail "unknown extension: exit $rc (want 2)"
[ ! -e "$W/x.svg" ] && [ ! -e "$W/x.gif" ] || fail "a failed render left a file"

/usr/bin/python3 - "$W/out/graph.graphml" "$W/vnu.svg" <<'PY'
import sys, re, unicodedata, xml.etree.ElementTree as ET
G = "{http://graphml.graphdrawing.org/xmlns}"
S = "{http://www.w3.org/2000/svg}"
def norm(s):
    s = unicodedata.normalize("NFKD", s.replace("đ", "d").replace("Đ", "D"))
    return re.sub(r"[\W_]+", "", "".join(c for c in s if not unicodedata.combining(c)).casefold())
root = ET.parse(sys.argv[1]).getroot()
keys = {k.get("id"): k.get("attr.name") for k in root.iter(G + "key")}
nodes = {}
for n in root.iter(G + "node"):
    d = {keys[x.get("key")]: (x.text or "") for x in n.findall(G + "data")}
    nodes[n.get("id")] = d
vnu = [i for i, d in nodes.items()
       if norm("VNU") in {norm(a) for a in [d["name"]] + d.get("aliases", "").split("|") if a}]
assert len(vnu) == 1, vnu
vnu = vnu[0]
want = {vnu}
for e in root.iter(G + "edge"):
    s, t = e.get("source"), e.get("target")
    if s == vnu: want.add(t)
    if t == vnu: want.add(s)
want_names = {nodes[i]["name"] for i in want}
want_types = {nodes[i]["type"] for i in want}

svg = ET.parse(sys.argv[2]).getroot()
drawn, legend_text = {}, []
for g in svg.iter(S + "g"):
    cls = (g.get("class") or "").split()
    texts = [t.text or "" for t in g.iter(S + "text")]
    if "entity" in cls:
        drawn[" ".join(texts)] = cls
    if "legend" in cls:
        legend_text += texts
missing = sorted(want_names - set(drawn))
assert not missing, f"{len(missing)} focused entities missing from the SVG: {missing}"
extra = sorted(set(drawn) - want_names)
assert not extra, f"entities drawn that are not 1 hop from VNU: {extra}"
assert any(g.get("id") == "legend" for g in svg.iter(S + "g")), "no legend cluster"
lacking = sorted(want_types - set(legend_text))
assert not lacking, f"legend lacks types {lacking}: {legend_text}"
focus = [n for n, c in drawn.items() if "focus" in c]
assert focus == ["Vietnam National University, Hanoi"], focus
print(f"svg ok: {len(drawn)} entities (VNU and its {len(want) - 1} neighbours), legend: {len(legend_text)} entries")
PY
[ $? = 0 ] || fail "SVG content"

. "$TOOLS/lib/node.sh"
"$(kgv_node)" "$(dirname "$0")/lib/render_svg_labels.js" "$W/vnu.svg" "$W/all.svg" "$W/country.svg" "$W/signed.svg" \
  || fail "node labels overlap"
"$TOOLS/validate-html" "$W/vnu.svg" "$W/vnu-screenshot.png" > /dev/null || fail "the SVG does not open cleanly in Chromium"
echo "render_svg: ok"
