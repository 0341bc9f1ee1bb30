#!/usr/bin/env bash
# make bench (called by bench/run.sh): the query benchmark of bench/query_bench.sh — kgmill
# beside Kùzu and networkx on a generated 1M-entity / 5M-relation graph (sizes: see that file).
set -euo pipefail
exec bash "$(dirname "$0")/query_bench.sh" "${1:-build}"
