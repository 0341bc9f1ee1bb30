#!/usr/bin/env bash
# Bad files get one line each naming the file and the reason; the rest is built; exit 3;
# what was stored before is kept.
. "$(dirname "$0")/lib/common.sh"
need_shared
W=$KGMILL_WORK; mkdir -p "$W/docs"
cp "$SEEDS/001_2b073ee1325f7225.txt" "$W/docs/good.txt"
: > "$W/docs/empty.txt"
printf '\x00\x01\x02\x03binary\x00\xff' > "$W/docs/blob.txt"
printf 'Caf\xe9 au lait in Ha Noi.\n' > "$W/docs/latin1.txt"
printf '<!DOCTYPE html><html><head><title>x</title><script>var a=1;</script></head><body><nav><a href="/">Home</a></nav></body></html>' > "$W/docs/nothing.html"
build_ok "$SEEDS" -o "$W/out"
before=$("$KGMILL" stats "$W/out" | awk '/^relations/{print $2}')
set +e
"$KGMILL" build "$W/docs" "$W/missing.txt" -o "$W/out" --quiet 2> "$W/err.txt"
rc=$?
set -e
cat "$W/err.txt"
[ $rc -eq 3 ] || fail "exit status $rc, want 3"
for f in empty.txt blob.txt latin1.txt nothing.html missing.txt; do
  [ "$(grep -c "$f" "$W/err.txt")" -eq 1 ] || fail "no single error line for $f"
done
grep -q "latin1.txt.*UTF-8" "$W/err.txt" || fail "latin1 error does not say UTF-8"
"$KGMILL" stats "$W/out" | grep_q "documents   6" || fail "store should hold 5 seeds + good.txt"
after=$("$KGMILL" stats "$W/out" | awk '/^relations/{print $2}')
[ "$after" -ge "$before" ] || fail "relations lost: $before -> $after"
# The latin1 file is read when its encoding is named.
"$KGMILL" text "$W/docs/latin1.txt" --encoding latin1 | grep_q "Café" || fail "--encoding latin1"
