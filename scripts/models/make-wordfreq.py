#!/usr/bin/env python3
"""Derives Models/wordfreq/<lang>.tsv from the wordfreq package's data (pip install wordfreq==3.1.1).

Each line: word<TAB>zipf*100 (an integer; Zipf = log10 of frequency per billion words).
Only words made of letters (inner apostrophes allowed) with Zipf >= MIN_ZIPF are kept, lowercased.
Lines are sorted by UTF-8 bytes so that brief can binary-search the file in place, without parsing
it at start-up.
usage: make-wordfreq.py LANG [MIN_ZIPF]
"""
import sys
import unicodedata
from wordfreq import get_frequency_dict, zipf_frequency  # noqa: F401

lang = sys.argv[1]
min_zipf = float(sys.argv[2]) if len(sys.argv) > 2 else 1.5
import math
freqs = get_frequency_dict(lang, wordlist="large")
rows = {}
for word, freq in freqs.items():
    word = unicodedata.normalize("NFC", word.lower())
    if not word or not all(c.isalpha() or c in "'’" for c in word) or not word[0].isalpha():
        continue
    zipf = math.log10(freq * 1e9)
    if zipf < min_zipf:
        continue
    word = word.replace("’", "'")
    rows[word] = max(rows.get(word, 0), int(round(zipf * 100)))
out = sys.stdout.buffer
for word in sorted(rows, key=lambda w: w.encode("utf-8")):
    out.write(f"{word}\t{rows[word]}\n".encode("utf-8"))
