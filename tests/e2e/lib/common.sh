# Shared by the end-to-end scripts: paths, a fresh work folder, and helpers.
set -euo pipefail
: "${KGMILL:?path of the kgmill binary}"
: "${KGMILL_SOURCE_DIR:?}"
: "${KGMILL_SHARED_DIR:=$KGMILL_SOURCE_DIR/../shared}"
: "${KGMILL_WORK:=$(mktemp -d)}"
SEEDS="$KGMILL_SHARED_DIR/corpus/seeds"
GOLD="$KGMILL_SHARED_DIR/corpus/gold/seeds.jsonl"
EXAMPLES="$KGMILL_SOURCE_DIR/examples/corpus"
EXAMPLES_GOLD="$KGMILL_SOURCE_DIR/examples/gold.jsonl"
TOOLS="$KGMILL_SHARED_DIR/tools"
rm -rf "$KGMILL_WORK"; mkdir -p "$KGMILL_WORK"
export LC_ALL=C.UTF-8

fail() { echo "FAIL: $*" >&2; exit 1; }
# grep_q PATTERN: like `grep -q`, but reads its input to the end. Under pipefail, `cmd | grep -q`
# fails at random when grep exits on the first match while cmd still writes (SIGPIPE).
grep_q() { grep "$@" >/dev/null; }
need_shared() { [ -d "$SEEDS" ] || { echo "skip: no ../shared/corpus"; exit 77; }; }
need_tools() { [ -x "$TOOLS/validate-graphml" ] || { echo "skip: no ../shared/tools"; exit 77; }; }
# kgmill build that tolerates exit 3 (some documents skipped) only when allowed.
build_ok() { "$KGMILL" build "$@" --quiet; }
