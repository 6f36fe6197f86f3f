#!/usr/bin/env python3
"""Scale figures of `newsbrief ingest`: synthetic streams of 1k, 10k and 100k articles (../shared/tools/make_stream.py N 7)
ingested into fresh stores on one core (RAYON_NUM_THREADS=1, taskset -c 0), full analysis, under /usr/bin/time -v.

Usage: python3 scripts/store_scale.py [N ...] [--work DIR]   (default N: 1000 10000 100000; DIR: a temporary folder)
Run from the repository root after `cargo build --release`. Prints one JSON line per N: articles read and stored, CPU
seconds (user + system) and articles per CPU second, wall seconds, peak resident memory (MB), store size (bytes per
stored article), and the time to open the finished store and add one more article (restoring the clustering state).
CPU time is the measure: on a shared machine wall time mostly tells the load. The 100k stream is about 270 MB.
"""
import argparse, json, os, re, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / 'shared'
BINARY = ROOT / 'target/release/newsbrief'


def timed(args, env):
    run = subprocess.run(['/usr/bin/time', '-v', *map(str, args)], capture_output=True, text=True, env=env, check=True)
    field = lambda name: re.search(rf'{name}: (.*)', run.stderr).group(1)
    wall = field(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\)').split(':')
    return run.stdout, {
        'cpu_s': float(field('User time \\(seconds\\)')) + float(field('System time \\(seconds\\)')),
        'wall_s': sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall))),
        'peak_mb': int(field('Maximum resident set size \\(kbytes\\)')) / 1024,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('sizes', nargs='*', type=int, default=[1000, 10000, 100000])
    ap.add_argument('--work')
    args = ap.parse_args()
    env = dict(os.environ, RAYON_NUM_THREADS='1')
    with tempfile.TemporaryDirectory() as temp:
        work = Path(args.work or temp)
        work.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            stream = work / f'stream{n}.jsonl'
            if not stream.exists():
                with open(stream, 'w') as f:
                    subprocess.run([sys.executable, SHARED / 'tools/make_stream.py', str(n), '7'], stdout=f, check=True)
            db = work / f'store{n}.db'
            for p in work.glob(f'store{n}.db*'):
                p.unlink()
            out, cost = timed(['taskset', '-c', '0', BINARY, 'ingest', '--db', db, stream], env)
            counts = dict(re.findall(r'^([a-z ]+): (\d+)', out, re.M))
            stored = int(counts['new'])
            one = work / 'one.jsonl'
            one.write_text(json.dumps({'id': 'one-more', 'text': 'A regional council voted on the budget for new parks '
                                       'and libraries on Monday, officials said.'}) + '\n')
            _, reopen = timed([BINARY, 'ingest', '--db', db, one], env)
            size = db.stat().st_size
            print(json.dumps({'articles': n, 'read': int(counts['articles read']), 'stored': stored,
                              'stories': int(counts['stories created']), 'cpu_s': round(cost['cpu_s'], 2),
                              'articles_per_cpu_s': round(int(counts['articles read']) / cost['cpu_s']),
                              'ms_per_article': round(1000 * cost['cpu_s'] / int(counts['articles read']), 3),
                              'wall_s': round(cost['wall_s'], 1), 'peak_mb': round(cost['peak_mb'], 1),
                              'store_mb': round(size / 2**20, 1), 'store_bytes_per_article': round(size / stored),
                              'reopen_and_add_one_cpu_s': round(reopen['cpu_s'], 2)}), flush=True)


if __name__ == '__main__':
    main()
