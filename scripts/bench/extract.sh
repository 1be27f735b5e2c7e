#!/usr/bin/env bash
# Main-text extraction, brief beside trafilatura on the same pages, in one run (needs ../shared):
#  - HTML: the Scrapinghub benchmark's dev pages (eval/extraction), F1 with its own metric
#    (../shared/tools/score_extraction.py) and pages per second on one core (CPU seconds: brief's
#    whole process, start-up included; trafilatura's extract() calls after a warm-up, as the
#    set's README measured it; both on the pages decompressed beforehand, best of three passes);
#  - copied text of the same pages (w3m dumps), brief only (no peer reads plain text);
#  - press pages (eval/press): body, clutter, title and date with ../shared/tools/score_press.py;
#  - brief summarize on the press pages: chosen sentences that are clutter lines.
# trafilatura goes into a throwaway virtual environment; it is a yardstick, never a dependency.
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${BRIEF_SHARED:-../shared}
venv=${VENV:-/tmp/extract-venv}
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q trafilatura==2.3.1 lxml_html_clean; }
flock /tmp/brief-swift-build.lock swift build -c release --product brief >/dev/null
export LC_ALL=C.UTF-8
"$venv/bin/python" scripts/bench/extract.py --brief .build/release/brief --shared "$shared"
