#!/usr/bin/env bash
# make bench (called by bench/run.sh): the interactive HTML page of a 10,000-node graph.
# Generates a corpus of invented cooperation news that yields more than 10,000 entities (seed 42),
# builds it, renders the 10,000 busiest entities to HTML (positions computed by kgmill), opens
# the page in headless Chromium (playwright-core from ../shared/tools) and reports the time from
# navigation to Cytoscape's first drawn frame: the median of 3 loads.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
case "$build" in /*) bdir=$build ;; *) bdir=$root/$build ;; esac
kg=$bdir/kgmill
shared=${KGMILL_SHARED_DIR:-$root/../shared}
nodes=${KGMILL_BENCH_RENDER_NODES:-10000}
work=$bdir/bench-render
corpus=$work/corpus-$nodes
mkdir -p "$work"

if [ ! -f "$corpus/.done" ]; then
  rm -rf "$corpus"
  /usr/bin/python3 - "$corpus" "$nodes" <<'PY'
import os, random, sys
out, want = sys.argv[1], int(sys.argv[2])
r = random.Random(42)
SYL = ["ka", "lo", "ver", "an", "mi", "sto", "rel", "da", "quin", "to", "bra", "sel", "nor", "vik", "ul",
       "pe", "ra", "zen", "mor", "tal", "bes", "gor", "li", "fen", "dru", "sa", "wen", "hal", "cor", "ny"]
GIVEN = ["Anna", "Peter", "Maria", "John", "Claire", "Lukas", "Sofia", "Daniel", "Elena", "Marco",
         "Ingrid", "Tomas", "Laura", "Viktor", "Hanna", "Oskar", "Nadia", "Felix", "Irene", "Paul"]
ROLES = ["President", "Vice President", "Rector", "Vice Rector", "Director", "Dean"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
KINDS = ["Electronics", "Robotics", "Logistics", "Biopharma", "Energy", "Semiconductors"]
def word(k=3):
    return "".join(r.choice(SYL) for _ in range(k)).capitalize()
def unique(make, n):
    seen, out = set(), []
    while len(out) < n:
        s = make()
        if s not in seen:
            seen.add(s); out.append(s)
    return out
unis = unique(lambda: r.choice(["{} University", "University of {}", "{} Institute of Technology"]).format(word()), want // 3)
people = unique(lambda: f"{r.choice(GIVEN)} {word(2)}", want // 2)
companies = unique(lambda: f"{word()} {r.choice(KINDS)}", want // 10)
def uni():  # a few universities are hubs, most have a handful of partners
    return unis[min(len(unis) - 1, int(r.paretovariate(1.2)) - 1 if r.random() < 0.3 else r.randrange(len(unis)))]
def date():
    return f"{r.choice(MONTHS)} {r.randint(1, 28)}, {r.randint(2015, 2026)}"
os.makedirs(out, exist_ok=True)
pi, n_doc, used = 0, 0, set()  # names used so far, plus one MoU per signing
while len(used) < want * 1.05:
    paras = []
    for _ in range(4):
        a, b = uni(), uni()
        if a == b:
            continue
        p, q, v = people[pi % len(people)], people[(pi + 1) % len(people)], people[(pi + 2) % len(people)]
        pi += 3
        c, d, x = r.choice(companies), r.choice(companies), uni()
        paras.append(f"On {date()}, {a} signed a memorandum of understanding with {b} in {word()}. "
                     f"Prof. {p}, {r.choice(ROLES)} of {a}, and Dr. {q}, {r.choice(ROLES)} of {b}, attended the ceremony.")
        paras.append(f"Earlier that year, a delegation from {x} led by Prof. {v} visited {a}. "
                     f"The university has also signed agreements with companies such as {c} and {d}.")
        used.update([a, b, p, q, v, c, d, x, f"mou {pi}"])
    with open(os.path.join(out, f"doc{n_doc:05d}.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(paras) + "\n")
    n_doc += 1
print(f"{n_doc} generated documents in {out}")
PY
  touch "$corpus/.done"
fi
rm -rf "$work/out"
"$kg" build "$corpus" -o "$work/out" --formats graphml --quiet
total=$("$kg" stats "$work/out" | awk '$1 == "entities" {print $2}')
s=$(date +%s.%N)
"$kg" render "$work/out" -o "$work/graph.html" --max-nodes "$nodes" 2> "$work/render.err" || { cat "$work/render.err" >&2; exit 1; }
e=$(date +%s.%N)
printf 'render html: %s of %s entities, %.1f s (layout + page), %.1f MB page\n' "$nodes" "$total" \
  "$(echo "$e - $s" | bc -l)" "$(echo "$(stat -c %s "$work/graph.html")/1000000" | bc -l)"

if [ ! -f "$shared/tools/lib/kgv.js" ]; then
  echo "render html: first draw not measured (no ../shared/tools for headless Chromium)"
  exit 0
fi
. "$shared/tools/lib/node.sh"
cat > "$work/first_draw.js" <<'JS'
// Loads the page 3 times; prints the median time from navigation to Cytoscape's first frame.
const path = require('path');
const { req } = require(path.join(process.env.SHARED, 'tools/lib/kgv.js'));
const { chromium } = req('playwright-core');
(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'] });
  const times = [];
  let drawn = 0;
  for (let i = 0; i < 3; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.route('**/*', (r) => (/^(file|data|blob):/.test(r.request().url()) ? r.continue() : r.abort()));
    await page.goto(`file://${path.resolve(process.argv[2])}`, { timeout: 600000 });
    await page.waitForSelector('html[data-drawn="1"]', { timeout: 600000 });
    const r = await page.evaluate(() => ({ ms: window.kgmillView.firstDrawMs, n: window.kgmillView.cy.nodes('.entity').length }));
    times.push(r.ms);
    drawn = r.n;
    await page.close();
  }
  await browser.close();
  times.sort((a, b) => a - b);
  console.log(`first draw in Chromium: ${(times[1] / 1000).toFixed(2)} s median of 3 (${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s), ${drawn} nodes drawn`);
})().catch((e) => { console.error(e.message); process.exit(1); });
JS
SHARED="$shared" "$(kgv_node)" "$work/first_draw.js" "$work/graph.html" | sed 's/^/render html: /'
