#!/usr/bin/env python3
"""Checks Lexicons/glossary/*.txt against the format in Lexicons/README.md.

Usage: scripts/lexicon/check-glossary.py [FILES...]   (default: every Lexicons/glossary/*.txt)
Prints one line per problem (file:line: problem) and a count of concepts per category.
"""
import collections, glob, os, re, sys

REQUIRED = ["id", "category", "en", "ar", "def", "src"]
KEYS = set(REQUIRED) | {"type", "fr", "es", "ru", "tr"}
LANGS = ["en", "ar", "fr", "es", "ru", "tr"]
CATEGORIES = {"air-defense", "missile", "aircraft", "drone", "naval", "land", "law-treaty",
              "organization", "company", "ministry", "rank", "general", "country"}
TYPES = {"term", "name", "designation"}
SOURCES = {"nato", "arabterm", "unterm", "cldr", "freedict", "same", "editor"}
ARABIC = re.compile(r"[\u0600-\u06FF]")

def records(path):
    rec, start = {}, None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                if rec:
                    yield start, rec
                rec, start = {}, None
                continue
            if start is None:
                start = n
            if ": " not in line and not line.endswith(":"):
                yield n, {"__error__": f"not 'key: value': {line!r}"}
                continue
            k, _, v = line.partition(":")
            k, v = k.strip(), v.strip()
            if k in rec:
                yield n, {"__error__": f"key {k!r} repeated"}
            rec[k] = v
    if rec:
        yield start, rec

def main(argv):
    files = argv or sorted(glob.glob(os.path.join(os.path.dirname(__file__), "../../Lexicons/glossary/*.txt")))
    problems, ids, cats = 0, {}, collections.Counter()
    terms = collections.defaultdict(dict)  # lang -> normalized term -> id
    def bad(path, n, msg):
        nonlocal problems
        problems += 1
        print(f"{path}:{n}: {msg}")
    for path in files:
        for n, rec in records(path):
            if "__error__" in rec:
                bad(path, n, rec["__error__"]); continue
            for k in REQUIRED:
                if not rec.get(k):
                    bad(path, n, f"missing {k}")
            for k in rec:
                if k not in KEYS:
                    bad(path, n, f"unknown key {k!r}")
            cid = rec.get("id", "")
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", cid):
                bad(path, n, f"bad id {cid!r}")
            if cid in ids:
                bad(path, n, f"duplicate id {cid!r} (first at {ids[cid]})")
            ids[cid] = f"{path}:{n}"
            if rec.get("category") not in CATEGORIES:
                bad(path, n, f"unknown category {rec.get('category')!r}")
            cats[rec.get("category")] += 1
            if rec.get("type", "term") not in TYPES:
                bad(path, n, f"unknown type {rec.get('type')!r}")
            for lang in LANGS:
                if lang not in rec:
                    continue
                parts = [p.strip() for p in rec[lang].split("|")]
                if any(not p for p in parts):
                    bad(path, n, f"empty term in {lang}")
                if lang == "ar" and not all(ARABIC.search(p) for p in parts):
                    bad(path, n, f"ar term without Arabic letters: {rec[lang]!r}")
                if len(set(parts)) != len(parts):
                    bad(path, n, f"repeated variant in {lang}")
                for p in parts:
                    key = re.sub(r"[\s\-\u2010\u2011]+", "", p.casefold())
                    other = terms[lang].get(key)
                    if other and other != cid and lang in ("en", "ar"):
                        bad(path, n, f"{lang} term {p!r} also in concept {other!r}")
                    terms[lang].setdefault(key, cid)
            srcs = {}
            for item in rec.get("src", "").split("|"):
                lang, _, s = item.strip().partition("=")
                if lang not in LANGS or s not in SOURCES:
                    bad(path, n, f"bad src item {item.strip()!r}")
                srcs[lang] = s
            for lang in LANGS:
                if lang in rec and lang not in srcs:
                    bad(path, n, f"no src for {lang}")
    print(f"{len(ids)} concepts, {problems} problems")
    for c, k in sorted(cats.items(), key=lambda x: str(x[0])):
        print(f"  {c}: {k}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
