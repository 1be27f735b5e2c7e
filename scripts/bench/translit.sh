#!/usr/bin/env bash
# Romanization and name matching on the gold pairs in ../shared/eval/translit, brief beside ICU's
# own Arabic-Latin transform, in one run:
#  - romanization: character error rate (edit distance / gold length, over all names) and exact
#    matches of `brief translit --jsonl` against the English spellings;
#  - matching: `brief translit match --jsonl` on the gold pairs (share matched) and on random
#    non-pairs (each Arabic name with the English of another pair, 10 draws with fixed seeds,
#    leaving out combinations that are gold pairs themselves; share matched).
set -euo pipefail
cd "$(dirname "$0")/../.."
gold=../shared/eval/translit
[ -d "$gold" ] || { echo "skipped: $gold absent"; exit 0; }
swift build -c release --product brief >/dev/null
out=$(mktemp -d)
for set in ar-en-google ar-en-wikidata; do
  python3 scripts/bench/translit-score.py prepare "$gold/$set.tsv" "$out/$set"
  for engine in brief icu; do
    .build/release/brief translit --engine "$engine" --jsonl "$out/$set.names.jsonl" > "$out/$set.$engine.jsonl"
  done
  .build/release/brief translit match --jsonl "$out/$set.pairs.jsonl" > "$out/$set.match.jsonl"
  python3 scripts/bench/translit-score.py score "$gold/$set.tsv" "$out/$set" "$set"
done
rm -rf "$out"
