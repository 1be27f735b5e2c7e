#!/usr/bin/env python3
"""Score abbreviation-definition detection against gold (short form, long form) pairs.

Usage:
    scripts/bench/score-acronyms.py GOLD.jsonl PRED.jsonl [--errors]

GOLD lines: {"pmid", "pairs": [[short, long], ...], ...} (e.g. shared/eval/abbreviations/med1250.jsonl)
PRED lines: {"id", "pairs": [[short, long], ...]} where id is the gold record's pmid.

Scoring is exact pair match (case-sensitive strings) over the whole file:
  * pairs are sets per id: a gold pmid that occurs on several lines, or a PRED id that does,
    has its pairs united, and a pair repeated within one id counts once on either side;
  * P = matched predicted pairs / predicted pairs, R = matched / gold pairs, F1 their
    harmonic mean, all printed as percentages;
  * a gold id with no PRED line counts as no predictions; PRED ids absent from gold are
    ignored (reported on stderr).
--errors lists every false positive (+) and missed gold pair (-) by id on stderr.
"""
import json
import sys


def load(path, key):
    sets = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            ident = str(d[key])
            sets.setdefault(ident, set()).update((p[0], p[1]) for p in d.get("pairs") or [])
    return sets


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    show = "--errors" in sys.argv
    gold = load(args[0], "pmid")
    pred = load(args[1], "id")
    unknown = [i for i in pred if i not in gold]
    if unknown:
        print(f"ignored {len(unknown)} PRED ids not in gold, e.g. {unknown[0]}", file=sys.stderr)
    n_gold = n_pred = matched = 0
    for ident, g in gold.items():
        p = pred.get(ident, set())
        n_gold += len(g)
        n_pred += len(p)
        matched += len(g & p)
        if show:
            for s, l in sorted(p - g):
                print(f"{ident}\t+\t{s}\t{l}", file=sys.stderr)
            for s, l in sorted(g - p):
                print(f"{ident}\t-\t{s}\t{l}", file=sys.stderr)
    precision = 100.0 * matched / n_pred if n_pred else 0.0
    recall = 100.0 * matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"P {precision:.1f}  R {recall:.1f}  F1 {f1:.1f}  "
          f"(matched {matched}, predicted {n_pred}, gold {n_gold})")


if __name__ == "__main__":
    main()
