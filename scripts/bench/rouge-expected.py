#!/usr/bin/env python3
"""Generate Tests/Fixtures/rouge/expected.jsonl from Tests/Fixtures/rouge/pairs.jsonl.

YARDSTICK ONLY: rouge-score is the reference implementation brief's own ROUGE is checked
against; it is never a dependency of brief.

    /tmp/peers-venv/bin/python scripts/bench/rouge-expected.py \
        Tests/Fixtures/rouge/pairs.jsonl > Tests/Fixtures/rouge/expected.jsonl

For each pair {"id", "prediction", "reference"} it writes one line with
  * "rouge1", "rouge2", "rougeLsum": {"precision", "recall", "fmeasure"} from
    RougeScorer(["rouge1","rouge2","rougeLsum"], use_stemmer=True) (default tokenizer),
    scorer.score(target=reference, prediction=prediction); floats at full precision
    (Python repr, shortest round-trip);
  * "reference_tokens", "prediction_tokens": what that default tokenizer produced;
  * "unicode_nostem": the same three scores with rouge.py's --lang fr tokenizer
    (lower-case, split on Unicode \\W+, no stemming), for the non-English path.
"""
import importlib.util
import json
import os
import sys
from importlib.metadata import version

from rouge_score import rouge_scorer, tokenizers

# reuse rouge.py's UnicodeWordTokenizer, loaded by path
_spec = importlib.util.spec_from_file_location(
    "rouge_bench", os.path.join(os.path.dirname(os.path.abspath(__file__)), "rouge.py"))
_rouge = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_rouge)

TYPES = ["rouge1", "rouge2", "rougeLsum"]


def as_dict(scores):
    return {t: {"precision": scores[t].precision, "recall": scores[t].recall,
                "fmeasure": scores[t].fmeasure} for t in TYPES}


def main():
    default = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    unicode_ = rouge_scorer.RougeScorer(TYPES, tokenizer=_rouge.UnicodeWordTokenizer())
    tok = tokenizers.DefaultTokenizer(use_stemmer=True)
    print(f"rouge-score {version('rouge-score')}, nltk {version('nltk')}", file=sys.stderr)
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            p = json.loads(line)
            out = {"id": p["id"]}
            out.update(as_dict(default.score(p["reference"], p["prediction"])))
            out["reference_tokens"] = tok.tokenize(p["reference"])
            out["prediction_tokens"] = tok.tokenize(p["prediction"])
            out["unicode_nostem"] = as_dict(unicode_.score(p["reference"], p["prediction"]))
            print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
