#!/usr/bin/env bash
# Installs what kgmill needs to build and test on Debian 12, only what is missing.
# Called by `make` before configuring; quiet when everything is already there.
#   scripts/setup.sh            build + test dependencies
#   scripts/setup.sh --no-validators   skip the third-party validators (../shared/tools)
#   scripts/setup.sh --dev      also clang and its libFuzzer/sanitizer runtimes (make fuzz, make sanitize)
set -euo pipefail

dev=0
validators=1
for arg in "$@"; do
  case "$arg" in
    --dev) dev=1 ;;
    --no-validators) validators=0 ;;
    *) echo "setup: unknown option '$arg' (known: --dev, --no-validators)" >&2; exit 2 ;;
  esac
done

PKGS=(g++ cmake make pkg-config git ca-certificates
      libboost-graph-dev rapidjson-dev libpugixml-dev catch2 libicu-dev libgumbo-dev
      libcli11-dev libfmt-dev libsqlite3-dev libre2-dev libzip-dev libpoppler-cpp-dev
      libgraphviz-dev libbenchmark-dev
      python3 sqlite3 fonts-dejavu-core time bc)
# Debian ships libFuzzer and the ASan/UBSan runtimes in libclang-rt-14-dev, which clang only
# pulls in as a recommendation (of libclang-common-14-dev): we install without recommends.
((dev)) && PKGS+=(clang libclang-rt-14-dev)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: apt-get install ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The HTML viewer's drawing library: pinned in web/package-lock.json, installed only when
# web/node_modules lacks it (the build copies it into the build tree; see CMakeLists.txt).
web="$(cd "$(dirname "$0")/.." && pwd)/web"
if [ -f "$web/package-lock.json" ] && [ ! -f "$web/node_modules/cytoscape/dist/cytoscape.min.js" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: apt-get install nodejs npm" >&2
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  echo "setup: npm ci in web/" >&2
  (cd "$web" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
fi

if ((validators)); then
  tools="$(cd "$(dirname "$0")/.." && pwd)/../shared/tools"
  if [ -x "$tools/setup-validators" ]; then
    "$tools/setup-validators"
  else
    echo "setup: ../shared/tools not found beside the project; validator tests will be skipped" >&2
  fi
fi
