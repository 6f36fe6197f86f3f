#!/usr/bin/env python3
"""Scores the 836 fixture pairs with rouge-score and with `newsbrief score`, in one run, and
prints pairs per second for each and the ratio.

Usage: scripts/rouge_speed.py [PAIRS.jsonl] [--repeat N]
Needs `pip install rouge-score` and a release build (`cargo build --release`).
rouge-score is timed around its scoring loop only (imports excluded); newsbrief as a whole
process (start-up, reading, JSON output included), stemmed and unstemmed pairs as the file says.
"""
import argparse, json, os, subprocess, sys, tempfile, time

from rouge_score import rouge_scorer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pairs", nargs="?", default=os.path.join(ROOT, "..", "shared", "fixtures", "rouge", "pairs.jsonl"))
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    rows = [json.loads(l) for l in open(a.pairs) if l.strip()]
    types = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
    scorers = {s: rouge_scorer.RougeScorer(types, use_stemmer=s) for s in (False, True)}

    best_py = float("inf")
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        for r in rows:
            scorers[r["stemmed"]].score(r["reference"], r["candidate"])
        best_py = min(best_py, time.perf_counter() - t0)

    binary = os.path.join(ROOT, "target", "release", "newsbrief")
    files = {}
    with tempfile.TemporaryDirectory() as tmp:
        for stemmed in (False, True):
            path = os.path.join(tmp, f"stem{int(stemmed)}.jsonl")
            with open(path, "w") as f:
                for r in rows:
                    if r["stemmed"] == stemmed:
                        f.write(json.dumps({"candidate": r["candidate"], "reference": r["reference"]}) + "\n")
            files[stemmed] = path
        best_rs = float("inf")
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            subprocess.run([binary, "score", files[True]], check=True, stdout=subprocess.DEVNULL)
            subprocess.run([binary, "score", "--no-stem", files[False]], check=True, stdout=subprocess.DEVNULL)
            best_rs = min(best_rs, time.perf_counter() - t0)

    n = len(rows)
    print(f"rouge-score 0.1.2  {n / best_py:10.0f} pairs/s  ({best_py * 1000:.0f} ms for {n} pairs, best of {a.repeat})")
    print(f"newsbrief score    {n / best_rs:10.0f} pairs/s  ({best_rs * 1000:.0f} ms for {n} pairs, whole processes, best of {a.repeat})")
    print(f"ratio              {best_py / best_rs:10.1f}x")


if __name__ == "__main__":
    sys.exit(main())
