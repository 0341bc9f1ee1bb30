#!/usr/bin/env bash
# make bench: throughput of `kgmill build` on a generated corpus beside `cat` on the same
# files (the reading floor). Medians of 3 runs. Size: KGMILL_BENCH_MB (default 100).
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
mb=${KGMILL_BENCH_MB:-100}
corpus="$root/$build/bench-corpus-${mb}mb"
if [ ! -f "$corpus/.done" ]; then
  rm -rf "$corpus"
  /usr/bin/python3 "$root/bench/gen_corpus.py" "$corpus" --mb "$mb" --seed 42
  touch "$corpus/.done"
fi
bytes=$(find "$corpus" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
docs=$(find "$corpus" -name '*.txt' | wc -l)
median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
cat_times=(); kg_times=(); rss=()
for i in 1 2 3; do
  s=$(date +%s.%N); find "$corpus" -name '*.txt' -print0 | xargs -0 cat > /dev/null; e=$(date +%s.%N)
  cat_times+=("$(echo "$e - $s" | bc -l)")
  out=$(mktemp -d)
  s=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$out/rss" "$root/$build/kgmill" build "$corpus" -o "$out/o" --quiet --formats graphml
  e=$(date +%s.%N)
  kg_times+=("$(echo "$e - $s" | bc -l)")
  rss+=("$(cat "$out/rss")")
  rm -rf "$out"
done
cat_t=$(printf '%s\n' "${cat_times[@]}" | median)
kg_t=$(printf '%s\n' "${kg_times[@]}" | median)
rss_kb=$(printf '%s\n' "${rss[@]}" | median)
printf 'corpus: %d documents, %.1f MB (generated, seed 42)\n' "$docs" "$(echo "$bytes/1000000" | bc -l)"
printf 'cat:          %6.2f s  %8.1f MB/s\n' "$cat_t" "$(echo "$bytes/1000000/$cat_t" | bc -l)"
printf 'kgmill build: %6.2f s  %8.1f MB/s  %8.0f docs/s  peak RSS %.0f MB  (%.1fx the time of cat)\n' \
  "$kg_t" "$(echo "$bytes/1000000/$kg_t" | bc -l)" "$(echo "$docs/$kg_t" | bc -l)" "$(echo "$rss_kb/1024" | bc -l)" \
  "$(echo "$kg_t/$cat_t" | bc -l)"
for f in "$root"/bench/run_*.sh; do [ -f "$f" ] && bash "$f" "$build"; done
exit 0
