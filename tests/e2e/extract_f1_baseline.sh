#!/usr/bin/env bash
# Extraction quality does not regress: `kgmill eval` on the project's examples corpus and on the
# seed corpus must stay within 0.02 of the overall F1 recorded in tests/eval_baseline.txt
# (lines "examples 0.xxx" / "seeds 0.xxx"; update them when a change improves the figures).
. "$(dirname "$0")/lib/common.sh"
BASELINE="$KGMILL_SOURCE_DIR/tests/eval_baseline.txt"
TOL="${KGMILL_F1_TOLERANCE:-0.02}"
[ -f "$BASELINE" ] || fail "no $BASELINE"
expected() { awk -v k="$1" '$1 == k { print $2 }' "$BASELINE"; }
f1_of() {  # $1 gold, $2 docs → overall F1 printed by kgmill eval
  "$KGMILL" eval --gold "$1" "$2" --quiet > "$KGMILL_WORK/eval.txt" || fail "kgmill eval $2"
  sed -n 's/^overall .*F1=\([0-9.]*\).*/\1/p' "$KGMILL_WORK/eval.txt"
}
check() {  # $1 name, $2 gold, $3 docs
  local want got
  want=$(expected "$1")
  [ -n "$want" ] || fail "no '$1' figure in $BASELINE"
  got=$(f1_of "$2" "$3")
  [ -n "$got" ] || fail "kgmill eval printed no overall F1 for $1"
  echo "$1: F1 $got (baseline $want, tolerance $TOL)"
  awk -v g="$got" -v w="$want" -v t="$TOL" 'BEGIN { exit !(g + 0 >= w - t - 1e-9) }' ||
    { cat "$KGMILL_WORK/eval.txt"; fail "$1: F1 $got is more than $TOL below the baseline $want"; }
}
[ -f "$EXAMPLES_GOLD" ] || fail "no $EXAMPLES_GOLD"
check examples "$EXAMPLES_GOLD" "$EXAMPLES"
if [ -d "$SEEDS" ]; then
  check seeds "$GOLD" "$SEEDS"
else
  echo "skip seeds: no ../shared/corpus"
fi
