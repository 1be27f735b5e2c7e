"""Simple regex sentence splitter shared by the peer yardsticks (sumy-speed.py, rouge.py --lead).

Yardstick only: not used by `brief`. It exists because sumy's own sentence splitter is NLTK
Punkt, whose data (punkt_tab) is downloaded from GitHub and cannot be fetched here.

Rules (deliberately simple, language-agnostic):
  * a newline is always a sentence boundary;
  * otherwise split after one or more of . ! ? … (plus any closing quotes/brackets) when
    followed by whitespace and then an upper-case letter, a digit or an opening quote/bracket;
  * do not split after a single capital letter ("J. K. Rowling", "M. Macron"), a dotted
    acronym ("U.S.", "U.N.": so "in the U.S. He said" stays one sentence) or a few common
    title/month abbreviations ("Mr.", "Dr.", "Gen.", "Jan.", "Mme.").
No splitting happens without whitespace after the full stop ("américains.Au" stays glued).
Because `brief` has its own splitter, Lead-K computed with this module is not brief's lead.
"""
import re

_ABBREV = frozenset(
    """mr mrs ms dr prof st jr sr gen gov sen rep lt col sgt capt cmdr adm maj rev
    vs etc inc ltd co corp nos fig approx dept
    jan feb apr jun jul aug sep sept oct nov dec
    mm mme mmes mlle""".split()
)

# candidate boundary: terminal punctuation, optional closers, whitespace
_CANDIDATE = re.compile(r"[.!?\u2026]+[\"'\u2019\u201d\u00bb)\]]*\s+")
_OPENERS = "\"'\u2018\u201c\u00ab([\u2014\u2013-"
_WORD_BEFORE = re.compile(r"(\S+)$")


def _split_line(line):
    out = []
    start = 0
    for m in _CANDIDATE.finditer(line):
        end = m.end()
        if end >= len(line):
            break
        nxt = line[end]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            continue
        punct = line[m.start()]
        if punct == ".":
            w = _WORD_BEFORE.search(line, start, m.start())
            if w:
                word = w.group(1).lstrip("\"'(\u2018\u201c\u00ab[")
                bare = word.rstrip(".").lower()
                # single capital letter ("J.") or dotted acronym ("U.S", "U.N") or known abbreviation
                if (len(word) == 1 and word.isupper()) or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word) \
                        or bare in _ABBREV:
                    continue
        sent = line[start:end].strip()
        if sent:
            out.append(sent)
        start = end
    tail = line[start:].strip()
    if tail:
        out.append(tail)
    return out


def split_sentences(text):
    """Return the list of sentences of `text` (stripped, non-empty)."""
    out = []
    for line in text.splitlines():
        if line.strip():
            out.extend(_split_line(line))
    return out


if __name__ == "__main__":
    import sys

    for s in split_sentences(sys.stdin.read()):
        print(s)
