#!/usr/bin/env bash
# Vietnamese and English alone give the same graph: seed 002 carries one text in both languages.
# Split at its English title ("Developing partner network…") into two documents (at run time, in
# the work folder), build each into its own store (entity resolution with data/aliases.tsv), map
# every fact to (subject, type, object) with the two stores' entities linked by their names and
# aliases, and require a Jaccard similarity of at least 0.8 between the two relation sets.
. "$(dirname "$0")/lib/common.sh"
need_shared
SRC="$SEEDS/002_a1623319daae2620.txt"
[ -f "$SRC" ] || { echo "skip: no seed 002"; exit 77; }
MIN="${KGMILL_JACCARD_MIN:-0.8}"
/usr/bin/python3 - "$SRC" "$KGMILL_WORK" <<'PY'
import sys, os
src, work = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
cut = text.find("Developing partner network")
assert cut > 0, "English title not found"
for lang, part in (("vi", text[:cut]), ("en", text[cut:])):
    os.makedirs(os.path.join(work, lang), exist_ok=True)
    with open(os.path.join(work, lang, f"002_{lang}.txt"), "w", encoding="utf-8") as f:
        f.write(part)
PY
for lang in vi en; do
  "$KGMILL" build "$KGMILL_WORK/$lang" -o "$KGMILL_WORK/out_$lang" --formats jsonl --quiet \
    || fail "kgmill build of the $lang part"
  [ -s "$KGMILL_WORK/out_$lang/triples.jsonl" ] || fail "no triples from the $lang part"
done
/usr/bin/python3 - "$KGMILL_WORK" "$MIN" <<'PY'
import json, os, re, sys, unicodedata
work, minimum = sys.argv[1], float(sys.argv[2])

def key(name):  # the scorer's name normalisation (ONTOLOGY.md, "Scoring")
    s = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"[\W_]+", "", s)

SYM = {"SIGNED_AGREEMENT_WITH", "COOPERATES_WITH"}
facts = {}
parent = {}
def find(x):
    while parent.setdefault(x, x) != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
def unite(a, b):
    parent[find(a)] = find(b)
def end(lang, e):
    # one node per entity of a store; every name and alias links it across the stores
    node = (lang, e["type"], e["name"])
    for n in [e["name"]] + e.get("aliases", []):
        if key(n):
            unite(node, ("name", e["type"] if e["type"] in ("Person", "Country", "Place", "Event", "Program", "Field", "Agreement") else "Org", key(n)))
    return node
for lang in ("vi", "en"):
    facts[lang] = []
    for line in open(os.path.join(work, f"out_{lang}", "triples.jsonl"), encoding="utf-8"):
        t = json.loads(line)
        if t.get("properties", {}).get("status") == "planned":
            continue
        if "Agreement" in (t["subject"]["type"], t["object"]["type"]):
            continue  # agreement nodes are named per store; their parties carry the signing
        facts[lang].append((end(lang, t["subject"]), t["predicate"], end(lang, t["object"])))
def canon(f):
    s, p, o = find(f[0]), f[1], find(f[2])
    if p in SYM and repr(s) > repr(o):
        s, o = o, s
    return (s, p, o)
A = {canon(f) for f in facts["vi"]}
B = {canon(f) for f in facts["en"]}
name = lambda n: n[2] if n[0] != "name" else n[2]
for tag, only in (("only vi", A - B), ("only en", B - A)):
    for s, p, o in sorted(only, key=repr):
        print(f"  {tag}: {name(s)} {p} {name(o)}")
j = len(A & B) / len(A | B) if A | B else 0.0
print(f"vi {len(A)} facts, en {len(B)} facts, shared {len(A & B)}: Jaccard {j:.3f} (minimum {minimum})")
sys.exit(0 if j >= minimum else 1)
PY
