"""The issue's starting design.

match_key: a line-by-line mirror of the repository's Sources/BriefNames/NameMatcher.swift
(consonant classes with alternatives, article stripped, vowels/hamza/ain/w/y dropped, repeats
collapsed, match when the skeleton sets intersect).
match: the same plus the issue's long-vowel check, as described in the issue (re-implemented
here from the description: Arabic long vowels ا و ي, in order, must each find a compatible
Latin vowel group; short keys, two consonants or fewer, count as non-matching).
"""
import re

ARABIC = {
    'ب': ['B'], 'ت': ['T'], 'ط': ['T'], 'ث': ['S', 'T'], 'ج': ['J', 'G'], 'ح': ['H'], 'ه': ['H'], 'خ': ['K'],
    'د': ['D'], 'ض': ['D'], 'ذ': ['S', 'D'], 'ر': ['R'], 'ز': ['S'], 'س': ['S'], 'ص': ['S'], 'ظ': ['S', 'D'],
    'ش': ['X'], 'غ': ['G'], 'ف': ['F'], 'ق': ['K'], 'ك': ['K'], 'ل': ['L'], 'م': ['M'], 'ن': ['N'],
    'پ': ['B'], 'چ': ['X'], 'ڤ': ['F'], 'گ': ['G'],
}
DIGRAPHS = {'th': ['S', 'T'], 'dh': ['S', 'D'], 'kh': ['K'], 'gh': ['G'], 'sh': ['X'], 'ch': ['X']}
SINGLE = {'b': ['B'], 'p': ['B'], 't': ['T'], 'd': ['D'], 'j': ['J'], 'g': ['G', 'J'], 'h': ['H'],
          'k': ['K'], 'q': ['K'], 'c': ['K'], 's': ['S'], 'z': ['S'], 'r': ['R'], 'l': ['L'],
          'm': ['M'], 'n': ['N'], 'f': ['F'], 'v': ['F']}
ARABIC_RE = re.compile('[\u0600-\u06ff]')


def normalize(word):
    """ArabicNormalizer.normalize"""
    out = []
    for c in word:
        o = ord(c)
        if o in (0x0623, 0x0625, 0x0622, 0x0671):
            out.append('\u0627')
        elif o == 0x0629:
            out.append('\u0647')
        elif o == 0x0649:
            out.append('\u064A')
        elif o == 0x0640 or 0x064B <= o <= 0x065F or o == 0x0670:
            continue
        else:
            out.append(c)
    return ''.join(out)


def classes(name):
    s = list(normalize(name.lower()))
    if len(s) > 4 and s[0] == 'ا' and s[1] == 'ل':
        s = s[2:]
    elif len(s) > 4 and s[0] in 'ae' and s[1] == 'l' and s[2] in '- ':
        s = s[3:]
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        nxt = s[i + 1] if i + 1 < len(s) else ' '
        if c in ARABIC:
            out.append(ARABIC[c]); i += 1; continue
        if c + nxt in DIGRAPHS:
            out.append(DIGRAPHS[c + nxt]); i += 2; continue
        if c in SINGLE:
            out.append(SINGLE[c])
        elif c == 'x':
            out.append(['K']); out.append(['S'])
        i += 1
    return out


def skeletons(name):
    results = ['']
    for cls in classes(name):
        nxt = []
        for partial in results:
            for option in cls:
                if len(nxt) >= 64:
                    break
                nxt.append(partial if (option and partial.endswith(option)) else partial + option)
        results = nxt
    return sorted(set(results))


def key(name):
    sk = skeletons(name)
    return sk[0] if sk else ''


def match_key(a, b):
    left = set(skeletons(a))
    right = skeletons(b)
    if not right or not right[0]:
        return False
    return any(r in left for r in right)


# --- the long-vowel check ---------------------------------------------------------
VOK = {'A': set('a'), 'U': set('ouw'), 'I': set('eiy')}


def _vowels(s):
    if ARABIC_RE.search(s):
        s = normalize(s)
        s = s[2:] if s.startswith('ال') and len(s) > 4 else s
        return [{'ا': 'A', 'و': 'U', 'ي': 'I'}[c] for c in s[1:] if c in 'اوي']
    s = re.sub('[^a-z]', '', s.lower())
    s = s[2:] if re.match('(al|el)', s) and len(s) > 4 else s
    return re.findall('[aeiouyw]+', s[1:])


def _vowel_ok(ar, lat):
    j = 0
    for v in ar:
        while j < len(lat) and not (set(lat[j]) & VOK[v]):
            j += 1
        if j == len(lat):
            return False
        j += 1
    return True


def match(a, b):
    if not match_key(a, b):
        return False
    if min(len(k) for k in skeletons(a) + skeletons(b)) <= 2:
        return False  # short keys need a lexicon hit: counted as non-matching
    aa, ba = bool(ARABIC_RE.search(a)), bool(ARABIC_RE.search(b))
    if aa and not ba:
        return _vowel_ok(_vowels(a), _vowels(b))
    if ba and not aa:
        return _vowel_ok(_vowels(b), _vowels(a))
    return True
