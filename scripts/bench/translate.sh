#!/usr/bin/env bash
# Translation quality and glossary enforcement on ../shared/eval/mt/wmt24-en-es-news.jsonl, brief
# beside plain Apertium on the same paragraphs, in one run:
#  - BLEU and chrF (sacrebleu, in a throwaway virtual environment) of `brief translate --jsonl`
#    and of `apertium -u eng-spa` run on the same paragraphs;
#  - glossary terms: every occurrence in the sources of an English term of
#    `brief glossary export --format tsv --langs en,es`, and how many come out as the Spanish term;
#  - speed: words per second of both (whole processes), and of brief's second run over the same
#    paragraphs, answered by the translation cache (its hit rate printed).
set -euo pipefail
cd "$(dirname "$0")/../.."
data=../shared/eval/mt/wmt24-en-es-news.jsonl
[ -f "$data" ] || { echo "skipped: $data absent"; exit 0; }
venv=${VENV:-/tmp/sacrebleu-venv}
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q sacrebleu; }
swift build -c release --product brief >/dev/null
swift build -c release --product BriefTranslationStore >/dev/null
out=$(mktemp -d)
# A cache of its own: the first run starts cold.
export BRIEF_CACHE_DIR=$out/cache
.build/release/brief glossary export --format tsv --langs en,es > "$out/glossary.tsv"
start=$(date +%s.%N)
.build/release/brief translate --jsonl "$data" --to es > "$out/brief.jsonl"
mid=$(date +%s.%N)
python3 -c "
import json, subprocess, sys
rows = [json.loads(l) for l in open('$data')]
# One process for all paragraphs, blank lines between them, as brief does.
text = '\n\n'.join(' '.join(r['text'].split()) for r in rows) + '\n'
result = subprocess.run(['apertium', '-u', 'eng-spa'], input=text, capture_output=True, text=True, check=True).stdout
parts = [p.strip() for p in result.split('\n\n') if p.strip()]
assert len(parts) == len(rows), (len(parts), len(rows))
with open('$out/apertium.jsonl', 'w') as f:
    for r, p in zip(rows, parts):
        f.write(json.dumps({'id': r['id'], 'translation': p}, ensure_ascii=False) + '\n')
"
end=$(date +%s.%N)
.build/release/brief translate --jsonl "$data" --to es > "$out/brief-again.jsonl" 2> "$out/again.err"
again=$(date +%s.%N)
cmp -s "$out/brief.jsonl" "$out/brief-again.jsonl" || echo "warning: the second run differs from the first"
# The same through APy (Debian's apertium-apy on 127.0.0.1), when it is installed: one request
# per segment, no cache.
apy_line="apy: skipped (apertium-apy not installed)"
if [ -x /usr/bin/apertium-apy ]; then
  port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  scripts/apy/apy-loopback.py "$port" > "$out/apy.log" 2>&1 &
  apy_pid=$!
  for _ in $(seq 100); do .build/release/brief translate --list --engine apy --server "http://127.0.0.1:$port" 2>/dev/null | grep -q "^apy" && break; sleep 0.1; done
  apy_start=$(date +%s.%N)
  .build/release/brief translate --jsonl "$data" --to es --engine apy --server "http://127.0.0.1:$port" --no-cache > "$out/apy.jsonl"
  apy_end=$(date +%s.%N)
  kill "$apy_pid"; wait "$apy_pid" 2>/dev/null || true
  same=$(python3 -c "
import json
a=[json.loads(l)['translation'] for l in open('$out/brief.jsonl')]
b=[json.loads(l)['translation'] for l in open('$out/apy.jsonl')]
print(sum(x==y for x,y in zip(a,b)), 'of', len(a))")
  apy_line=$(python3 -c "
import json
words = sum(len(json.loads(l)['text'].split()) for l in open('$data'))
print(f'apy: brief through APy {words/($apy_end-$apy_start):.0f} words/s (server already running, pipeline started on the first request); translations equal to the local engine\'s: $same')")
fi
"$venv/bin/python" scripts/bench/translate-score.py "$data" "$out/glossary.tsv" "$out/apertium.jsonl" "$out/brief.jsonl"
python3 -c "
import json
words = sum(len(json.loads(l)['text'].split()) for l in open('$data'))
print(f'speed: brief {words/($mid-$start):.0f} words/s, plain apertium {words/($end-$mid):.0f} words/s (whole processes, {words} words)')
print(f'second run (cache): brief {words/($again-$end):.0f} words/s')
"
sed 's/^brief: /second run: /' "$out/again.err"
echo "$apy_line"
rm -rf "$out"
