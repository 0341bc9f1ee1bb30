#!/usr/bin/env bash
# Every triple's evidence sentence is cut exactly out of `kgmill text` by its start/end offsets.
. "$(dirname "$0")/lib/common.sh"
need_shared
"$KGMILL" extract "$SEEDS" -o "$KGMILL_WORK/t.jsonl" --quiet
for f in "$SEEDS"/*; do "$KGMILL" text "$f" > "$KGMILL_WORK/$(basename "$f").text"; done
/usr/bin/python3 - "$KGMILL_WORK" <<'PY'
import json, sys, os
work = sys.argv[1]
n = bad = 0
for line in open(os.path.join(work, "t.jsonl"), encoding="utf-8"):
    t = json.loads(line); p = t["provenance"]; n += 1
    text = open(os.path.join(work, p["doc"] + ".text"), "rb").read()
    cut = text[p["start"]:p["end"]].decode("utf-8")
    if cut != p["sentence"]:
        bad += 1; print("offset mismatch:", p["doc"], p["start"], p["end"], repr(p["sentence"][:60]))
    assert t["predicate"] in {"SIGNED_AGREEMENT_WITH","PARTY_TO","COOPERATES_WITH","MEMBER_OF","PART_OF","LOCATED_IN","HOLDS_POSITION","VISITED","ORGANIZED","ATTENDED","RUNS","CONCERNS"}, t["predicate"]
    assert p["extractor"] and 0 < p["confidence"] <= 1
print(f"{n} triples, {bad} with bad offsets")
sys.exit(1 if bad or n == 0 else 0)
PY
