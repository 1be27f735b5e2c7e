#!/usr/bin/env python3
"""Generates Lexicons/glossary/countries.txt from the UNTERM and CLDR country-name tables.

Usage: scripts/lexicon/make-countries.py [--sources DIR] [--out FILE]
  DIR  defaults to ../shared/lexicon-sources next to the repository
       (cldr_countries.tsv: iso en ar fr es ru tr; unterm_countries.tsv: short and formal names)
  FILE defaults to Lexicons/glossary/countries.txt

One record per state in the UNTERM list (UN members, observer states, Cook Islands, Niue),
joined to CLDR by English name, plus Kosovo, Taiwan and Western Sahara from CLDR alone.
Preferred term per language: the CLDR name, unless it is a noisy form (an abbreviation such as
"ОАЭ", "о-ва", "&", "St.", "Congo - Kinshasa"), in which case the UNTERM short name; a few
common press names are set by hand (EDITOR_PREFERRED, src=editor). Variants: the other CLDR
and UNTERM short and formal names, articles in parentheses and leading articles removed,
deduplicated the way the matcher compares terms. Unmatched UNTERM names are reported on
stderr and the script exits 1.
"""
import argparse, csv, os, re, sys, unicodedata

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
LANGS = ["en", "ar", "fr", "es", "ru", "tr"]
UNTERM_LANGS = ["en", "ar", "fr", "es", "ru"]

# UNTERM English short name (parenthetical removed) -> CLDR English name, where they differ.
UNTERM_TO_CLDR = {
    "Antigua and Barbuda": "Antigua & Barbuda",
    "Bosnia and Herzegovina": "Bosnia & Herzegovina",
    "Brunei Darussalam": "Brunei",
    "Cabo Verde": "Cape Verde",
    "Congo": "Congo - Brazzaville",
    "Côte d'Ivoire": "Côte d’Ivoire",
    "Democratic People's Republic of Korea": "North Korea",
    "Democratic Republic of the Congo": "Congo - Kinshasa",
    "Holy See": "Vatican City",
    "Lao People's Democratic Republic": "Laos",
    "Myanmar": "Myanmar (Burma)",
    "Republic of Korea": "South Korea",
    "Republic of Moldova": "Moldova",
    "Russian Federation": "Russia",
    "Saint Kitts and Nevis": "St. Kitts & Nevis",
    "Saint Lucia": "St. Lucia",
    "Saint Vincent and the Grenadines": "St. Vincent & Grenadines",
    "Sao Tome and Principe": "São Tomé & Príncipe",
    "State of Palestine": "Palestinian Territories",
    "Syrian Arab Republic": "Syria",
    "Trinidad and Tobago": "Trinidad & Tobago",
    "United Kingdom of Great Britain and Northern Ireland": "United Kingdom",
    "United Republic of Tanzania": "Tanzania",
    "United States of America": "United States",
    "Viet Nam": "Vietnam",
}

# Not in the UNTERM list; taken from CLDR alone.
CLDR_ONLY = ["XK", "TW", "EH"]

# Common press names that neither table gives as the short name (src=editor).
EDITOR_PREFERRED = {
    "TR": {"en": "Turkey"},
    "PS": {"en": "Palestine", "ar": "فلسطين", "fr": "Palestine", "es": "Palestina",
           "ru": "Палестина", "tr": "Filistin"},
}

DEFS = {
    "PS": "State recognized by most UN members; UN non-member observer state (ISO 3166 code PS).",
    "VA": "Sovereign state, represented at the UN by the Holy See (ISO 3166 code VA).",
    "CK": "Self-governing state in free association with New Zealand (ISO 3166 code CK).",
    "NU": "Self-governing state in free association with New Zealand (ISO 3166 code NU).",
    "XK": "Partially recognized state (code XK, user-assigned, not an official ISO 3166 code).",
    "TW": "Self-governing state (Republic of China); sovereignty disputed by the PRC (ISO 3166 code TW).",
    "EH": "Disputed territory, claimed by Morocco and the Sahrawi Republic (ISO 3166 code EH).",
}
DEFAULT_DEF = "Sovereign state (ISO 3166 code {})."

# A leading article in UNTERM formal names ("the Islamic Republic of ...", "la République ...").
LEADING_ARTICLE = re.compile(r"^(?:(?:the|les|le|la|el|los|las)\s+|l['’]\s*)", re.IGNORECASE)
TRAILING_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")
ARTICLE_ONLY = re.compile(r"^(?:the|le|la|les|l'|l’|el|los|las)$", re.IGNORECASE)


def clean(s):
    return re.sub(r"\s+", " ", s or "").strip()


def unterm_short(s):
    """'Afghanistan (l')' -> 'Afghanistan'; 'Iran (Islamic Republic of)' -> 'Iran'
    (the full name is in the formal column)."""
    return clean(TRAILING_PAREN.sub("", clean(s)))


def unterm_formal(s):
    s = clean(s)
    return clean(LEADING_ARTICLE.sub("", s, count=1)) if s else s


def ar_norm(s):
    out = []
    for ch in s:
        o = ord(ch)
        if o in (0x0623, 0x0625, 0x0622, 0x0671):
            out.append("\u0627")
        elif o == 0x0629:
            out.append("\u0647")
        elif o == 0x0649:
            out.append("\u064A")
        elif o == 0x0640 or 0x064B <= o <= 0x065F or o == 0x0670:
            continue
        else:
            out.append(ch)
    return "".join(out)


def key(term):
    """How the matcher (and check-glossary.py) compares terms: case, spaces, hyphens; plus
    the Arabic letter and mark normalization of ArabicNormalizer."""
    t = ar_norm(unicodedata.normalize("NFC", term)).casefold()
    return re.sub(r"[\s\-\u2010\u2011]+", "", t)


def noisy_cldr(lang, s):
    """A CLDR name that should not be the preferred term (it may stay a variant)."""
    if not s:
        return True
    if "&" in s or re.search(r"\bSt\.", s) or " - " in s:
        return True
    if lang == "ru" and (re.fullmatch(r"[А-ЯЁ]{2,5}", s) or re.search(r"\bо-в", s)):
        return True
    return False


def drop_cldr(lang, s):
    """A CLDR name not worth keeping even as a variant ("Маршалловы о-ва")."""
    return lang == "ru" and bool(re.search(r"\bо-в", s))


def cldr_forms(s):
    """'Myanmar (Burma)' -> ['Myanmar', 'Burma']; otherwise [s]."""
    m = TRAILING_PAREN.search(s)
    if m:
        return [clean(s[:m.start()]), clean(m.group(1))]
    return [s]


def build(sources):
    with open(os.path.join(sources, "cldr_countries.tsv"), encoding="utf-8") as f:
        cldr_rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    with open(os.path.join(sources, "unterm_countries.tsv"), encoding="utf-8") as f:
        unterm_rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    cldr_by_en = {clean(r["en"]): r for r in cldr_rows}
    cldr_by_code = {r["iso3166_alpha2"]: r for r in cldr_rows}

    entries, unmatched = [], []
    for u in unterm_rows:
        en = unterm_short(u["en_short"])
        c = cldr_by_en.get(UNTERM_TO_CLDR.get(en, en))
        if c is None:
            unmatched.append(en)
            continue
        entries.append((c, u))
    for code in CLDR_ONLY:
        entries.append((cldr_by_code[code], None))

    records = []
    for c, u in entries:
        code = c["iso3166_alpha2"]
        rec = {"id": f"country-{code.lower()}", "category": "country", "type": "name"}
        src = {}
        for lang in LANGS:
            cl = clean(c.get(lang))
            cl_forms = [] if not cl or drop_cldr(lang, cl) else cldr_forms(cl)
            us = unterm_short(u[f"{lang}_short"]) if u and lang in UNTERM_LANGS else ""
            uf = unterm_formal(u[f"{lang}_formal"]) if u and lang in UNTERM_LANGS else ""
            cands = []  # (term, source), preferred first
            ed = EDITOR_PREFERRED.get(code, {}).get(lang)
            if ed:
                cands.append((ed, "editor"))
            if cl and not noisy_cldr(lang, cl):
                cands += [(t, "cldr") for t in cl_forms]
                cands += [(us, "unterm"), (uf, "unterm")]
            else:
                cands += [(us, "unterm")]
                cands += [(t, "cldr") for t in cl_forms]
                cands += [(uf, "unterm")]
            terms, seen = [], set()
            for t, s in cands:
                if not t or ARTICLE_ONLY.match(t):
                    continue
                k = key(t)
                if k in seen:
                    continue
                seen.add(k)
                terms.append((t, s))
            if not terms:
                continue
            # The preferred term's source: cldr when CLDR also has it.
            first, s = terms[0]
            if s == "unterm" and any(key(first) == key(t) for t in cl_forms):
                s = "cldr"
            rec[lang] = [t for t, _ in terms]
            src[lang] = s
        rec["def"] = DEFS.get(code, DEFAULT_DEF.format(code))
        rec["src"] = src
        records.append(rec)
    return records, unmatched


def resolve_collisions(records):
    """A term (en or ar, as the checker compares them) in two records stays with the record
    where it is the preferred term, or else with the one whose preferred term is shortest
    (the more obvious reading); it is dropped from the others. Returns what was dropped."""
    dropped = []
    for lang in ("en", "ar"):
        owners = {}
        for r in records:
            for i, t in enumerate(r.get(lang, [])):
                owners.setdefault(key(t), []).append((r, i, t))
        for k, lst in owners.items():
            if len({id(r) for r, _, _ in lst}) < 2:
                continue
            keep = min(lst, key=lambda x: (x[1] != 0, len(x[0][lang][0])))
            for r, i, t in lst:
                if r is keep[0]:
                    continue
                if i == 0:
                    sys.exit(f"preferred {lang} term {t!r} of {r['id']} also in {keep[0]['id']}")
                r[lang] = [x for x in r[lang] if key(x) != k]
                dropped.append(f"{r['id']} {lang} {t!r} (kept in {keep[0]['id']})")
    return dropped


def write(records, out):
    lines = [
        "# Countries: one record per state of the UNTERM country list, plus Kosovo, Taiwan and",
        "# Western Sahara from CLDR.",
        "# GENERATED by scripts/lexicon/make-countries.py from ../shared/lexicon-sources/",
        "# unterm_countries.tsv (UNTERM) and cldr_countries.tsv (Unicode CLDR); src=editor marks",
        "# the few common press names set in the script. Do not edit by hand: change the script",
        "# (or its sources) and run it again.",
        "",
    ]
    for r in sorted(records, key=lambda r: key(r["en"][0])):
        lines.append(f"id: {r['id']}")
        lines.append(f"category: {r['category']}")
        lines.append(f"type: {r['type']}")
        for lang in LANGS:
            if r.get(lang):
                lines.append(f"{lang}: " + " | ".join(r[lang]))
        lines.append(f"def: {r['def']}")
        lines.append("src: " + " | ".join(f"{l}={r['src'][l]}" for l in LANGS if l in r["src"]))
        lines.append("")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", default=os.path.join(ROOT, "..", "shared", "lexicon-sources"))
    ap.add_argument("--out", default=os.path.join(ROOT, "Lexicons", "glossary", "countries.txt"))
    a = ap.parse_args()
    records, unmatched = build(a.sources)
    dropped = resolve_collisions(records)
    write(records, a.out)
    print(f"{len(records)} countries written to {a.out}")
    for d in dropped:
        print(f"dropped collision: {d}")
    for u in unmatched:
        print(f"unmatched UNTERM name: {u!r}", file=sys.stderr)
    return 1 if unmatched else 0


if __name__ == "__main__":
    sys.exit(main())
