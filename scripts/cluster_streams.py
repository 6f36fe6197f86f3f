#!/usr/bin/env python3
"""Story clustering figures: ingest each gold stream into a fresh store with `newsbrief ingest`, list the stories
with `newsbrief stories --format json`, and score them with ../shared/tools/score_clusters.py (B-cubed).

Usage: python3 scripts/cluster_streams.py [STREAM.jsonl ...]   (default: the three dev streams)
Run from the repository root after `cargo build --release`. Besides the whole stream, each hash-half of its articles
(FNV-1a of the article id, bit 7; the halves the clusterer's settings were tuned and checked on) is ingested alone
into its own store and scored. Prints one JSON line per stream and part.
"""
import json, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / 'shared'
BINARY = ROOT / 'target/release/newsbrief'
DEFAULT = [SHARED / 'data/stories' / n for n in ('multinews-dev.jsonl', 'ecbplus.jsonl', 't17-dev.jsonl')]


def half(article_id):
    h = 0xcbf29ce484222325
    for b in article_id.encode():
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return 'AB'[(h >> 7) & 1]


def score(stream, lines, work):
    part = work / 'stream.jsonl'
    part.write_text(''.join(lines), encoding='utf-8')
    db = work / 'stories.db'
    subprocess.run([BINARY, 'ingest', '--db', db, part], check=True, stdout=subprocess.DEVNULL)
    stories = json.loads(subprocess.run([BINARY, 'stories', '--db', db, '--format', 'json'], check=True,
                                        capture_output=True, text=True).stdout)
    pred = work / 'pred.jsonl'
    with open(pred, 'w', encoding='utf-8') as f:
        for story in stories:
            for article in story['articles']:
                f.write(json.dumps({'id': article, 'story': story['id']}) + '\n')
    out = subprocess.run([sys.executable, SHARED / 'tools/score_clusters.py', part, pred], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    streams = [Path(p) for p in sys.argv[1:]] or DEFAULT
    for stream in streams:
        lines = [l for l in open(stream, encoding='utf-8') if l.strip()]
        parts = {'all': lines}
        for name in 'AB':
            parts[name] = [l for l in lines if half(str(json.loads(l)['id'])) == name]
        for name, part in parts.items():
            with tempfile.TemporaryDirectory() as work:
                result = score(stream, part, Path(work))
            keep = ('articles', 'bcubed_precision', 'bcubed_recall', 'bcubed_f1', 'gold_stories', 'predicted_stories', 'missing')
            print(json.dumps({'stream': stream.stem, 'part': name, **{k: result[k] for k in keep}}))


if __name__ == '__main__':
    main()
