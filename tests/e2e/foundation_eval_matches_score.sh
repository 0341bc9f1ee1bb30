#!/usr/bin/env bash
# `kgmill eval` prints the same figures as the reference scorer on the same triples.
. "$(dirname "$0")/lib/common.sh"
need_shared
check() {  # $1 gold, $2 docs
  "$KGMILL" extract "$2" -o "$KGMILL_WORK/t.jsonl" --quiet
  "$KGMILL" eval --gold "$1" "$2" --quiet > "$KGMILL_WORK/eval.txt"
  /usr/bin/python3 "$KGMILL_SHARED_DIR/corpus/score.py" "$1" "$KGMILL_WORK/t.jsonl" > "$KGMILL_WORK/score.txt"
  diff -u "$KGMILL_WORK/score.txt" "$KGMILL_WORK/eval.txt" || fail "kgmill eval differs from score.py on $2"
  tail -1 "$KGMILL_WORK/eval.txt"
}
check "$GOLD" "$SEEDS"
if [ -f "$EXAMPLES_GOLD" ]; then check "$EXAMPLES_GOLD" "$EXAMPLES"; fi
