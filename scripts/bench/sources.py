"""Scores brief extract's metadata on the press pages by language (see sources.sh)."""
import json, re, subprocess, sys

extracted, gold_path, scorer = sys.argv[1:4]
converted = extracted + '.scored'
bad_names = []
with open(converted, 'w') as sink:
    for line in open(extracted):
        record = json.loads(line)
        for field in ('outlet', 'author', 'place'):
            value = record.get(field)
            # A name field must hold a name: not a date or a time ("2019/08/30", "09:45", a year),
            # not a bare number, not a label ("Source:"); "Kurdistan 24" is a name.
            digits = value and value.translate({code: ord('0') + code - 0x660 for code in range(0x660, 0x66A)})
            if value and (re.search(r'\d+\s*[:/.\-]\s*\d+', digits) or re.fullmatch(r'[\d\W_]+', digits)
                          or re.search(r'\b(1[89]|20)\d\d\b', digits) or re.search(r'(?i)^(source|by|par|المصدر|كتب)\b|:$', value)):
                bad_names.append((record['id'], field, value))
        sink.write(json.dumps({'id': record['id'], 'outlet': record.get('outlet'), 'title': record.get('title'),
                               'date': record.get('date'), 'place': record.get('place'), 'author': record.get('author'),
                               'body': record.get('text') or ''}, ensure_ascii=False) + '\n')
result = json.loads(subprocess.run([sys.executable, scorer, gold_path, converted, '--by-lang'], capture_output=True, text=True, check=True).stdout)


def row(name, scores):
    cells = []
    for field in ('outlet', 'date', 'place', 'author', 'title'):
        s = scores[field]
        def share(value):
            return '    -' if value is None else '%5.1f%%' % (100 * value)
        cells.append('%s found %s of %2d, invented %s of %2d' % (field, share(s['found_when_present']), s['gold_present'],
                                                                 share(s['invented_when_absent']), s['gold_absent']))
    print('%-4s %s' % (name, ' | '.join(cells)))


row('all', result)
for language, scores in sorted(result.get('by_lang', {}).items()):
    row(language, scores)
print('name fields holding a date, time, number or label: %d' % len(bad_names))
for item in bad_names[:20]:
    print('  ', *item)
