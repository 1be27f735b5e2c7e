#!/usr/bin/env python3
"""ROUGE yardstick with Google's Python `rouge-score` (the reference implementation we compare to).

YARDSTICK ONLY: rouge-score is never a dependency of `brief`.

Usage (from the repository root, venv made as in sumy-speed.py's header):
    /tmp/peers-venv/bin/python scripts/bench/rouge.py GOLD.jsonl PRED.jsonl [--lang en|fr]
    /tmp/peers-venv/bin/python scripts/bench/rouge.py GOLD.jsonl --lead K [--lang en|fr]

GOLD lines: {"id", "text", "summaries": [reference, ...]}; summaries[0] is the reference.
PRED lines: {"id", "sentences": [...]} or {"id", "error": ...}. An error line, or a gold id with
no PRED line, counts as an empty summary (score 0) and is counted in n.

Scoring:
  * ROUGE-1, ROUGE-2, ROUGE-Lsum F1 of summaries[0] (target) against the predicted sentences
    joined with "\\n" (prediction).
  * --lang en: rouge-score's default tokenizer with use_stemmer=True (lower-case, every char
    outside [a-z0-9] becomes a space, NLTK Porter stemming of tokens longer than 3 chars).
    That default tokenizer deletes non-ASCII letters ("été" -> "t"), so:
  * --lang fr (or any non-en): a Unicode word tokenizer (lower-case, split on \\W+, i.e. on
    anything that is not a Unicode letter, digit or underscore), no stemming.
  * ROUGE-Lsum splits both texts on "\\n" only (split_summaries=False; True would need NLTK
    Punkt data, not downloadable here). The reference is used as stored: in cnndm.jsonl the
    FRANK records have one highlight per line, but the 51 SummEval records and every
    OrangeSum abstract have no newline, so for those Lsum is plain summary-level LCS over a
    single reference "sentence" (i.e. ROUGE-L).
  * Printed values are mean F1 x 100 over all gold records; the 95% interval is from
    rouge_score.scoring.BootstrapAggregator (1000 resamples, numpy seed fixed by --seed).

Output: human-readable lines on stderr; exactly one JSON line on stdout:
    {"rouge1": .., "rouge2": .., "rougeLsum": .., "n": ..}

--lead K ignores PRED and scores the first K sentences of each gold "text", split with the
simple regex splitter of scripts/bench/peer_split.py (the one sumy-speed.py gives sumy).
This Lead-K is NOT brief's own lead: brief splits sentences with its own splitter, so its
Lead-K can pick different spans and score differently.
"""
import argparse
import json
import os
import re
import sys

import numpy as np
from rouge_score import rouge_scorer, scoring

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peer_split import split_sentences  # noqa: E402

TYPES = ["rouge1", "rouge2", "rougeLsum"]


class UnicodeWordTokenizer:
    """Lower-case, split on non-word characters (Unicode \\W), no stemming."""

    _SPLIT = re.compile(r"\W+", re.UNICODE)

    def tokenize(self, text):
        return [t for t in self._SPLIT.split(text.lower()) if t]


def make_scorer(lang):
    if lang == "en":
        return rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    return rouge_scorer.RougeScorer(TYPES, use_stemmer=False, tokenizer=UnicodeWordTokenizer())


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    ap = argparse.ArgumentParser(description="ROUGE-1/2/Lsum F1 with rouge-score")
    ap.add_argument("gold")
    ap.add_argument("pred", nargs="?")
    ap.add_argument("--lang", default="en", help="en (Porter stemming) or fr/other (Unicode words)")
    ap.add_argument("--lead", type=int, metavar="K", help="score the first K sentences of each text; PRED ignored")
    ap.add_argument("--samples", type=int, default=1000, help="bootstrap resamples")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    if args.lead is None and not args.pred:
        ap.error("PRED.jsonl is required unless --lead K is given")

    gold = read_jsonl(args.gold)
    if args.lead is not None:
        preds = {g["id"]: split_sentences(g["text"])[: args.lead] for g in gold}
        missing = errors = 0
    else:
        preds = {}
        errors = 0
        for p in read_jsonl(args.pred):
            if "error" in p or not isinstance(p.get("sentences"), list):
                errors += 1
                preds[p["id"]] = []
            else:
                preds[p["id"]] = p["sentences"]
        gold_ids = {g["id"] for g in gold}
        missing = sum(1 for g in gold if g["id"] not in preds)
        extra = sum(1 for i in preds if i not in gold_ids)
        if extra:
            print(f"warning: {extra} PRED ids not in GOLD (ignored)", file=sys.stderr)

    scorer = make_scorer(args.lang)
    agg = scoring.BootstrapAggregator(confidence_interval=0.95, n_samples=args.samples)
    f1 = {t: [] for t in TYPES}
    ref_with_newlines = 0
    for g in gold:
        ref = g["summaries"][0]
        ref_with_newlines += "\n" in ref.strip()
        pred = "\n".join(s.strip() for s in preds.get(g["id"], []))
        s = scorer.score(ref, pred)
        agg.add_scores(s)
        for t in TYPES:
            f1[t].append(s[t].fmeasure)

    np.random.seed(args.seed)
    ci = agg.aggregate()
    n = len(gold)
    what = f"Lead-{args.lead} (peer_split)" if args.lead is not None else args.pred
    print(f"{what} vs {args.gold}  lang={args.lang}  n={n}  "
          f"errors={errors} missing={missing}  refs with newlines: {ref_with_newlines}/{n}",
          file=sys.stderr)
    out = {}
    for t in TYPES:
        mean = 100.0 * sum(f1[t]) / n if n else 0.0
        lo, hi = 100.0 * ci[t].low.fmeasure, 100.0 * ci[t].high.fmeasure
        print(f"  {t:9s} F1 {mean:6.2f}   95% CI [{lo:.2f}, {hi:.2f}]", file=sys.stderr)
        out[t] = round(mean, 2)
    out["n"] = n
    print(json.dumps(out))


if __name__ == "__main__":
    main()
