#!/usr/bin/env python3
"""Checks Lexicons/outlets.tsv.

Usage: scripts/lexicon/check-outlets.py [FILE]
Prints one line per problem (file:line: problem), then notes (outlets sharing an Arabic name,
which is allowed) and a count per kind; exits 1 if there is any problem.
"""
import collections, glob, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "Lexicons", "outlets.tsv")
COLUMNS = ["id", "arabic", "latin", "variants", "country", "domain", "kind", "source"]
KINDS = {"newspaper", "tv", "agency", "website", "radio"}
ARABIC = re.compile(r"[\u0600-\u06FF]")
DOMAIN = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(/[A-Za-z0-9._~-]+)*")
SOURCE = re.compile(r"outlets\.tsv|editor|web:\S+")


def key(name):
    """Romanizations that differ only in case, spaces, hyphens, apostrophes or accents are one."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if c.isalnum())


def country_codes():
    """ISO codes from the generated country glossary (country-xx ids), if it is there."""
    codes = set()
    for path in glob.glob(os.path.join(HERE, "..", "..", "Lexicons", "glossary", "countries.txt")):
        with open(path, encoding="utf-8") as f:
            codes |= {m.group(1).upper() for m in re.finditer(r"^id: country-([a-z]{2})$", f.read(), re.M)}
    return codes


def main(argv):
    path = argv[0] if argv else DEFAULT
    problems, notes = [], []
    bad = lambda n, msg: problems.append(f"{path}:{n}: {msg}")
    codes = country_codes()
    ids, names, arabic, kinds = {}, {}, collections.defaultdict(list), collections.Counter()
    header_seen = False
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if not header_seen:
                header_seen = True
                if cells != COLUMNS:
                    bad(n, f"header is {cells}, expected {COLUMNS}")
                continue
            if len(cells) != len(COLUMNS):
                bad(n, f"{len(cells)} columns, expected {len(COLUMNS)}")
                continue
            row = dict(zip(COLUMNS, (c.strip() for c in cells)))
            if any(row[c] != cells[i] for i, c in enumerate(COLUMNS)):
                bad(n, "space at the start or end of a cell")
            rid = row["id"]
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rid):
                bad(n, f"bad id {rid!r}")
            if rid in ids:
                bad(n, f"duplicate id {rid!r} (first on line {ids[rid]})")
            ids.setdefault(rid, n)
            if not row["arabic"]:
                bad(n, "no arabic name")
            elif not ARABIC.search(row["arabic"]):
                bad(n, f"arabic name without Arabic letters: {row['arabic']!r}")
            else:
                arabic[row["arabic"]].append(rid)
            if not row["latin"]:
                bad(n, "no latin name")
            variants = [v.strip() for v in row["variants"].split("|")] if row["variants"] else []
            if any(not v for v in variants):
                bad(n, "empty variant")
            own = set()
            for name in [row["latin"]] + [v for v in variants if v]:
                k = key(name)
                if not k:
                    continue
                if k in own:
                    bad(n, f"romanization {name!r} repeats another of the same outlet")
                own.add(k)
                other = names.get(k)
                if other and other[0] != rid:
                    bad(n, f"romanization {name!r} also names {other[0]!r} (line {other[1]})")
                names.setdefault(k, (rid, n))
            if row["country"]:
                for c in row["country"].split("/"):
                    if not re.fullmatch(r"[A-Z]{2}", c) or (codes and c not in codes):
                        bad(n, f"bad country code {c!r}")
            if row["domain"] and not DOMAIN.fullmatch(row["domain"]):
                bad(n, f"bad domain {row['domain']!r}")
            if row["kind"] not in KINDS:
                bad(n, f"kind {row['kind']!r} is not one of {sorted(KINDS)}")
            kinds[row["kind"]] += 1
            if not SOURCE.fullmatch(row["source"]):
                bad(n, f"bad source {row['source']!r} (outlets.tsv, editor or web:<domain>)")
    if not header_seen:
        bad(0, "no header line")
    for name, rids in sorted(arabic.items()):
        if len(rids) > 1:
            notes.append(f"note: Arabic name {name} shared by {', '.join(rids)}")
    for p in problems:
        print(p)
    for m in notes:
        print(m)
    print(f"{len(ids)} outlets, {len(problems)} problems; " +
          ", ".join(f"{k}: {v}" for k, v in sorted(kinds.items())))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
