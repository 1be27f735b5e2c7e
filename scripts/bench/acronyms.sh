#!/usr/bin/env bash
# Acronym definitions on the MED1250 gold (../shared/eval/abbreviations/med1250.jsonl), scored by
# exact pair match with scripts/bench/score-acronyms.py. Each abstract is given to
# `brief glossary acronyms --jsonl` as {"id": pmid, "text": title + blank line + abstract}.
# Baselines named by the issue: a Schwartz–Hearst port P 94.9 / R 78.7; Ab3P P 96.9 / R 83.6.
set -euo pipefail
cd "$(dirname "$0")/../.."
gold=../shared/eval/abbreviations/med1250.jsonl
[ -f "$gold" ] || { echo "skipped: $gold absent"; exit 0; }
swift build -c release --product brief >/dev/null
out=$(mktemp -d)
python3 -c "
import json, sys
for line in open('$gold'):
    r = json.loads(line)
    print(json.dumps({'id': r['pmid'], 'text': r['title'] + '\n\n' + r['abstract']}, ensure_ascii=False))
" > "$out/input.jsonl"
start=$(date +%s.%N)
.build/release/brief glossary acronyms --jsonl "$out/input.jsonl" > "$out/pred.jsonl"
end=$(date +%s.%N)
echo "brief glossary acronyms: $(python3 scripts/bench/score-acronyms.py "$gold" "$out/pred.jsonl")"
python3 -c "print(f'{$(wc -l < "$out/input.jsonl")} abstracts in {$end-$start:.2f} s (whole process)')"
rm -rf "$out"
