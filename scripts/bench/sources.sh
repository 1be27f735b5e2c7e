#!/usr/bin/env bash
# Sources named right (issue 14): outlet, date, dateline place, author and title of the press
# pages (../shared/eval/press, copied text), as `brief extract --jsonl` gives them, scored with
# ../shared/tools/score_press.py by language, and the name fields that hold a date, a time, a
# number or a label (never allowed).
#   scripts/bench/sources.sh            (release build; BRIEF_SHARED overrides ../shared)
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${BRIEF_SHARED:-../shared}
press="$shared/eval/press/press.jsonl"
[ -f "$press" ] || { echo "sources: $press absent; nothing to measure" >&2; exit 2; }
flock /tmp/brief-swift-build.lock swift build -c release --product brief >/dev/null 2>&1 || { echo "sources: build failed" >&2; exit 2; }
export LC_ALL=C.UTF-8
out=$(mktemp -d)
.build/release/brief extract --input text --jsonl "$press" > "$out/extract.jsonl"
python3 scripts/bench/sources.py "$out/extract.jsonl" "$press" "$shared/tools/score_press.py"
echo "outputs in $out"
