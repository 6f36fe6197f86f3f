#!/usr/bin/env python3
"""Fits a supervised date ranker for timelines (as news-tls's DATEWISE has): a logistic regression from the
evidence `newsbrief timeline --days` prints for every candidate day to whether the day is a gold date, over
the TUNE half's gold timelines, and compares its ranking with the hand-set one newsbrief uses.

Usage: tls_fit_days.py NEWSBRIEF DATA_DIR [--topics T1,T2] [--c C] [--log] [--unbalanced] [--top K]
  (e.g. scripts/tls_fit_days.py target/release/newsbrief ../shared/data/tls; run it with a Python that
  has scikit-learn, such as $HOME/.venvs/peers/bin/python)

Each gold timeline is set up as run_tls.py does (only the articles published between its first and last
gold date, --start/--end those dates); each day's values are scaled by their largest over the timeline's
days (or log(1 + value) with --log). Prints the weights (one line, comma-separated, in the order of the
evidence's fields, newsbrief::DayEvidence::NAMES) on stdout, and on stderr the rows, gold days, and for the
fitted and the hand-set ranking (DayEvidence's `heuristic`) the mean average precision and the date F1 of
the top T days (T = the gold timeline's dates), both in sample.
The topics default to the tune half of scripts/tls_halves.py (odd SHA-256 of the topic name); the check
half is never read unless named.
"""
import argparse, json, math, os, subprocess, sys, tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tls_halves import half  # noqa: E402


def timelines(folder):
    for line in open(folder / 'timelines.jsonl', encoding='utf-8'):
        if line.strip():
            tl = json.loads(line)
            yield tl['name'], {d['date'][:10] for d in tl['timeline']}


def evidence(newsbrief, folder, gold):
    start, end = min(gold), max(gold)
    with tempfile.TemporaryDirectory(prefix='tls_fit_') as tmp:
        arts = Path(tmp) / 'articles.jsonl'
        with open(folder / 'articles.jsonl', encoding='utf-8') as src, open(arts, 'w', encoding='utf-8') as dst:
            for line in src:
                if line.strip() and start <= json.loads(line)['published'][:10] <= end:
                    dst.write(line)
        out = subprocess.run([newsbrief, 'timeline', str(arts), '--start', start, '--end', end, '--days'],
                             capture_output=True, text=True, check=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def average_precision(scores, labels):
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits, total = 0, 0.0
    for rank, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / max(1, sum(labels))


def top_f1(scores, labels, t):
    order = sorted(range(len(scores)), key=lambda i: -scores[i])[:t]
    hits = sum(labels[i] for i in order)
    return 2 * hits / (len(order) + sum(labels)) if order else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('newsbrief')
    ap.add_argument('data_dir')
    ap.add_argument('--topics', help='comma-separated topic folders (default: the tune half)')
    ap.add_argument('--c', type=float, default=1.0, help='inverse regularisation strength')
    ap.add_argument('--log', action='store_true', help='log(1 + value) in place of value / largest')
    ap.add_argument('--unbalanced', action='store_true', help='no class weights')
    ap.add_argument('--top', type=int, default=0, help='fit only on the days the hand-set ranking puts in its top K*T')
    a = ap.parse_args()
    from sklearn.linear_model import LogisticRegression

    folders = sorted(p for p in Path(a.data_dir).iterdir() if (p / 'timelines.jsonl').exists())
    wanted = a.topics.split(',') if a.topics else [f.name for f in folders if half(f.name) == 'tune']
    groups = []
    names = None
    for folder in folders:
        if folder.name not in wanted:
            continue
        for name, gold in timelines(folder):
            days = evidence(a.newsbrief, folder, gold)
            if not days:
                continue
            names = [k for k in days[0] if k != 'day']
            largest = [max(d[k] for d in days) or 1.0 for k in names]
            x = [[d[k] / m for k, m in zip(names, largest)] for d in days]
            if a.log:
                x = [[math.log1p(d[k]) for k in names] for d in days]
            y = [int(d['day'] in gold) for d in days]
            if a.top:
                keep = sorted(range(len(days)), key=lambda i: -days[i]['heuristic'])[:a.top * len(gold)]
                x, y = [x[i] for i in keep], [y[i] for i in keep]
            groups.append((name, x, y, len(gold)))
    xs = [r for _, x, _, _ in groups for r in x]
    ys = [v for _, _, y, _ in groups for v in y]
    model = LogisticRegression(C=a.c, class_weight=None if a.unbalanced else 'balanced', max_iter=10000).fit(xs, ys)
    weights = model.coef_[0]
    rankings = {'fitted': lambda r: sum(w * v for w, v in zip(weights, r)), 'hand-set': lambda r: r[0]}
    print(f'{len(groups)} timelines, {len(ys)} days, {sum(ys)} gold', file=sys.stderr)
    for label, rank in rankings.items():
        ap = sum(average_precision([rank(r) for r in x], y) for _, x, y, _ in groups) / len(groups)
        f1 = sum(top_f1([rank(r) for r in x], y, t) for _, x, y, t in groups) / len(groups)
        print(f'{label:9} in sample: MAP {ap:.4f}, top-T date F1 {f1:.4f}', file=sys.stderr)
    for k, w in zip(names, weights):
        print(f'{k:16} {w:+.4f}', file=sys.stderr)
    print(','.join(f'{w:.4f}' for w in weights))


if __name__ == '__main__':
    main()
