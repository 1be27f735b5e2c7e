#!/usr/bin/env bash
# Summary quality and speed, brief beside its yardsticks, in one run (needs ../shared):
#  - ROUGE (Python rouge-score, scripts/bench/rouge.py) of brief's default method and of brief's
#    own Lead-N on CNN/DM (3 sentences), OrangeSum fr (2) and BBC (3);
#  - articles per second and peak memory of brief and of sumy LexRank on the same CNN/DM articles,
#    each on one core.
# Peers go into a throwaway virtual environment; they are yardsticks, never dependencies.
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=../shared/eval/summarization
venv=${VENV:-/tmp/peers-venv}
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q sumy rouge-score nltk; }
swift build -c release >/dev/null
brief=.build/release/brief
out=$(mktemp -d)
echo "== quality (rouge-score F1 x100)"
for spec in "cnndm.jsonl 3 en" "orangesum-fr.jsonl 2 fr" "bbc.jsonl 3 en"; do
  set -- $spec
  for method in default lead; do
    "$brief" summarize --jsonl "$shared/$1" --sentences "$2" --method "$method" > "$out/$method.jsonl"
    printf '%-20s %-8s %s\n' "$1" "$method" "$("$venv/bin/python" scripts/bench/rouge.py "$shared/$1" "$out/$method.jsonl" --lang "$3" 2>/dev/null)"
  done
done
echo "== speed on $shared/cnndm.jsonl, one core"
taskset -c 0 .build/release/brief-bench --runs 3 | grep -E "^summaries"
/usr/bin/time -f "brief summarize --jsonl (whole process, start-up included): %e s, peak %M KB" \
  taskset -c 0 "$brief" summarize --jsonl "$shared/cnndm.jsonl" --sentences 3 > /dev/null
for splitter in punkt regex; do
  "$venv/bin/python" scripts/bench/sumy-speed.py "$shared/cnndm.jsonl" --splitter "$splitter" | grep -E "LexRank|peak"
done
rm -rf "$out"
