#!/usr/bin/env bash
# Runs each libFuzzer harness for a bounded time and prints one summary line per target.
#   bash fuzz/run.sh [BUILD_DIR] [TARGET...]       (default build-fuzz, all four targets)
#   FUZZ_SECONDS=60     run time per target
#   FUZZ_TIMEOUT=10     seconds for one input before it counts as a timeout (a failure)
#   FUZZ_RSS_MB=2048    memory limit per process (over it counts as a failure)
# Seeds (examples/corpus, tests/queries, inline samples, and the saved failures in
# fuzz/crashes/<target>/) are (re)written to BUILD_DIR/corpus/<target>/, which also keeps what
# the fuzzer finds, so later runs start from there. Failing inputs go to BUILD_DIR/fuzz-artifacts/<target>/ and
# logs to BUILD_DIR/fuzz-logs/<target>.log. Exits 1 when any target crashed, timed out or ran
# out of memory, 2 when a target is not built.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
build_arg="${1:-build-fuzz}"
shift || true
build="$(cd "$build_arg" 2>/dev/null && pwd)" || { echo "fuzz: no build directory $build_arg" >&2; exit 2; }
targets=("$@")
((${#targets[@]})) || targets=(fuzz_load_document fuzz_triple_json fuzz_query_parser fuzz_extract)
seconds="${FUZZ_SECONDS:-60}"
timeout="${FUZZ_TIMEOUT:-10}"
rss="${FUZZ_RSS_MB:-2048}"

# ---------- seeds ----------
seed() {  # seed TARGET NAME  (content on stdin)
  mkdir -p "$build/corpus/$1"
  cat >"$build/corpus/$1/seed-$2"
}

seed_documents() {  # loader and extractor seeds; $2 = prefix byte for fuzz_extract's language
  local t="$1" ex="${2:-}" f base lang
  for f in "$root"/examples/corpus/* "$root"/tests/data/*; do
    [ -f "$f" ] || continue
    base="$(basename "$f")"
    lang=e; [[ "$base" == *_vi_* ]] && lang=v
    { [ -n "$ex" ] && printf '%s' "$lang"; cat "$f"; } | seed "$t" "$base"
  done
  local p=""; [ -n "$ex" ] && p=e
  printf '%s\xEF\xBB\xBFHanoi University signed an MoU with Samsung.\n' "$p" | seed "$t" utf8-bom.txt
  { printf '%s' "$p"; printf '\xFF\xFEH\0a\0 \0N\0\xD9\x1E\x69\0\0\n\0'; } | seed "$t" utf16le.txt
  { printf '%s' "$p"; printf '\xFE\xFF\0H\0a\0 \x1E\xD9\0i\0\n'; } | seed "$t" utf16be.txt
  printf '%sTr\xF2\xDC\xE1ng \xD0a\xEC h\xF2\xF0c Qu\xF4\xEC\xE1c gia\n' "$p" | seed "$t" windows-1258.txt
  printf '%sbad \xC3\x28 utf8 \xE2\x82 truncated \xF0\x9F' "$p" | seed "$t" invalid-utf8.txt
  printf '%s<!DOCTYPE html><html><head><title>T&amp;t</title><script>x="<p>";</script></head><body><nav>menu</nav><article><h1>Ti&ecirc;u &#x111;&#7873;</h1><p>Hà&nbsp;Nội &lt;2024&gt;<br>line</p><ul><li>one<li>two</ul><table><tr><td>a<td>b</table></article></body></html>\n' "$p" | seed "$t" page.html
  [ -n "$ex" ] && return 0
  # A small PDF (poppler rebuilds a wrong xref) and a truncated one.
  local pdf='%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 88 >> stream
BT /F1 12 Tf 72 720 Td (Hanoi University signed an agreement) Tj 0 -14 Td (with Samsung.) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
6 0 obj << /Title (Report) >> endobj
trailer << /Size 7 /Root 1 0 R /Info 6 0 R >>
%%EOF'
  printf '%s\n' "$pdf" | seed "$t" small.pdf
  printf '%s' "$pdf" | head -c 200 | seed "$t" truncated.pdf
  # A small DOCX (needs python3's zipfile) and a ZIP that is not one.
  if command -v python3 >/dev/null 2>&1; then
    python3 - "$build/corpus/$t" <<'PY'
import io, sys, zipfile
def z(name, files):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as f:
        for n, d in files: f.writestr(n, d)
    open(sys.argv[1] + "/seed-" + name, "wb").write(b.getvalue())
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
doc = ('<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>'
       '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Báo cáo</w:t></w:r></w:p>'
       '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Hợp tác</w:t></w:r></w:p>'
       '<w:p><w:r><w:t xml:space="preserve">Đại học Quốc gia Hà Nội </w:t></w:r><w:r><w:t>ký kết với Samsung.</w:t></w:r></w:p>'
       '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
       '</w:body></w:document>') % W
core = ('<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Report</dc:title></cp:coreProperties>')
z("small.docx", [("[Content_Types].xml", "<Types/>"), ("word/document.xml", doc), ("docProps/core.xml", core)])
z("not-docx.zip", [("readme.txt", "just a zip")])
PY
  fi
}

seed_triples() {
  local t=fuzz_triple_json
  printf '%s' '{"subject":{"name":"Hanoi University of Science and Technology","type":"University","aliases":["HUST","Đại học Bách khoa Hà Nội"]},"predicate":"SIGNED_AGREEMENT_WITH","object":{"name":"Samsung Electronics","type":"Company"},"properties":{"date":"2025","status":"planned"},"provenance":{"doc":"001.txt","sentence":"HUST \"signed\" with Samsung.\nNext","start":1234,"end":1398,"extractor":"en.signed_with","confidence":0.9}}' | seed "$t" full.json
  printf '%s' '{"subject":{"name":"Lê Quân","type":"Person"},"predicate":"HOLDS_POSITION","object":{"name":"ĐHQGHN","type":"University"},"properties":{"role":"Director","count":3,"x":null,"b":true},"provenance":{"start":0,"end":0,"confidence":1e-3}}' | seed "$t" person.json
  printf '%s' '{"subject":{"name":"a","type":"Unit"},"predicate":"PART_OF","object":{"name":"b","type":"Unit"},"provenance":{"start":5,"end":1}}' | seed "$t" bad-span.json
  printf '%s' '{"subject":{"name":"a\u0000b","type":"Unit"},"predicate":"PART_OF","object":{"name":"\ud83d\ude00","type":"Unit"},"properties":{"k":-1.5e300}}' | seed "$t" escapes.json
  printf '%s' '[1,2,{"a":' | seed "$t" truncated.json
}

seed_queries() {
  local t=fuzz_query_parser n=0 f q
  mkdir -p "$build/corpus/$t"
  # One file per -QUERY line of the query tests, and per statement of examples/queries.cypher.
  for f in "$root"/tests/queries/*.test; do
    [ -f "$f" ] || continue
    while IFS= read -r q; do
      n=$((n + 1)); printf '%s' "$q" | seed "$t" "test-$n.cypher"
    done < <(sed -n 's/^-QUERY //p' "$f")
  done
  if [ -f "$root/examples/queries.cypher" ]; then
    awk -v dir="$build/corpus/$t" '
      /^[[:space:]]*\/\// { next }
      { stmt = stmt $0 "\n" }
      /;[[:space:]]*$/ { n++; f = dir "/seed-example-" n ".cypher"; printf "%s", stmt > f; close(f); stmt = "" }
    ' "$root/examples/queries.cypher"
  fi
  printf '%s' "MATCH p = shortestPath((a {id: 'vnu'})-[*..4]-(b:Company)) RETURN [n IN nodes(p) | n.name], length(p)" | seed "$t" path.cypher
  printf '%s' "UNWIND \$list AS x WITH x WHERE x IS NOT NULL RETURN x, CASE WHEN x = 1 THEN 'one' ELSE toString(x) END ORDER BY x SKIP 0 LIMIT 5 UNION ALL RETURN 1 AS x, 'y'" | seed "$t" unwind.cypher
  printf '%s' "EXPLAIN MATCH (u:University|Company)-[r:SIGNED_AGREEMENT_WITH|COOPERATES_WITH*1..2]->(c) WHERE r[0].date STARTS WITH \$year RETURN DISTINCT u.name, count(*) AS n ORDER BY n DESC" | seed "$t" explain.cypher
  printf '%s' "MATCH (a), (b) WHERE all(x IN [1,2] WHERE x > 0) AND a.name =~ '(?i)h.*' RETURN a.id, collect(b.id)[..2], \$map.k; RETURN 1;" | seed "$t" script.cypher
}

# ---------- run ----------
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export KGMILL_DATA_DIR="${KGMILL_DATA_DIR:-$root/data}"

failed=0
for t in "${targets[@]}"; do
  bin="$build/fuzz/$t"
  if [ ! -x "$bin" ]; then
    printf 'fuzz: %-20s MISSING      not built: %s\n' "$t" "$bin"
    failed=2; continue
  fi
  extra=()
  case "$t" in
    fuzz_load_document) seed_documents "$t"; extra=(-max_len=65536) ;;
    fuzz_extract)       seed_documents "$t" ex; extra=(-max_len=32768) ;;
    fuzz_triple_json)   seed_triples; extra=(-max_len=65536) ;;
    fuzz_query_parser)  seed_queries; extra=(-max_len=4096 -dict="$here/query.dict") ;;
  esac
  # Inputs that once failed (fuzz/crashes/<target>/) go first: fixed bugs stay fixed.
  for f in "$here/crashes/$t"/*; do
    [ -f "$f" ] && cp "$f" "$build/corpus/$t/regress-$(basename "$f")"
  done
  mkdir -p "$build/fuzz-artifacts/$t" "$build/fuzz-logs"
  log="$build/fuzz-logs/$t.log"
  start=$(date +%s)
  "$bin" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="$rss" -print_final_stats=1 \
         -artifact_prefix="$build/fuzz-artifacts/$t/" "${extra[@]}" "$build/corpus/$t" >"$log" 2>&1
  rc=$?
  secs=$(($(date +%s) - start))
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  done_line=$(grep -a -E '^#[0-9]+[[:space:]]+(DONE|INITED|NEW|REDUCE|pulse)' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$done_line")
  corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9A-Za-z]*\).*/\1/p' <<<"$done_line")
  if [ $rc -eq 0 ]; then
    printf 'fuzz: %-20s ok     %4ss  runs=%s cov=%s corpus=%s\n' "$t" "$secs" "${runs:-?}" "${cov:-?}" "${corp:-?}"
  else
    what=$(grep -a -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|contract violated|round trip:|ALARM|out-of-memory' "$log" | sed 's/^==[0-9]*==//')
    art=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    printf 'fuzz: %-20s FAIL   %4ss  rc=%s runs=%s: %s\n' "$t" "$secs" "$rc" "${runs:-?}" "${what:-see log}"
    printf '      reproduce: %s %s   (log %s)\n' "$bin" "${art:-<artifact>}" "$log"
    [ $failed -eq 0 ] && failed=1
  fi
done
exit $failed
