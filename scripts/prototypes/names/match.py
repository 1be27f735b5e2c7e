"""Cross-script name matcher (prototype for brief's NameMatcher). Specification: MATCHING.md.

A name (Arabic or Latin script) is read as a graph: nodes are positions, each edge is a *unit*
(a set of class symbols: consonant classes upper case, vowel classes lower case) or an epsilon
(a part that may be skipped, such as the article). Two names match when the cheapest
alignment of a path through one graph with a path through the other is within a threshold
for every token (word) of either name; the threshold grows with the token's consonant count.

    key(s)       primary consonant skeleton (str)
    keys(s)      every consonant skeleton (set of str; the key-only variant)
    match(a, b)  bool
"""
import re, unicodedata

# ---------------------------------------------------------------------------------------
# parameters (costs; see MATCHING.md section 5)
P = dict(
    CSUB=1.0,      # consonant aligned with a consonant of another class
    CNEAR=0.7,     # ... of a near class (NEAR)
    VSUB=0.5,      # vowel aligned with a vowel of another class (pairs not in VPAIR)
    XSUB=1.0,      # vowel aligned with a consonant
    DIPH=0.2,      # extra cost of the English long-vowel reading of a, i, y (a -> ey, i -> ay)
    CDEL=1.0,      # consonant unaligned (either script)
    MDEL=1.0,      # unit of a multi-unit reading unaligned
    DBL=0.0,       # second of a doubled letter unaligned
    HDEL=0.2,      # latin h unaligned
    SILENT=0.3,    # latin silent gh
    FINC=0.3,      # latin token-final t s x z d unaligned (French)
    LV=0.3,        # latin single vowel letter unaligned (medial)
    LVO=0.4,       # ... o or u
    LVC=0.4,       # latin vowel letter next to another vowel letter, unaligned
    LVD=1.0,       # latin vowel digraph (ou, ee, ei, ...) unaligned as a whole
    LVD1=0.5,      # ... in the token's first vowel group (after initial consonants)
    LVC1=0.3,      # latin cluster vowel letter unaligned, in the first vowel group
    LVF=1.0,       # latin token-final vowel a i o u y unaligned
    LVE=0.0,       # latin token-final e (or e before final t s x z d only) unaligned
    LVI=1.0,       # latin token-initial vowel unaligned
    AV=0.7,        # arabic long vowel letter ا و ي ى آ unaligned
    AINIT=0.5,     # arabic token-initial ا أ إ unaligned
    AIN=0.2,       # ع unaligned
    HAMZA=0.1,     # ء ؤ ئ and medial أ إ unaligned
    AFIN=0.1,      # token-final ه unaligned
    ATM=0.7,       # ة unaligned
    T=(0.4, 0.4, 0.5, 0.7, 1.3, 1.5),  # threshold by token size 0, 1, 2, 3, 4, >=5
)
VPAIR = {'ao': 0.2, 'au': 0.7, 'eo': 0.7, 'eu': 0.7, 'io': 0.7, 'iu': 0.7}
NEAR = {'BF', 'DT', 'SX', 'MN', 'GK', 'HK', 'JX', 'LR', 'JY', 'FW', 'BW'}

# ---------------------------------------------------------------------------------------
# Arabic table: letter -> alternatives ('|'), each a sequence of units ('.'), each unit a
# string of class symbols.
AR_TABLE = {
    'ا': 'a', 'أ': 'aeiou', 'إ': 'i', 'آ': 'a',
    'ب': 'B', 'پ': 'B', 'ت': 'T', 'ط': 'T', 'ث': 'ST', 'ج': 'JG', 'چ': 'X',
    'ح': 'H', 'خ': 'KH', 'د': 'D', 'ذ': 'SD', 'ر': 'R', 'ز': 'S', 'س': 'S', 'ش': 'X',
    'ص': 'S', 'ض': 'DS', 'ظ': 'SD', 'ع': 'aeiou', 'غ': 'G', 'ف': 'F', 'ڤ': 'F',
    'ق': 'KG', 'ك': 'K', 'گ': 'G', 'ل': 'L', 'م': 'M', 'ن': 'N', 'ه': 'H',
    'و': 'uW', 'ي': 'iY', 'ى': 'ai', 'ة': 'aeHT|ae.HT',
    'ء': 'aeiou', 'ؤ': 'uW', 'ئ': 'iY',
}
AR_INITIAL = {'ا': 'aeiou', 'و': 'W', 'ي': 'Y'}   # token-initial readings (token of 2+ letters)
AR_FINAL = {'ه': 'Hae'}                            # token-final readings
AR_DIGRAPHS = {'تش': 'X'}
AR_INITIAL_DIGRAPHS = {'او': 'u', 'أو': 'u', 'اي': 'i', 'أي': 'i', 'إي': 'i'}
AR_FOLD = {'ی': 'ي', 'ې': 'ي', 'ے': 'ي', 'ک': 'ك', 'ٱ': 'ا', 'ۀ': 'ه', 'ە': 'ه', 'ھ': 'ه',
           'ڨ': 'ق', 'ڭ': 'گ', 'ﻻ': 'لا'}
AR_MARKS = re.compile('[\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed]')
AR_VOWEL_LETTERS = set('اوىيآ')
AR_HAMZAS = set('ءؤئأإ')
AR_ARTICLE_AFTER = ('عبد', 'ابو', 'أبو', 'بو')     # ال after these prefixes may be skipped
AR_BIN = {'ابن': 'بن', 'بن': 'بن'}
AR_SUN = set('تثدذرزسشصضطظلن')
AR_SILENT = {('عمرو', 3)}                           # (token, position) of a silent letter

# ---------------------------------------------------------------------------------------
# Latin table: grapheme -> list of (context, alternatives).  Context: '' anywhere, 'initial'
# token start, 'final' token end, 'before:XY' next letter (after a run of the same letter,
# for single letters) is one of XY.  A '*' before an alternative adds DIPH when used; an
# empty alternative means the grapheme may be silent (cost SILENT).  For a single letter, a
# matching context rule replaces the letter's '' rule.
LAT_TABLE = {
    # vowels
    'a': [('', 'a|*a.iY')], 'e': [('', 'ei')], 'i': [('', 'i|*a.iY')], 'o': [('', 'ou')],
    'u': [('', 'u')], 'y': [('', 'iY|*a.iY'), ('initial-before:aeiou', 'Y')],
    'aa': [('', 'ao')], 'ae': [('', 'eai')], 'ai': [('', 'eia|a.iY')], 'ay': [('', 'eia|a.iY')],
    'au': [('', 'oua|a.uW')], 'aw': [('', 'o|a.uW')], 'ea': [('', 'iea')], 'ee': [('', 'ie')],
    'ei': [('', 'ie|a.iY')], 'ey': [('', 'ei|a.iY')], 'eu': [('', 'oue|o.iY')],
    'eau': [('', 'o')], 'eo': [('', 'oe')], 'ie': [('', 'ie')], 'ii': [('', 'i')],
    'oa': [('', 'o')], 'oe': [('', 'ueo')], 'oi': [('', 'o.iY|uW.a')], 'oo': [('', 'uo')],
    'ou': [('', 'u|a.uW'), ('initial', 'W')], 'ow': [('', 'o|a.uW')], 'uu': [('', 'u')],
    'ij': [('', 'iY|a.iY')], 'iy': [('', 'i')], 'igh': [('', 'i|a.iY')], 'eigh': [('', 'ie|a.iY')],
    # consonants
    'b': [('', 'B')], 'p': [('', 'B')], 'ph': [('', 'F')], 'f': [('', 'F')],
    'v': [('', 'FW')], 'w': [('', 'WF')],
    't': [('', 'T'), ('final', 'TD')], 'th': [('', 'TS')], 'tch': [('', 'X')],
    'tsch': [('', 'X')], 'dt': [('', 'T')],
    'd': [('', 'D'), ('final', 'DT')], 'dh': [('', 'DS')], 'dj': [('', 'J')],
    'dz': [('', 'J')],
    's': [('', 'S'), ('before:tp', 'SX')], 'sh': [('', 'X')], 'sch': [('', 'X')],
    'shch': [('', 'X')], 'sz': [('', 'SX')], 'sc': [('before:ei', 'X')],
    'z': [('', 'S|T.S')], 'zh': [('', 'JX')],
    'c': [('', 'K|T.S'), ('before:eiy', 'SXKJ|T.S'), ('final', 'KX|T.S')],
    'ch': [('', 'XK')], 'cz': [('', 'X')], 'cs': [('', 'X')], 'ck': [('', 'K')],
    'cq': [('', 'K')],
    'k': [('', 'K')], 'kh': [('', 'KH')],
    'q': [('', 'KG'), ('before:i', 'KGX')], 'qu': [('', 'KG|KG.W')],
    'g': [('', 'GJK')], 'gh': [('', 'GH|')], 'gn': [('', 'N.iY')], 'gli': [('', 'L.iY')],
    'gu': [('before:ei', 'GJK')],
    'h': [('', 'H')], 'j': [('', 'JYKH')],
    'l': [('', 'L')], 'll': [('', 'L|iY')], 'lh': [('', 'L.iY')],
    'm': [('', 'M')], 'n': [('', 'N')], 'nh': [('', 'N.iY')], 'r': [('', 'R')],
    'x': [('', 'K.S|X|S|KH')],
    # spellings of a token's start or end
    'mc': [('initial', 'M.a.K')], 'kn': [('initial', 'N')], 'wr': [('initial', 'R')],
    'wh': [('initial', 'W')], 'ier': [('final', 'iY.iY.e|iY.e')],
}
LAT_MAXG = max(len(g) for g in LAT_TABLE)
LAT_VOWELS = set('aeiouy')
LAT_VOWEL_DIGRAPHS = {g for g in LAT_TABLE if len(g) > 1 and (set(g) <= LAT_VOWELS or g in ('aw', 'ow', 'ij', 'igh', 'eigh'))}
LAT_FOLD = {'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'å': 'aa', 'ł': 'l', 'đ': 'd', 'ð': 'd',
            'þ': 'th', 'ñ': 'ny', 'ş': 'sh', 'ș': 'sh', 'š': 'sh', 'č': 'ch', 'ć': 'ch',
            'ž': 'zh', 'ç': 's', 'ı': 'i', 'ğ': 'g', 'ţ': 't', 'ț': 't'}
LAT_ARTICLES = {'al', 'el', 'ul', 'il', 'ad', 'ar', 'as', 'ash', 'ach', 'at', 'az', 'an', 'ed', 'er', 'ech',
                'es', 'esh', 'et', 'ez', 'en', 'ath', 'adh', 'eth', 'edh'}
LAT_BIN = {'ibn': 'bn', 'bin': 'bn', 'ben': 'bn'}

ARABIC = re.compile('[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]')


def is_ar(s):
    return bool(ARABIC.search(s))


# ---------------------------------------------------------------------------------------
# graphs
class Graph:
    """nodes 0..n-1 in topological order; out[v] = [(to, classes or None, delete cost,
    extra cost when aligned, token index)]; sizes[t] = size of token t"""

    def __init__(self):
        self.out = [[]]
        self.sizes = []

    def node(self):
        self.out.append([])
        return len(self.out) - 1

    def edge(self, a, b, cls, dele, tok, extra=0.0, span=None):
        self.out[a].append((b, frozenset(cls) if cls is not None else None, dele, extra, tok,
                            span))

    def add_alternatives(self, a, b, spec, dele, tok, mdel=None, span=None):
        """edges a -> b for every alternative of spec ('|' alternatives, '.' units)"""
        for alt in spec.split('|'):
            extra = 0.0
            if alt.startswith('*'):
                alt, extra = alt[1:], P['DIPH']
            if alt == '':
                self.edge(a, b, None, P['SILENT'], tok, span=span)
                continue
            units = alt.split('.')
            d = dele if len(units) == 1 else (P['MDEL'] if mdel is None else mdel)
            u = a
            for k, cls in enumerate(units):
                v = b if k == len(units) - 1 else self.node()
                self.edge(u, v, cls, d, tok, extra if k == 0 else 0.0, span)
                u = v

    def finish(self):
        """renumber nodes topologically; the end node is the last"""
        n = len(self.out)
        indeg = [0] * n
        for es in self.out:
            for e in es:
                indeg[e[0]] += 1
        order, stack = [], [0]
        while stack:
            v = stack.pop()
            order.append(v)
            for e in self.out[v]:
                indeg[e[0]] -= 1
                if indeg[e[0]] == 0:
                    stack.append(e[0])
        num = {v: k for k, v in enumerate(order)}
        self.out = [[(num[e[0]],) + e[1:] for e in self.out[v]] for v in order]
        self.n = n
        return self


def tokens_ar(s):
    s = unicodedata.normalize('NFC', s)
    s = AR_MARKS.sub('', s)
    s = ''.join(AR_FOLD.get(c, c) for c in s)
    toks = [t for t in re.split(r'[^\u0621-\u064a\u067e\u0686\u06a4\u06af]+', s) if t]
    return [AR_BIN.get(t, t) for t in toks]


def tokens_lat(s):
    s = s.lower()
    s = ''.join(LAT_FOLD.get(c, c) for c in s)
    s = unicodedata.normalize('NFD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c))
    s = re.sub("['\u2019\u02bf\u02be`]", '', s)
    toks = [t for t in re.split('[^a-z]+', s) if t]
    return [LAT_BIN.get(t, t) for t in toks]


def _ar_delete_cost(tok, i):
    c, n = tok[i], len(tok)
    if (tok, i) in AR_SILENT:
        return 0.0
    if i == 0 and c in 'اأإ' and n > 1:
        return P['AINIT']
    if c in AR_VOWEL_LETTERS:
        return P['AV']
    if c == 'ع':
        return P['AIN']
    if c in AR_HAMZAS:
        return P['HAMZA']
    if c == 'ة':
        return P['ATM']
    if c == 'ه' and i == n - 1 and n > 1:
        return P['AFIN']
    if i > 0 and tok[i - 1] == c:
        return P['DBL']
    return P['CDEL']


def _ar_token(g, start, tok, t, arar=False):
    n = len(tok)
    pos = [start] + [g.node() for _ in tok]
    for i, c in enumerate(tok):
        spec = AR_TABLE.get(c)
        if arar and c == 'ع':
            spec = 'Q'          # Arabic against Arabic: ain is a letter of its own
        if spec is None:
            g.edge(pos[i], pos[i + 1], None, 0.0, t, span=(i, i + 1))
            continue
        if i == 0 and n > 1 and c in AR_INITIAL:
            spec = AR_INITIAL[c]
        elif i == n - 1 and n > 1 and c in AR_FINAL:
            spec = AR_FINAL[c]
        g.add_alternatives(pos[i], pos[i + 1], spec, _ar_delete_cost(tok, i), t, span=(i, i + 1))
        for dg, dspec in AR_DIGRAPHS.items():
            if tok.startswith(dg, i):
                g.add_alternatives(pos[i], pos[i + len(dg)], dspec, P['CDEL'], t,
                                   span=(i, i + len(dg)))
        if i == 0:
            for dg, dspec in AR_INITIAL_DIGRAPHS.items():
                if tok.startswith(dg) and n > len(dg):
                    g.add_alternatives(pos[0], pos[len(dg)], dspec, P['AV'], t,
                                       span=(0, len(dg)))
    for st in [0] + [len(p) for p in AR_ARTICLE_AFTER if tok.startswith(p)]:
        if tok.startswith('ال', st) and n - st - 2 >= 2:
            g.edge(pos[st], pos[st + 2], None, 0.0, t, span=(st, st + 2))
            if tok[st + 2] in AR_SUN:                 # assimilated: as-, ash-, an-, es-, ech-
                g.edge(pos[st], pos[st + 2], frozenset('ae'), 0.0, t, span=(st, st + 2))
    return pos[-1]


def _lat_delete_cost(tok, i):
    c, n = tok[i], len(tok)
    if i > 0 and tok[i - 1] == c and c not in 'aeiou':
        return P['DBL']
    if c == 'h':
        return P['HDEL']
    if c in LAT_VOWELS and not (c == 'y' and 0 < i < n - 1 and tok[i + 1] in 'aeiou'):
        if c == 'e' and 0 < i < n - 1 and tok[i + 1:] in ('s', 'nt', 'nts'):
            return P['LVE']
        if i == n - 1:
            return P['LVE'] if c == 'e' else P['LVF']
        if i == 0:
            return P['LVI']
        if tok[i - 1] in 'aeiou' or tok[i + 1] in 'aeiou':
            return P['LVC1'] if _first_vowel_group(tok, i) else P['LVC']
        return P['LVO'] if c in 'ou' else P['LV']
    if i == n - 1 and c in 'tsxzd':
        return P['FINC']
    return P['CDEL']


def _first_vowel_group(tok, i):
    """whether position i is in the token's first vowel group that does not start the token
    (the vowel of the first syllable after the first consonant)"""
    m = re.search('[^aeiouy]([aeiouy]+)', tok)
    return bool(m) and m.start(1) <= i < m.end(1)


def _lat_context_ok(ctx, tok, i, L):
    if ctx == '':
        return True
    n = len(tok)
    for part in ctx.split('-'):
        if part == 'initial':
            if i != 0:
                return False
        elif part == 'final':
            if i + L != n:
                return False
        elif part.startswith('before:'):
            k = i + L
            if L == 1:
                while k < n and tok[k] == tok[i]:
                    k += 1
            if k >= n or tok[k] not in part[7:]:
                return False
    return True


def lat_rules_at(tok, i):
    """(length, alternatives) of every table rule that applies at position i"""
    out = []
    for L in range(1, LAT_MAXG + 1):
        gr = tok[i:i + L]
        if len(gr) < L or gr not in LAT_TABLE:
            continue
        rules = [(ctx, spec) for ctx, spec in LAT_TABLE[gr] if _lat_context_ok(ctx, tok, i, L)]
        if L == 1 and any(ctx for ctx, _ in rules):
            rules = [(ctx, spec) for ctx, spec in rules if ctx]
        for ctx, spec in rules:
            out.append((L, spec))
    return out


def _lat_token(g, start, tok, t):
    n = len(tok)
    pos = [start] + [g.node() for _ in tok]
    for i in range(n):
        rules = lat_rules_at(tok, i)
        for L, spec in rules:
            if L == 1:
                dele = _lat_delete_cost(tok, i)
            elif tok[i:i + L] in LAT_VOWEL_DIGRAPHS:
                dele = P['LVD1'] if _first_vowel_group(tok, i) and i + L < n else P['LVD']
            else:
                dele = 99.0      # letters of other graphemes are deleted one by one
            g.add_alternatives(pos[i], pos[i + L], spec, dele, t, span=(i, i + L))
        if not rules:
            g.edge(pos[i], pos[i + 1], None, 0.0, t, span=(i, i + 1))
    for a, b in _lat_article_spans(tok):
        g.edge(pos[a], pos[b], None, 0.0, t, span=(a, b))
    return pos[-1]


def _lat_article_spans(tok):
    """character spans of a glued article that may be skipped: al-/el- at the start, the
    article after abd (abdul, abdel, abdur-r...) and the l after abu/abou/bou"""
    spans = []
    n = len(tok)
    if re.match('(al|el)', tok) and n - 2 >= 3:
        spans.append((0, 2))
    m = re.match('[ae](th|dh|sh|t|d|r|z|s|n)\\1', tok)
    if m and n - 1 - len(m.group(1)) >= 3:
        spans.append((0, 1 + len(m.group(1))))
    if tok.startswith('abd') and n >= 5:
        if re.match('[aeiou]l', tok[3:]):
            spans.append((3, 5))
        m = re.match('[aeiou](th|dh|sh|t|d|r|z|s|n)\\1', tok[3:])
        if m:
            spans.append((3, 4 + len(m.group(1))))
    for p in ('abou', 'abu', 'abo', 'bou', 'bu'):
        if tok.startswith(p) and n > len(p) + 3 and tok[len(p)] == 'l':
            spans.append((len(p), len(p) + 1))
            break
    return spans


def graph(s, arar=False):
    """the graph of a name; arar: the other name is Arabic too"""
    g = Graph()
    ar = is_ar(s)
    toks = tokens_ar(s) if ar else tokens_lat(s)
    g.toks, g.ar = toks, ar
    cur = 0
    for t, tok in enumerate(toks):
        start = cur
        if ar:
            cur = _ar_token(g, start, tok, t, arar)
            skippable = tok == 'ال'
        else:
            cur = _lat_token(g, start, tok, t)
            skippable = tok in LAT_ARTICLES and t + 1 < len(toks)
        if skippable:
            g.edge(start, cur, None, 0.0, t, span=(0, len(tok)))
        g.sizes.append(len(_primary_key(tok, ar, collapse=False)))
    return g.finish()


# ---------------------------------------------------------------------------------------
# keys
def _consonant(cls):
    return cls is not None and all(c.isupper() for c in cls)


def _collapse(k):
    return re.sub(r'(.)\1+', r'\1', k)


def _primary_key(tok, ar, collapse=True):
    """the consonant skeleton of one token read greedily: longest grapheme first, first
    alternative, first class of each consonant unit; no article skipped.  With collapse,
    repeated classes are written once; without, only a doubled letter is"""
    out = []
    i, n = 0, len(tok)
    while i < n:
        if ar:
            L, spec = 1, AR_TABLE.get(tok[i], '')
            for dg, dspec in AR_DIGRAPHS.items():
                if tok.startswith(dg, i):
                    L, spec = len(dg), dspec
            if L == 1 and i == 0 and n > 1 and tok[i] in AR_INITIAL:
                spec = AR_INITIAL[tok[i]]
            elif L == 1 and i == n - 1 and n > 1 and tok[i] in AR_FINAL:
                spec = AR_FINAL[tok[i]]
        else:
            rules = lat_rules_at(tok, i)
            if not rules:
                i += 1
                continue
            L = max(r[0] for r in rules)
            spec = [s for l, s in rules if l == L][0]
        alt = spec.split('|')[0].lstrip('*')
        doubled = i > 0 and tok[i] == tok[i - 1]
        for u in alt.split('.'):
            if u and _consonant(u) and not doubled:
                out.append(u[0])
            elif u and not _consonant(u):
                out.append('.')
        i += L
    k = ''.join(out)
    return _collapse(k.replace('.', '')) if collapse else k.replace('.', '')


def key(s):
    """primary consonant skeleton of a name (tokens concatenated)"""
    ar = is_ar(s)
    return _collapse(''.join(_primary_key(t, ar) for t in (tokens_ar(s) if ar else tokens_lat(s))))


def keys(s, cap=256):
    """every consonant skeleton of a name (all paths, all class alternatives; vowel and
    semivowel units dropped; repeats collapsed), at most cap of them"""
    g = graph(s)
    memo = {}

    def walk(v):
        if v == g.n - 1:
            return {''}
        if v in memo:
            return memo[v]
        res = set()
        for (b, cls, *_rest) in g.out[v]:
            heads = sorted(cls) if _consonant(cls) else ['']
            for h in heads:
                for tail in walk(b):
                    res.add(h + tail)
                    if len(res) >= cap:
                        break
        memo[v] = res
        return res

    return {_collapse(k) for k in walk(0)}


def match_key(a, b):
    """key-only variant: some skeleton in common, of 3 consonants or more"""
    return any(len(k) >= 3 for k in keys(a) & keys(b))


def is_short(a, b):
    return min(len(key(a)), len(key(b))) <= 2


# ---------------------------------------------------------------------------------------
# alignment
_SUBC = {}


def _sub(x, y):
    r = _SUBC.get((x, y))
    if r is not None:
        return r
    if x & y:
        r = 0.0
    else:
        r = P['XSUB']
        for p in x:
            for q in y:
                if p.islower() and q.islower():
                    r = min(r, VPAIR.get(''.join(sorted(p + q)), P['VSUB']))
                elif p.isupper() and q.isupper():
                    r = min(r, P['CNEAR'] if ''.join(sorted(p + q)) in NEAR else P['CSUB'])
    _SUBC[(x, y)] = r
    return r


def align(g1, g2, limit=float('inf')):
    """cheapest alignment: (cost, steps); a step is (edge of g1 or None, edge of g2 or None,
    cost).  Cells above limit are not extended (the result is then inf)."""
    INF = float('inf')
    N, M = g1.n, g2.n
    D = [[INF] * M for _ in range(N)]
    BP = [[None] * M for _ in range(N)]
    D[0][0] = 0.0
    out1, out2 = g1.out, g2.out
    for i in range(N):
        Di, Bi = D[i], BP[i]
        for j in range(M):
            d = Di[j]
            if d > limit:
                continue
            for e1 in out1[i]:
                v = d + e1[2]
                if v < D[e1[0]][j]:
                    D[e1[0]][j] = v
                    BP[e1[0]][j] = (i, j, e1, None, e1[2])
            for e2 in out2[j]:
                v = d + e2[2]
                if v < Di[e2[0]]:
                    Di[e2[0]] = v
                    Bi[e2[0]] = (i, j, None, e2, e2[2])
            for e1 in out1[i]:
                if e1[1] is None:
                    continue
                Db, Bb = D[e1[0]], BP[e1[0]]
                for e2 in out2[j]:
                    if e2[1] is None:
                        continue
                    c = _sub(e1[1], e2[1]) + e1[3] + e2[3]
                    v = d + c
                    if v < Db[e2[0]]:
                        Db[e2[0]] = v
                        Bb[e2[0]] = (i, j, e1, e2, c)
    cost = D[N - 1][M - 1]
    if cost == INF:
        return cost, []
    steps = []
    i, j = N - 1, M - 1
    while (i, j) != (0, 0):
        pi, pj, e1, e2, c = BP[i][j]
        steps.append((e1, e2, c))
        i, j = pi, pj
    return cost, steps[::-1]


def threshold(size):
    return P['T'][min(size, len(P['T']) - 1)]


def token_costs(g1, g2, steps):
    """cost of the alignment charged to each token of either name: a step is charged to the
    token it consumes on each side, or, on the side it does not consume, to the token of that
    side's last consumed unit (the first token before any)"""
    c1 = [0.0] * len(g1.sizes)
    c2 = [0.0] * len(g2.sizes)
    t1 = t2 = 0
    for e1, e2, c in steps:
        if e1 is not None:
            t1 = e1[4]
        if e2 is not None:
            t2 = e2[4]
        c1[t1] += c
        c2[t2] += c
    return c1, c2


def dropped_vowel_groups(g, steps, side):
    """Latin vowel groups (runs of a e i o u y, 2+ letters) none of whose letters is aligned
    or skipped as part of an article: [(token, start, end, first group?)]"""
    if g.ar:
        return []
    used = [set() for _ in g.toks]
    for st in steps:
        e = st[side]
        if e is None:
            continue
        other = st[1 - side]
        if e[1] is None or other is not None:       # skipped (epsilon) or aligned
            used[e[4]].update(range(*e[5]))
    out = []
    for t, tok in enumerate(g.toks):
        for m in re.finditer('[aeiouy]{2,}', tok):
            if not (used[t] & set(range(m.start(), m.end()))):
                out.append((t, m.start(), m.end(), _first_vowel_group(tok, m.start())))
    return out


def dropped_long_vowels(g, steps, side):
    """Arabic long vowel letters (ا و ي ى, not token-initial) left unaligned:
    [(token, position)]"""
    out = []
    for st in steps:
        e = st[side]
        if e is None or st[1 - side] is not None or e[1] is None:
            continue
        t, (i, j) = e[4], e[5]
        if j - i == 1 and i > 0 and g.toks[t][i] in 'اويى':
            out.append((t, i))
    return out


AR_AR_LONG_VOWEL_MAX_SIZE = 4


def match(a, b):
    arar = is_ar(a) and is_ar(b)
    g1, g2 = graph(a, arar), graph(b, arar)
    if not g1.sizes or not g2.sizes:
        return False
    # every step is charged once to a token of each name, so the total is bounded by the
    # sum of either name's thresholds
    limit = min(sum(threshold(s) for s in g1.sizes), sum(threshold(s) for s in g2.sizes)) + 1e-9
    cost, steps = align(g1, g2, limit)
    if cost > limit:
        return False
    # vowel check: a long Latin vowel (a group of 2+ vowel letters) after the first syllable
    # must be aligned with something
    for g, side in ((g1, 0), (g2, 1)):
        if any(not first for _, _, _, first in dropped_vowel_groups(g, steps, side)):
            return False
    # both Arabic: a long vowel letter left unaligned in a token of size 4 or less
    # (محمد / محمود, حسن / حسين) rejects
    if g1.ar and g2.ar:
        for g, side in ((g1, 0), (g2, 1)):
            if any(g.sizes[t] <= AR_AR_LONG_VOWEL_MAX_SIZE for t, _ in dropped_long_vowels(g, steps, side)):
                return False
    c1, c2 = token_costs(g1, g2, steps)
    return (all(c <= threshold(s) + 1e-9 for c, s in zip(c1, g1.sizes))
            and all(c <= threshold(s) + 1e-9 for c, s in zip(c2, g2.sizes)))


def distance(a, b):
    """alignment cost and the smallest token size (tuning aid)"""
    arar = is_ar(a) and is_ar(b)
    g1, g2 = graph(a, arar), graph(b, arar)
    if not g1.sizes or not g2.sizes:
        return float('inf'), 0
    cost, steps = align(g1, g2, 3.0)
    return cost, min(g1.sizes + g2.sizes)


def explain(a, b):
    arar = is_ar(a) and is_ar(b)
    g1, g2 = graph(a, arar), graph(b, arar)
    cost, steps = align(g1, g2)
    f = lambda e: '-' if e is None else ('eps' if e[1] is None else ''.join(sorted(e[1])))
    return cost, g1.sizes, g2.sizes, [(f(e1), f(e2), round(c, 2)) for e1, e2, c in steps if c > 0 or e1 is None or e2 is None]
