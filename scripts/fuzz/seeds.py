#!/usr/bin/env python3
"""Makes the seed corpus of one fuzz target at run time.

    seeds.py TARGET OUTDIR MAXLEN

Seeds come from the repository (Fuzz/seeds/<target>/, Tests/Fixtures, Lexicons/glossary,
Examples/) and, when it is there, from the evaluation data in ../shared/eval (or
$BRIEF_EVAL_DIR), read where it lies: nothing from it is copied into the repository.
Every seed is cut to MAXLEN bytes; file names are content hashes, so reruns do not duplicate.
Standard library only (runs under /usr/bin/python3 with a bare environment).
"""
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EVAL = os.environ.get("BRIEF_EVAL_DIR") or os.path.join(os.path.dirname(ROOT), "shared", "eval")

TARGETS = ["decode", "repair", "analyze", "head", "byline", "jsonl", "glossary-txt", "tbx", "tsv", "csv",
           "config", "acronyms", "html", "copied", "dates", "pipeline", "selftest"]


class Corpus:
    def __init__(self, folder, max_len):
        self.folder = folder
        self.max_len = max_len
        self.count = 0
        os.makedirs(folder, exist_ok=True)

    def add(self, data, cut=True):
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not data:
            return
        if len(data) > self.max_len:
            if not cut:
                return
            data = data[: self.max_len]
        name = hashlib.sha1(data).hexdigest()
        path = os.path.join(self.folder, name)
        if not os.path.exists(path):
            with open(path, "wb") as out:
                out.write(data)
            self.count += 1


def repo(*parts):
    return os.path.join(ROOT, *parts)


def files(folder, suffixes=None):
    if not os.path.isdir(folder):
        return []
    names = sorted(os.listdir(folder))
    return [os.path.join(folder, n) for n in names
            if os.path.isfile(os.path.join(folder, n)) and (suffixes is None or n.endswith(suffixes))]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def records(relative, limit):
    """The first `limit` records of an eval JSON Lines file (none when the data is absent)."""
    path = os.path.join(EVAL, relative)
    if not os.path.isfile(path):
        return []
    out = []
    with open(path, "rb") as f:
        for line in f:
            if len(out) >= limit:
                break
            try:
                out.append(json.loads(line))
            except ValueError:
                continue
    return out


def raw_lines(path, limit):
    if not os.path.isfile(path):
        return []
    out = []
    with open(path, "rb") as f:
        for line in f:
            if len(out) >= limit:
                break
            out.append(line.rstrip(b"\n"))
    return out


def hand_seeds(corpus, target):
    for path in files(repo("Fuzz", "seeds", target)):
        corpus.add(read(path))


def articles(limit):
    """Article texts in English, French and Arabic from the evaluation sets."""
    texts = []
    for relative in ["summarization/cnndm.jsonl", "summarization/bbc.jsonl", "summarization/orangesum-fr.jsonl",
                     "summarization/arabic-dw114-nosummaries.jsonl", "summarization/easc-ar.jsonl",
                     "summarization/xsum.jsonl", "stories/stories.jsonl"]:
        for record in records(relative, limit):
            if isinstance(record.get("text"), str):
                texts.append((record.get("lang", ""), record["text"]))
    return texts


def fixture_texts():
    out = [read(p) for p in files(repo("Tests", "Fixtures"), (".txt",))]
    out += [read(p) for p in files(repo("Examples"), (".txt",))]
    return out


def head_texts():
    out = []
    for line in raw_lines(repo("Tests", "Fixtures", "heads", "heads.jsonl"), 10_000):
        try:
            out.append(json.loads(line)["text"])
        except (ValueError, KeyError):
            pass
    return out


def glossary_records():
    """Brief's glossary records, as (raw text of the record, {key: value})."""
    result = []
    for path in files(repo("Lexicons", "glossary"), (".txt",)):
        text = read(path).decode("utf-8")
        for block in text.split("\n\n"):
            fields = {}
            for line in block.split("\n"):
                if ":" in line and not line.startswith("#"):
                    key, value = line.split(":", 1)
                    fields[key.strip()] = value.strip()
            if "id" in fields:
                result.append((block, fields))
    return result


def terms(fields, language):
    return [t.strip() for t in fields.get(language, "").split("|") if t.strip()]


def seed_decode(c):
    for data in fixture_texts():
        c.add(data)
    for language, text in articles(6):
        head = text[: c.max_len]
        c.add(head)
        c.add(b"\xef\xbb\xbf" + head.encode("utf-8"))
        c.add(head.encode("utf-16"))          # with a BOM
        c.add(head.encode("utf-16-le"))       # without
        c.add(head[:2000].encode("utf-32"))
        if language == "ar":
            c.add(head.encode("cp1256", errors="ignore"))
            c.add(head.encode("iso8859-6", errors="ignore"))
        else:
            c.add(head.encode("cp1252", errors="ignore"))
            c.add(head.encode("latin-1", errors="ignore"))
            c.add(head.encode("mac-roman", errors="ignore"))
    c.add("Привет, мир. Это статья о ПВО.".encode("koi8-r"))
    c.add("Savunma Bakanlığı açıklama yaptı.".encode("iso8859-9"))
    c.add("防空システムの配備".encode("shift_jis"))
    c.add("Ministère de la Défense".encode("cp850"))


def seed_repair(c):
    for relative in ["repair/rewrapped-en.jsonl", "repair/rewrapped-fr.jsonl", "repair/rewrapped-ar.jsonl"]:
        for record in records(relative, 15):
            c.add(record.get("damaged", ""))
    for language, text in articles(3):
        c.add(text)
    for data in fixture_texts():
        c.add(data)


def seed_analyze(c):
    for language, text in articles(6):
        c.add(text)
    for record in records("press/press.jsonl", 40):
        c.add(record.get("text", ""))
    for text in head_texts()[:40]:
        c.add(text)
    for data in fixture_texts():
        c.add(data)


def seed_head(c):
    for text in head_texts():
        c.add(text)
    for record in records("press/press.jsonl", 200):
        c.add(record.get("text", "")[:1500])
    for record in records("extraction/copied.jsonl", 30):
        c.add(record.get("text", "")[:1500])
    for data in fixture_texts():
        c.add(data[:1500])


def seed_jsonl(c):
    for path in [repo("Tests", "Fixtures", "heads", "heads.jsonl"), repo("Tests", "Fixtures", "rouge", "pairs.jsonl"),
                 repo("Tests", "Fixtures", "rouge", "expected.jsonl")]:
        for line in raw_lines(path, 40):
            c.add(line, cut=False)
    for relative in ["summarization/cnndm.jsonl", "summarization/orangesum-fr.jsonl", "summarization/easc-ar.jsonl",
                     "repair/rewrapped-en.jsonl", "repair/rewrapped-ar.jsonl", "abbreviations/med1250.jsonl",
                     "mt/wmt24-en-es-news.jsonl", "stories/stories.jsonl", "press/press.jsonl"]:
        for line in raw_lines(os.path.join(EVAL, relative), 12):
            c.add(line, cut=False)  # a cut line is no longer JSON: keep whole lines only


def seed_glossary_txt(c):
    chunk = ""
    for block, _ in glossary_records():
        if len((chunk + block).encode("utf-8")) + 2 > c.max_len:
            c.add(chunk)
            chunk = ""
        chunk += block + "\n\n"
    c.add(chunk)
    for path in files(repo("Lexicons", "glossary"), (".txt",)):
        c.add(read(path))  # whole files (cut to the limit)


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def seed_tbx(c):
    entries = []
    for _, fields in glossary_records():
        parts = [f'<conceptEntry id="{escape(fields["id"])}">']
        if fields.get("category"):
            parts.append(f'<descrip type="subjectField">{escape(fields["category"])}</descrip>')
        if fields.get("def"):
            parts.append(f'<descrip type="definition">{escape(fields["def"])}</descrip>')
        for language in ["en", "ar", "fr", "es", "ru", "tr"]:
            found = terms(fields, language)
            if found:
                parts.append(f'<langSec xml:lang="{language}">'
                             + "".join(f"<termSec><term>{escape(t)}</term></termSec>" for t in found) + "</langSec>")
        parts.append("</conceptEntry>")
        entries.append("".join(parts))
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" xml:lang="en"><text><body>\n'
    tail = "\n</body></text></tbx>\n"
    for start in range(0, min(len(entries), 60), 6):
        c.add(head + "\n".join(entries[start:start + 6]) + tail)
    # The same as TBX v2.
    v2 = []
    for _, fields in glossary_records()[:12]:
        sets = "".join(f'<langSet xml:lang="{l}">' + "".join(f"<tig><term>{escape(t)}</term></tig>" for t in terms(fields, l))
                       + "</langSet>" for l in ["en", "ar", "fr"] if terms(fields, l))
        v2.append(f'<termEntry id="{escape(fields["id"])}">{sets}</termEntry>')
    c.add('<?xml version="1.0"?>\n<martif type="TBX" xml:lang="en"><text><body>' + "\n".join(v2) + "</body></text></martif>")


def pairs(first, second, limit):
    out = []
    for _, fields in glossary_records():
        a, b = terms(fields, first), terms(fields, second)
        if a and b:
            out.append((a[0], b[0]))
        if len(out) >= limit:
            break
    return out


def seed_delimited(c, separator):
    for first, second in [("en", "ar"), ("en", "fr"), ("ar", "en"), ("en", "es")]:
        rows = pairs(first, second, 40)
        if separator == "\t":
            c.add(f"{first}\t{second}\n" + "".join(f"{a}\t{b}\n" for a, b in rows))
            c.add("".join(f"{a}\t{b}\r\n" for a, b in rows[:10]))
        else:
            quote = lambda s: '"' + s.replace('"', '""') + '"' if ("," in s or '"' in s) else s
            c.add(f"{first},{second}\n" + "".join(f"{quote(a)},{quote(b)}\n" for a, b in rows))
            c.add("".join(f'"{a}","{b}","{first}","{second}"\r\n' for a, b in rows[:10]))


def seed_acronyms(c):
    for record in records("abbreviations/med1250.jsonl", 40):
        c.add((record.get("title") or "") + "\n" + (record.get("abstract") or ""))
    for language, text in articles(2):
        c.add(text)
    for data in fixture_texts():
        c.add(data)


def seed_pipeline(c):
    for language, text in articles(3):
        c.add(text)
    for record in records("press/press.jsonl", 10):
        c.add(record.get("text", ""))
    for relative in ["repair/rewrapped-en.jsonl", "repair/rewrapped-ar.jsonl"]:
        for record in records(relative, 3):
            c.add(record.get("damaged", ""))
    for data in fixture_texts():
        c.add(data)
    for text in head_texts()[:20]:
        c.add(text)


def seed_html(c):
    """Real pages (the extraction set, decompressed), cut to the limit, and hand-written ones."""
    import gzip
    for record in records("extraction/pages.jsonl", 30):
        path = os.path.join(EVAL, "extraction", record.get("path", ""))
        if os.path.isfile(path):
            try:
                c.add(gzip.open(path).read())
            except OSError:
                continue


def seed_copied(c):
    for record in records("press/press.jsonl", 40):
        c.add(record.get("text", ""))
    for record in records("extraction/copied.jsonl", 15):
        c.add(record.get("text", ""))


def seed_dates(c):
    for record in records("press/press.jsonl", 102):
        written = (record.get("gold") or {}).get("date_as_written")
        if isinstance(written, str):
            c.add(written)
        text = record.get("text", "")
        c.add("\n".join(text.split("\n")[:6]))


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: seeds.py TARGET OUTDIR MAXLEN (TARGET: {', '.join(TARGETS)})")
    target, folder, max_len = sys.argv[1], sys.argv[2], int(sys.argv[3])
    c = Corpus(folder, max_len)
    makers = {
        "decode": seed_decode, "repair": seed_repair, "analyze": seed_analyze, "head": seed_head, "byline": seed_head,
        "jsonl": seed_jsonl, "glossary-txt": seed_glossary_txt, "tbx": seed_tbx,
        "tsv": lambda c: seed_delimited(c, "\t"), "csv": lambda c: seed_delimited(c, ","),
        "config": lambda c: None, "acronyms": seed_acronyms, "html": seed_html, "copied": seed_copied, "dates": seed_dates, "pipeline": seed_pipeline, "selftest": lambda c: None,
    }
    makers[target](c)
    # Hand-written seeds of the target (and the head ones for byline).
    hand_seeds(c, target)
    if target == "byline":
        hand_seeds(c, "head")
    if target == "pipeline":
        hand_seeds(c, "decode")
        hand_seeds(c, "head")
    total = len(os.listdir(folder))
    where = EVAL if os.path.isdir(EVAL) else "no eval data"
    print(f"seeds: {total} files in {folder} ({c.count} new; eval data: {where})")


if __name__ == "__main__":
    main()
