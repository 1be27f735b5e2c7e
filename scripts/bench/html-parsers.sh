#!/usr/bin/env bash
# libxml2's HTML parser beside gumbo on the extraction pages (speed, tree agreement): why brief
# parses HTML with libxml2. Needs libgumbo-dev (a yardstick only; brief does not link it).
set -euo pipefail
cd "$(dirname "$0")/../.."
pages=${BRIEF_SHARED:-../shared}/eval/extraction/pages
dpkg -s libgumbo-dev >/dev/null 2>&1 || { echo "html-parsers: install libgumbo-dev first (apt-get install libgumbo-dev)" >&2; exit 2; }
out=$(mktemp -d)
cc -O2 -o "$out/html-parsers" scripts/bench/html-parsers.c $(pkg-config --cflags --libs gumbo libxml-2.0 zlib)
taskset -c 0 "$out/html-parsers" "$pages"/*.html.gz
