#!/usr/bin/env bash
# Repair quality and speed, brief beside the baseline the issue names (wordninja on
# out-of-dictionary tokens), in one run. Needs ../shared and a release build of brief.
# usage: scripts/bench/repair.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=../shared
venv=${VENV:-/tmp/brief-bench-venv}
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q wordninja; }
swift build -c release --product brief >/dev/null
out=$(mktemp -d)
for lang in en fr; do
  gold=$shared/eval/repair/rewrapped-$lang.jsonl
  start=$(date +%s.%N)
  .build/release/brief repair --jsonl "$gold" --field damaged > "$out/brief-$lang.jsonl"
  mid=$(date +%s.%N)
  "$venv/bin/python" scripts/bench/wordninja-repair.py "$gold" damaged > "$out/wordninja-$lang.jsonl"
  end=$(date +%s.%N)
  mb=$(python3 -c "import json;print(sum(len(json.loads(l)['damaged'].encode()) for l in open('$gold'))/1e6)")
  echo "$lang brief:     $(python3 $shared/tools/score_repair.py "$gold" "$out/brief-$lang.jsonl")  $(python3 -c "print(f'{$mb/($mid-$start):.2f} MB/s (process, start-up included)')")"
  echo "$lang wordninja: $(python3 $shared/tools/score_repair.py "$gold" "$out/wordninja-$lang.jsonl")  $(python3 -c "print(f'{$mb/($end-$mid):.2f} MB/s')")"
done
rm -rf "$out"
