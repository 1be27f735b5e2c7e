#!/usr/bin/env python3
"""The baseline repair the issue names: wordninja applied to out-of-dictionary tokens.

usage: wordninja-repair.py GOLD.jsonl FIELD > PRED.jsonl   (needs: pip install wordninja)
A token (split on whitespace) whose letters, lowercased, are not in wordninja's own word list is
replaced by wordninja's split of it; punctuation around the token is kept.
"""
import gzip, json, os, re, sys
import wordninja

words = set(gzip.open(os.path.join(os.path.dirname(wordninja.__file__), "wordninja", "wordninja_words.txt.gz"), "rt").read().split())
token = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)

def repair(text):
    out = []
    for piece in re.split(r"(\s+)", text):
        if not piece or piece.isspace():
            out.append(piece); continue
        lead, core, trail = token.match(piece).groups()
        if core and core.lower() not in words and any(c.isalpha() for c in core):
            parts = wordninja.split(core)
            if len(parts) > 1 and "".join(parts) == re.sub(r"[^A-Za-z0-9']", "", core):
                core = " ".join(parts)
        out.append(lead + core + trail)
    return "".join(out)

for line in open(sys.argv[1], encoding="utf-8"):
    record = json.loads(line)
    print(json.dumps({"id": record["id"], "text": repair(record[sys.argv[2]])}, ensure_ascii=False))
