#!/usr/bin/env python3
"""Shared-ingest figures: a synthetic stream (../shared/tools/make_stream.py N SEED, default 20000 7) ingested by
W `newsbrief ingest --shard K/W` workers at once into a fresh PostgreSQL database, for each W given (default 1 2 4),
and by one `newsbrief ingest` into a fresh SQLite file; the stories of each store scored against the stream's gold
stories with ../shared/tools/score_clusters.py (B-cubed).

Usage: python3 scripts/pg_workers.py --url postgres://USER@HOST:PORT/DB [--articles N] [--seed S]
                                     [--stream FILE] [--workers W ...] [--batch B] [--repeat R] [--work DIR]
Run from the repository root after `cargo build --release`. The URL's user must be allowed to create databases
(the script makes and drops one per run, with psql); it defaults to $NEWSBRIEF_TEST_POSTGRES. Each worker analyses
on all cores (rayon), as `newsbrief ingest` does by default. Prints one JSON line per run: the setting, whole wall
time from the first worker's start to the last one's exit, articles read per wall second, the workers' CPU
seconds (user + system; the PostgreSQL server's own CPU is not in it), the articles stored and the stories, and
B-cubed precision / recall / F1, and whether the stories (as sets of article ids) are the same as the first run's
(one worker on SQLite). With --repeat R the settings run R times, in turn (so that the machine's load
moves all of them alike). --stream FILE takes a gold stream instead (e.g. ../shared/data/stories/t17-dev.jsonl).
"""
import argparse, json, os, re, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / 'shared'
BINARY = ROOT / 'target/release/newsbrief'


def psql(url, sql):
    subprocess.run(['psql', '-q', '-v', 'ON_ERROR_STOP=1', url, '-c', sql], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, PGOPTIONS='-c client_min_messages=warning'))


def database_url(url, name):
    return f"{url}{'&' if '?' in url else '?'}dbname={name}"


def ingest(db, stream, workers, work, batch):
    """Runs `workers` ingest processes at once (sharded when more than one); returns wall and CPU seconds and the
    summed summary counts."""
    start = time.monotonic()
    procs = []
    for k in range(1, workers + 1):
        shard = ['--shard', f'{k}/{workers}'] if workers > 1 else []
        out, err = open(work / f'out{k}', 'w+'), open(work / f'err{k}', 'w+')
        procs.append((subprocess.Popen([BINARY, 'ingest', '--db', db, '--batch', str(batch), *shard, stream], stdout=out, stderr=err), out, err))
    cpu, counts = 0.0, {}
    for proc, out, err in procs:
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        cpu += usage.ru_utime + usage.ru_stime
        out.seek(0), err.seek(0)
        if proc.returncode != 0:
            sys.exit(f'ingest failed ({proc.returncode}): {err.read()}')
        for key, value in re.findall(r'^([a-z ]+): (\d+)', out.read(), re.M):
            counts[key] = counts.get(key, 0) + int(value)
        out.close(), err.close()
    return time.monotonic() - start, cpu, counts


def bcubed(db, stream, work):
    stories = json.loads(subprocess.run([BINARY, 'stories', '--db', db, '--format', 'json'], check=True,
                                        capture_output=True, text=True).stdout)
    pred = work / 'pred.jsonl'
    with open(pred, 'w', encoding='utf-8') as f:
        for story in stories:
            for article in story['articles']:
                f.write(json.dumps({'id': article, 'story': story['id']}) + '\n')
    score = json.loads(subprocess.run([sys.executable, SHARED / 'tools/score_clusters.py', stream, pred], check=True,
                                      capture_output=True, text=True).stdout)
    partition = frozenset(frozenset(story['articles']) for story in stories)
    return len(stories), score, partition


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--url', default=os.environ.get('NEWSBRIEF_TEST_POSTGRES'))
    ap.add_argument('--articles', type=int, default=20000)
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--workers', type=int, nargs='+', default=[1, 2, 4])
    ap.add_argument('--repeat', type=int, default=1)
    ap.add_argument('--batch', type=int, default=256, help="ingest's --batch (articles a commit)")
    ap.add_argument('--stream', help='a gold stream to ingest instead of a synthetic one')
    ap.add_argument('--work')
    args = ap.parse_args()
    if not args.url:
        sys.exit('no PostgreSQL server: give --url or set NEWSBRIEF_TEST_POSTGRES')
    with tempfile.TemporaryDirectory() as temp:
        work = Path(args.work or temp)
        work.mkdir(parents=True, exist_ok=True)
        stream = Path(args.stream) if args.stream else work / f'stream{args.articles}-{args.seed}.jsonl'
        if not stream.exists():
            with open(stream, 'w') as f:
                subprocess.run([sys.executable, SHARED / 'tools/make_stream.py', str(args.articles), str(args.seed)],
                               stdout=f, check=True)
        settings = [('sqlite', 1)] + [('postgresql', w) for w in args.workers]
        first_partition = None
        for run in range(args.repeat):
            for engine, workers in settings:
                if engine == 'sqlite':
                    db = work / 'store.db'
                    for p in work.glob('store.db*'):
                        p.unlink()
                    db = str(db)
                else:
                    name = f'nb_workers_{os.getpid()}_{workers}'
                    psql(args.url, f'DROP DATABASE IF EXISTS {name}')
                    psql(args.url, f'CREATE DATABASE {name}')
                    db = database_url(args.url, name)
                wall, cpu, counts = ingest(db, stream, workers, work, args.batch)
                stories, score, partition = bcubed(db, stream, work)
                first_partition = first_partition or partition
                if engine == 'postgresql':
                    psql(args.url, f'DROP DATABASE {name}')
                read = counts['articles read']
                print(json.dumps({
                    'run': run + 1, 'stream': stream.name, 'engine': engine, 'workers': workers, 'batch': args.batch,
                    'read': read, 'stored': counts['new'], 'wall_s': round(wall, 2),
                    'articles_per_s': round(read / wall), 'worker_cpu_s': round(cpu, 2),
                    'stories': stories, 'bcubed_p': score['bcubed_precision'],
                    'bcubed_r': score['bcubed_recall'], 'bcubed_f1': score['bcubed_f1'],
                    'missing': score['missing'], 'same_stories_as_first_run': partition == first_partition,
                }), flush=True)


if __name__ == '__main__':
    main()
