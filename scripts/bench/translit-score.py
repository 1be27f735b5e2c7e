#!/usr/bin/env python3
"""Helper of scripts/bench/translit.sh: builds the JSONL inputs from a gold TSV and scores outputs.

prepare GOLD.tsv PREFIX  -> PREFIX.names.jsonl ({"id","text"} per Arabic name) and
                            PREFIX.pairs.jsonl ({"id","a","b"}: gold pairs "g<i>", non-pairs "n<i>")
score GOLD.tsv PREFIX NAME -> prints CER and exact matches (brief, icu) and match rates
"""
import json, random, sys

def load(path):
    pairs = []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2 and parts[0].strip() and parts[1].strip():
            pairs.append((parts[0].strip(), parts[1].strip()))
    return pairs

def distance(a, b):
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]

def non_pairs(pairs, draws=10):
    """Each Arabic name with the English of another pair, `draws` times (fixed seeds): one draw
    gives a handful of false matches at most, too few to tell 0.03% from 0.07%. A combination
    that is itself a gold pair (the same name spelled twice in the set) is not a non-pair."""
    gold = {(a, e.lower()) for a, e in pairs}
    out = []
    for draw in range(draws):
        rng = random.Random(20261125 + draw)
        for i, (arabic, english) in enumerate(pairs):
            j = rng.randrange(len(pairs) - 1)
            if j >= i:
                j += 1
            other = pairs[j][1]
            if other.lower() != english.lower() and (arabic, other.lower()) not in gold:
                out.append((arabic, other))
    return out

def main():
    mode, gold, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
    pairs = load(gold)
    if mode == "prepare":
        with open(prefix + ".names.jsonl", "w", encoding="utf-8") as f:
            for i, (arabic, _) in enumerate(pairs):
                f.write(json.dumps({"id": i, "text": arabic}, ensure_ascii=False) + "\n")
        with open(prefix + ".pairs.jsonl", "w", encoding="utf-8") as f:
            for i, (arabic, english) in enumerate(pairs):
                f.write(json.dumps({"id": "g%d" % i, "a": arabic, "b": english}, ensure_ascii=False) + "\n")
            for i, (arabic, english) in enumerate(non_pairs(pairs)):
                f.write(json.dumps({"id": "n%d" % i, "a": arabic, "b": english}, ensure_ascii=False) + "\n")
        return
    name = sys.argv[4]
    for engine in ("brief", "icu"):
        errors = total = exact = 0
        out = {}
        for line in open(prefix + ".%s.jsonl" % engine, encoding="utf-8"):
            record = json.loads(line)
            out[record["id"]] = record.get("latin", "")
        for i, (_, english) in enumerate(pairs):
            got = out.get(i, "").lower().replace("-", "").replace(" ", "").replace("'", "")
            want = english.lower().replace("-", "").replace(" ", "").replace("'", "")
            errors += distance(got, want)
            total += len(want)
            exact += got == want
        print(f"{name} romanization {engine:5}: CER {100 * errors / total:.1f}%  exact {100 * exact / len(pairs):.1f}%  ({len(pairs)} names)")
    gold_hits = gold_n = non_hits = non_n = 0
    for line in open(prefix + ".match.jsonl", encoding="utf-8"):
        record = json.loads(line)
        hit = record.get("match") is True
        if str(record["id"]).startswith("g"):
            gold_n += 1; gold_hits += hit
        else:
            non_n += 1; non_hits += hit
    print(f"{name} matching: gold pairs matched {100 * gold_hits / gold_n:.2f}% ({gold_n}); random non-pairs matched {100 * non_hits / non_n:.3f}% ({non_n})")

if __name__ == "__main__":
    main()
