#!/usr/bin/env python3
"""Speed yardstick: sumy LexRank (3 sentences, English) over a summarization JSONL set.

YARDSTICK ONLY. sumy is a peer we measure against, never a dependency of `brief`.

Setup (throwaway venv, PyPI only):
    python3 -m venv /tmp/peers-venv
    /tmp/peers-venv/bin/pip install sumy rouge-score nltk
Run (from the repository root):
    /tmp/peers-venv/bin/python scripts/bench/sumy-speed.py /work/shared/eval/summarization/cnndm.jsonl
    [--pred-out lexrank.jsonl]   # also write the LexRank summaries as rouge.py PRED lines

What is measured, in one process pinned to one core (sched_setaffinity + 1 BLAS thread):
  * LexRank loop: for every article, PlaintextParser (sentence + word tokenisation) and
    LexRankSummarizer(document, 3). Only this loop is timed for articles/s.
  * Lead-3 loop (reference): split sentences with the same splitter, take the first 3.
  * whole process: wall time from the process's exec (Linux /proc) to the end, which adds
    interpreter start, imports (sumy, nltk, numpy) and reading the JSONL.
  * peak memory: resource.getrusage(RUSAGE_SELF).ru_maxrss (KiB on Linux), printed in MB.

Deviation from stock sumy: sumy's Tokenizer("english") needs NLTK Punkt data (punkt_tab),
which is downloaded from GitHub and cannot be fetched here. This script gives sumy a
tokenizer object of its own instead (--splitter):
  * punkt (default): the work stock sumy does. Sentences from NLTK's Punkt algorithm with an
    untrained model (same algorithm and cost, empty abbreviation lists), words from Punkt
    again on each sentence and NLTK's Treebank tokenizer, as nltk.word_tokenize does;
  * regex: sentences from the simple regex splitter in scripts/bench/peer_split.py and words
    from nltk.word_tokenize(..., preserve_line=True): less work than stock sumy, so a faster
    (harder) yardstick.
Both filter words with sumy's own pattern, as sumy's Tokenizer does. Stemmer (sumy
Stemmer("english") = NLTK Snowball) and stop words (sumy's bundled list) are sumy's own.
"""
import os

# one BLAS/OpenMP thread before numpy is imported (LexRank uses numpy)
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import argparse
import json
import resource
import sys
import time

_T_SCRIPT = time.perf_counter()


def _process_age_seconds():
    """Seconds since this process was exec'd (Linux), or None."""
    try:
        with open("/proc/self/stat") as f:
            stat = f.read()
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])  # field 22: starttime
        with open("/proc/uptime") as f:
            uptime = float(f.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None



if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peer_split import split_sentences  # noqa: E402

import nltk  # noqa: E402
import sumy  # noqa: E402
from sumy.nlp.stemmers import Stemmer  # noqa: E402
from sumy.nlp.tokenizers import Tokenizer as SumyTokenizer  # noqa: E402
from sumy.parsers.plaintext import PlaintextParser  # noqa: E402
from sumy.summarizers.lex_rank import LexRankSummarizer  # noqa: E402
from sumy.utils import get_stop_words  # noqa: E402


class NoDownloadTokenizer:
    """Drop-in for sumy.nlp.tokenizers.Tokenizer that needs no NLTK data download (regex sentences)."""

    language = "english"

    def to_sentences(self, paragraph):
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence):
        words = nltk.word_tokenize(sentence, preserve_line=True)
        return tuple(w for w in words if SumyTokenizer._is_word(w))


class PunktTokenizer(NoDownloadTokenizer):
    """The work stock sumy does, with an untrained Punkt model.

    Stock sumy splits sentences with NLTK's English Punkt model and then calls
    nltk.word_tokenize(sentence), which runs Punkt again on each sentence before the Treebank
    word tokenizer. The trained English parameters (punkt_tab) cannot be downloaded here; an
    untrained PunktSentenceTokenizer runs the same algorithm with empty parameter sets, so its
    cost is that of stock sumy's, while its splits differ a little.
    """

    def __init__(self):
        from nltk.tokenize.punkt import PunktSentenceTokenizer
        from nltk.tokenize import NLTKWordTokenizer
        self._punkt = PunktSentenceTokenizer()
        self._words = NLTKWordTokenizer()

    def to_sentences(self, paragraph):
        return tuple(self._punkt.tokenize(paragraph))

    def to_words(self, sentence):
        words = [w for s in self._punkt.tokenize(sentence) for w in self._words.tokenize(s)]
        return tuple(w for w in words if SumyTokenizer._is_word(w))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("jsonl", help="JSONL with a 'text' field per line (e.g. cnndm.jsonl)")
    ap.add_argument("--sentences", type=int, default=3)
    ap.add_argument("--splitter", choices=["punkt", "regex"], default="punkt",
                    help="punkt: stock sumy's work (untrained Punkt, see PunktTokenizer); "
                         "regex: a faster regex splitter (peer_split.py), a harder yardstick")
    ap.add_argument("--pred-out", help="write {'id','sentences'} lines for rouge.py (not timed)")
    args = ap.parse_args()

    with open(args.jsonl, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]

    tokenizer = PunktTokenizer() if args.splitter == "punkt" else NoDownloadTokenizer()
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    k = args.sentences
    preds = []
    t0 = time.perf_counter()
    for r in rows:
        parser = PlaintextParser.from_string(r["text"], tokenizer)
        preds.append([str(s) for s in summarizer(parser.document, k)])
    t_lexrank = time.perf_counter() - t0

    t0 = time.perf_counter()
    leads = [split_sentences(r["text"])[:k] for r in rows]
    t_lead = time.perf_counter() - t0

    if args.pred_out:
        with open(args.pred_out, "w", encoding="utf-8") as f:
            for r, sents in zip(rows, preds):
                f.write(json.dumps({"id": r["id"], "sentences": sents}, ensure_ascii=False) + "\n")

    n = len(rows)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    t_end = time.perf_counter()
    age = _process_age_seconds()
    whole = age if age is not None else t_end - _T_SCRIPT
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    assert len(leads) == n
    print(f"sumy {sumy.__version__}, nltk {nltk.__version__}, python {sys.version.split()[0]}, cpus {cpus}")
    print(f"articles: {n}  ({args.jsonl})")
    print(f"LexRank-{k} ({args.splitter} sentences): {t_lexrank:.3f} s  -> {n / t_lexrank:.1f} articles/s  ({1000 * t_lexrank / n:.2f} ms/article)")
    print(f"Lead-{k} (regex splitter): {t_lead:.4f} s  -> {n / t_lead:.0f} articles/s")
    print(f"whole process: {whole:.3f} s (from exec; script body {t_end - _T_SCRIPT:.3f} s)")
    print(f"peak RSS (ru_maxrss): {peak_mb:.1f} MB")
    print(json.dumps({"articles": n, "lexrank_s": round(t_lexrank, 4),
                      "lexrank_articles_per_s": round(n / t_lexrank, 2),
                      "lead_s": round(t_lead, 5), "whole_process_s": round(whole, 3),
                      "peak_mb": round(peak_mb, 1)}))


if __name__ == "__main__":
    main()
