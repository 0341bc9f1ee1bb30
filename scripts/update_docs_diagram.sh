#!/usr/bin/env bash
# Regenerates docs/diagram.svg (the README's picture): examples/corpus built afresh, then its
# best-connected institution and everything one relation away, drawn by `kgmill render`.
# Deterministic: the same tool and corpus give the same bytes, so `git diff docs/` shows what a
# change to the extractor or the renderer did to the picture.
#   bash scripts/update_docs_diagram.sh [BUILD]      (BUILD: the build folder, default build)
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
case "$build" in /*) kg=$build/kgmill ;; *) kg=$root/$build/kgmill ;; esac
[ -x "$kg" ] || { echo "update_docs_diagram: no $kg (make build first)" >&2; exit 1; }
. "$root/scripts/lib/diagrams.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rc=0
"$kg" build "$root/examples/corpus" -o "$work/out" --formats jsonl --quiet || rc=$?
if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then exit $rc; fi
name=$(best_institution "$kg" "$work/out")
[ -n "$name" ] || { echo "update_docs_diagram: no institution in the example graph" >&2; exit 1; }
mkdir -p "$root/docs"
"$kg" render "$work/out" -o "$root/docs/diagram.svg" --focus "$name" --hops 1
echo "docs/diagram.svg: $name and its partners (1 hop)"
