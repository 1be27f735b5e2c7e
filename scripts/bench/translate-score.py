#!/usr/bin/env python3
"""Helper of scripts/bench/translate.sh: BLEU/chrF of two systems and glossary-term counts.

usage: translate-score.py DATA.jsonl GLOSSARY.tsv PLAIN.jsonl BRIEF.jsonl
"""
import json, re, sys
import sacrebleu

def main():
    data, glossary, plain, brief = sys.argv[1:5]
    rows = [json.loads(l) for l in open(data, encoding="utf-8")]
    refs = [r["reference"] for r in rows]
    systems = {}
    for name, path in (("apertium", plain), ("brief", brief)):
        out = {}
        for line in open(path, encoding="utf-8"):
            record = json.loads(line)
            out[record["id"]] = record.get("translation", "")
        systems[name] = [out.get(r["id"], "") for r in rows]
    for name, hyps in systems.items():
        bleu = sacrebleu.corpus_bleu(hyps, [refs])
        chrf = sacrebleu.corpus_chrf(hyps, [refs])
        print(f"{name:9} BLEU {bleu.score:.2f}  chrF {chrf.score:.2f}  ({len(rows)} paragraphs)")
    pairs = []
    for line in open(glossary, encoding="utf-8"):
        source, _, target = line.rstrip("\n").partition("\t")
        if source and target:
            pairs.append((source, target))
    for name, hyps in systems.items():
        total = kept = 0
        missed = []
        for row, hyp in zip(rows, hyps):
            for source, target in pairs:
                pattern = r"(?<![\w-])" + re.escape(source) + r"(?:s|'s|’s)?(?![\w-])"
                flags = 0 if (len(source) <= 5 or source[:1].isupper()) else re.IGNORECASE
                count = len(re.findall(pattern, row["text"], flags))
                if not count:
                    continue
                found = len(re.findall(r"(?<![\w-])" + re.escape(target) + r"(?![\w-])", hyp, re.IGNORECASE))
                total += count
                kept += min(count, found)
                if found < count:
                    missed.append(f"{source} -> {target}")
        print(f"{name:9} glossary terms translated as the glossary says: {kept} of {total}" + (f"  (missed: {', '.join(sorted(set(missed))[:8])})" if missed else ""))

if __name__ == "__main__":
    main()
