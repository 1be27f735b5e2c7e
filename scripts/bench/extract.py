"""Runs brief and trafilatura on the extraction pages and scores both (see extract.sh)."""
import argparse, gzip, json, os, resource, subprocess, sys, tempfile, time

parser = argparse.ArgumentParser()
parser.add_argument('--brief', required=True)
parser.add_argument('--shared', required=True)
args = parser.parse_args()
extraction = os.path.join(args.shared, 'eval', 'extraction')
press = os.path.join(args.shared, 'eval', 'press', 'press.jsonl')
tools = os.path.join(args.shared, 'tools')
out = tempfile.mkdtemp(prefix='extract-bench-')


def score(scorer, gold, pred, *extra):
    result = subprocess.run([sys.executable, os.path.join(tools, scorer), gold, pred, *extra], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def run_brief(arguments, output):
    """Runs brief on one core; returns its CPU seconds (user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(output, 'w') as sink:
        subprocess.run(['taskset', '-c', '0', args.brief, *arguments], stdout=sink, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


pages = [json.loads(line) for line in open(os.path.join(extraction, 'pages.jsonl'))]
gold_html = os.path.join(extraction, 'ground-truth.json')

print('== HTML pages (%d), F1 by score_extraction.py; pages/s on one core' % len(pages))
# Both read the same bytes: the pages decompressed beforehand (trafilatura gets them as strings,
# brief as files listed in a JSON Lines file), so neither pays for gzip.
plain = os.path.join(out, 'pages')
os.makedirs(plain)
with open(os.path.join(plain, 'pages.jsonl'), 'w') as listing:
    for page in pages:
        name = os.path.basename(page['path'])[:-len('.gz')] if page['path'].endswith('.gz') else os.path.basename(page['path'])
        with open(os.path.join(plain, name), 'wb') as sink:
            sink.write(gzip.open(os.path.join(extraction, page['path'])).read())
        listing.write(json.dumps({'id': page['id'], 'url': page.get('url'), 'path': name}) + '\n')
brief_html = os.path.join(out, 'brief-html.jsonl')
# The shared machine is noisy: each side's best of three passes.
seconds = min(run_brief(['extract', '--jsonl', os.path.join(plain, 'pages.jsonl')], brief_html) for _ in range(3))
brief_rate = len(pages) / seconds
print('brief       ', score('score_extraction.py', gold_html, brief_html), ' %.0f pages/s (%.2f s CPU)' % (brief_rate, seconds))

os.sched_setaffinity(0, {0})
import trafilatura  # noqa: E402
htmls = [(page['id'], gzip.open(os.path.join(extraction, page['path'])).read().decode('utf-8')) for page in pages]
trafilatura.extract(htmls[0][1], include_comments=False)
traf_out = os.path.join(out, 'trafilatura-html.jsonl')
passes = []
for _ in range(3):
    cpu = 0.0
    with open(traf_out, 'w') as sink:
        for page_id, html in htmls:
            started = time.process_time()
            text = trafilatura.extract(html, include_comments=False)
            cpu += time.process_time() - started
            sink.write(json.dumps({'id': page_id, 'text': text or ''}) + '\n')
    passes.append(cpu)
cpu = min(passes)
traf_rate = len(htmls) / cpu
print('trafilatura ', score('score_extraction.py', gold_html, traf_out), ' %.0f pages/s (%.2f s CPU)' % (traf_rate, cpu))
print('speed ratio brief / trafilatura: %.1fx' % (brief_rate / traf_rate))

print('== copied text of the same pages (w3m dumps)')
copied = os.path.join(extraction, 'copied.jsonl')
brief_copied = os.path.join(out, 'brief-copied.jsonl')
seconds = run_brief(['extract', '--input', 'text', '--jsonl', copied], brief_copied)
print('brief       ', score('score_extraction.py', copied, brief_copied), ' %.0f pages/s' % (len(pages) / seconds))

if os.path.exists(press):
    print('== press pages (copied text)')
    brief_press = os.path.join(out, 'brief-press.jsonl')
    run_brief(['extract', '--input', 'text', '--jsonl', press], brief_press)
    converted = os.path.join(out, 'brief-press-scored.jsonl')
    with open(converted, 'w') as sink:
        for line in open(brief_press):
            record = json.loads(line)
            sink.write(json.dumps({'id': record['id'], 'outlet': record.get('outlet'), 'title': record.get('title'),
                                   'date': record.get('date'), 'place': record.get('place'), 'author': record.get('author'),
                                   'body': record.get('text') or ''}, ensure_ascii=False) + '\n')
    print(score('score_press.py', press, converted))
    # brief summarize on the same pages: a chosen sentence that is a clutter line of the gold
    # (the score_press.py folding, whole line inside the sentence or the sentence inside it).
    sys.path.insert(0, tools)
    from score_press import clutter_candidates, fold_keep  # noqa: E402
    summaries = os.path.join(out, 'brief-press-summaries.jsonl')
    run_brief(['summarize', '--jsonl', press, '--sentences', '3'], summaries)
    gold = {json.loads(line)['id']: json.loads(line) for line in open(press)}
    chosen = clutter_chosen = 0
    pages_with_clutter = set()
    for line in open(summaries):
        record = json.loads(line)
        if 'sentences' not in record:
            continue
        clutter = clutter_candidates(gold[record['id']])
        for sentence in record['sentences']:
            chosen += 1
            folded = fold_keep(sentence)
            if folded and any(folded in c or c in folded for c in clutter):
                clutter_chosen += 1
                pages_with_clutter.add(record['id'])
    print('summarize --sentences 3 on the press pages: %d sentences chosen, %d of them clutter lines (%d pages)'
          % (chosen, clutter_chosen, len(pages_with_clutter)))
print('outputs in', out)
