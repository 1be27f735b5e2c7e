#!/usr/bin/env python3
"""Evaluate the name matchers on the gold transliteration pairs.

usage: python3 eval.py [--k K] [--fails N] [--only match|key|baseline|baseline-key]
                       [--half A|B|all] [--files NAME] [--no-extra]

Each file is split in two halves by the Arabic string (crc32(arabic) % 2: A = 0, B = 1), so
one Arabic spelling never appears in both halves.  For every half:
  gold      share of its gold pairs that match
  non-pairs each gold Arabic paired with the English of another random pair of the same half
            (a random permutation, fixed seed, re-drawn where it would give a gold pair or the
            same English); one permutation is the required figure ("x1"), and K permutations
            (default 20) give a steadier estimate ("xK").  The same is done Latin-vs-Latin
            (English of pair i vs English of pair p(i), skipping two spellings of one gold
            Arabic) and Arabic-vs-Arabic (skipping two Arabic spellings of one gold English).
Then, per variant, on whole files:
  project   the non-pairs of scripts/bench/translit-score.py (seed 20261125; one random other
            English per gold Arabic, dropped only when it equals the gold English), as the
            project's bench builds them; "of which gold" counts non-pairs that are in fact a
            gold pair of the same Arabic (spelling variants in wikidata)
and, once: same-root Arab names (arab-names.tsv: designed on; arab-names-2.tsv: written
before testing, held out), compound and multiword names (compounds.tsv), and synthetic
two-word names from half B (two gold pairs joined; near misses: second word swapped).
"""
import argparse, collections, os, random, sys, time, zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import match as M
import baseline as B

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../../shared/eval/translit')
FILES = ['ar-en-google.tsv', 'ar-en-wikidata.tsv']


def load(name):
    rows = []
    for line in open(os.path.join(DATA, name), encoding='utf-8'):
        a, e = line.rstrip('\n').split('\t')
        rows.append((a, e))
    return rows


def half(a):
    return 'AB'[zlib.crc32(a.encode('utf-8')) % 2]


def perm_pairs(n, seed, ok):
    """a list of (i, j), j != i, drawn by a seeded random permutation; where ok(i, j) fails,
    j is re-drawn at random (same generator)."""
    rng = random.Random(seed)
    p = list(range(n))
    rng.shuffle(p)
    out = []
    for i in range(n):
        j = p[i]
        tries = 0
        while (j == i or not ok(i, j)) and tries < 100:
            j = rng.randrange(n)
            tries += 1
        if tries < 100:
            out.append((i, j))
    return out


VARIANTS = {
    'match': ('final matcher (match.py: match)', M.match),
    'key': ('key only (match.py: match_key, some common skeleton of 3+ classes)', M.match_key),
    'baseline': ('issue design + long-vowel check, short keys non-matching (baseline.py: match)', B.match),
    'baseline-key': ('issue design, key only = repo NameMatcher.swift (baseline.py: match_key)', B.match_key),
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--k', type=int, default=20)
    ap.add_argument('--fails', type=int, default=0)
    ap.add_argument('--only', action='append')
    ap.add_argument('--half', action='append')
    ap.add_argument('--files', action='append')
    ap.add_argument('--no-extra', action='store_true')
    args = ap.parse_args()
    allrows = {f: load(f) for f in FILES}
    gold = set(p for rows in allrows.values() for p in rows)
    ar2en = collections.defaultdict(set)
    en2ar = collections.defaultdict(set)
    for a, e in gold:
        ar2en[a].add(e)
        en2ar[e].add(a)
    variants = args.only or list(VARIANTS)
    for v in variants:
        title, fn = VARIANTS[v]
        print(f'== {title}')
        print(f'{"file":20} {"half":4} {"gold":>6} {"match%":>7} {"short%":>7} '
              f'{"ArLa x1":>9} {"ArLa xK":>14} {"LaLa xK":>14} {"ArAr xK":>14}')
        for f in args.files or FILES:
            for h in args.half or ['A', 'B', 'all']:
                rows = [r for r in allrows[f] if h == 'all' or half(r[0]) == h]
                n = len(rows)
                t0 = time.time()
                hit = 0
                fails = []
                short = 0
                for a, e in rows:
                    if fn(a, e):
                        hit += 1
                    else:
                        fails.append((a, e))
                    if M.is_short(a, e):
                        short += 1
                res = {}
                for kind in ('ArLa', 'LaLa', 'ArAr'):
                    fp = tot = fp1 = tot1 = 0
                    fps = []
                    for k in range(args.k):
                        if kind == 'ArLa':
                            ok = lambda i, j: rows[j][1] not in ar2en[rows[i][0]]
                            get = lambda i, j: (rows[i][0], rows[j][1])
                        elif kind == 'LaLa':
                            ok = lambda i, j: (rows[i][1] != rows[j][1]
                                               and not (en2ar[rows[i][1]] & en2ar[rows[j][1]]))
                            get = lambda i, j: (rows[i][1], rows[j][1])
                        else:
                            ok = lambda i, j: (rows[i][0] != rows[j][0]
                                               and not (ar2en[rows[i][0]] & ar2en[rows[j][0]]))
                            get = lambda i, j: (rows[i][0], rows[j][0])
                        seed = zlib.crc32(f'{f}/{h}/{kind}/{k}'.encode())
                        for i, j in perm_pairs(n, seed, ok):
                            x, y = get(i, j)
                            m = fn(x, y)
                            tot += 1
                            fp += m
                            if k == 0:
                                tot1 += 1
                                fp1 += m
                            if m:
                                fps.append((x, y))
                    res[kind] = (fp, tot, fp1, tot1, fps)
                ar = res['ArLa']
                print(f'{f:20} {h:4} {n:6} {100*hit/n:7.2f} {100*short/n:7.2f} '
                      f'{100*ar[2]/ar[3]:8.3f}% '
                      + ' '.join(f'{100*res[k][0]/res[k][1]:7.3f}%({res[k][0]:4})'
                                 for k in ('ArLa', 'LaLa', 'ArAr'))
                      + f'  [{time.time()-t0:.0f}s]', flush=True)
                if args.fails and h != 'all':
                    rng = random.Random(1)
                    sample = fails if len(fails) <= args.fails else rng.sample(fails, args.fails)
                    print('  misses:', ' '.join(f'{a}/{e}' for a, e in sample))
                    for kind in ('ArLa', 'LaLa', 'ArAr'):
                        fps = sorted(set(res[kind][4]))
                        print(f'  false {kind}:', ' '.join(f'{a}/{e}' for a, e in fps[:args.fails]))

        if args.no_extra:
            continue
        for f in args.files or FILES:
            pairs = project_pairs(f)
            npairs = project_non_pairs(pairs)
            g = sum(1 for a, e in pairs if fn(a, e))
            m = [(a, e) for a, e in npairs if fn(a, e)]
            ingold = sum(1 for p in m if p in gold)
            print(f'{f:20} project bench: gold {100*g/len(pairs):.2f}% ({len(pairs)}), non-pairs '
                  f'{100*len(m)/len(npairs):.3f}% ({len(m)}/{len(npairs)}; of which gold {ingold}: '
                  f'{100*(len(m)-ingold)/len(npairs):.3f}% without them)')
    if not args.no_extra:
        extras(allrows)


def project_pairs(f):
    """scripts/bench/translit-score.py load()"""
    pairs = []
    for line in open(os.path.join(DATA, f), encoding='utf-8'):
        parts = line.rstrip('\n').split('\t')
        if len(parts) >= 2 and parts[0].strip() and parts[1].strip():
            pairs.append((parts[0].strip(), parts[1].strip()))
    return pairs


def project_non_pairs(pairs):
    """scripts/bench/translit-score.py non_pairs()"""
    rng = random.Random(20261125)
    out = []
    for i, (arabic, english) in enumerate(pairs):
        j = rng.randrange(len(pairs) - 1)
        if j >= i:
            j += 1
        if pairs[j][1].lower() != english.lower():
            out.append((arabic, pairs[j][1]))
    return out


def load_names(path):
    rows = []
    for line in open(path, encoding='utf-8'):
        a, ls = line.rstrip('\n').split('\t')
        rows.append((a, ls.split()))
    return rows


def skel(a):
    import re
    return re.sub('[اأإآوويىةءؤئ]', '', a)


def extras(allrows):
    here = os.path.dirname(os.path.abspath(__file__))
    print('== same-root Arab names: own spellings matched; spellings of another name with the '
          'same consonants matched')
    for lst in ('arab-names.tsv', 'arab-names-2.tsv'):
        rows = load_names(os.path.join(here, lst))
        own = [(a, l) for a, ls in rows for l in ls]
        conf = [(a, l) for a, _ in rows for b, ls in rows if b != a and skel(a) == skel(b) for l in ls]
        print(f'{lst:18} ' + '  '.join(
            f'{v}: own {sum(1 for p in own if VARIANTS[v][1](*p))}/{len(own)} other '
            f'{sum(1 for p in conf if VARIANTS[v][1](*p))}/{len(conf)}' for v in VARIANTS))
    print('== compounds.tsv (multiword; ! = must not match)')
    pos = neg = pos_ok = neg_ok = 0
    bad = []
    for line in open(os.path.join(here, 'compounds.tsv'), encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        a, ls = line.rstrip('\n').split('\t')
        want = not a.startswith('!')
        a = a.lstrip('!')
        for l in ls.split(' | '):
            got = M.match(a, l)
            if want:
                pos += 1; pos_ok += got
            else:
                neg += 1; neg_ok += not got
            if got != want:
                bad.append(f'{"" if want else "!"}{a} / {l}')
    print(f'match: should match {pos_ok}/{pos}; should not {neg_ok}/{neg}; wrong: ' + '; '.join(bad))
    print('== synthetic two-word names, half B (two gold pairs joined by a space)')
    for f in FILES:
        rows = [r for r in allrows[f] if half(r[0]) == 'B']
        rng = random.Random(zlib.crc32(f'multi/{f}'.encode()))
        n = 2000
        ok = near = 0
        for _ in range(n):
            i, j, k = rng.randrange(len(rows)), rng.randrange(len(rows)), rng.randrange(len(rows))
            while rows[k][1] == rows[j][1] or rows[k][0] == rows[j][0]:
                k = rng.randrange(len(rows))
            a = rows[i][0] + ' ' + rows[j][0]
            ok += M.match(a, rows[i][1] + ' ' + rows[j][1])
            near += M.match(a, rows[i][1] + ' ' + rows[k][1])
        print(f'{f:20} match: gold {100*ok/n:.2f}%  second word swapped {100*near/n:.3f}%  ({n} each)')


if __name__ == '__main__':
    main()
