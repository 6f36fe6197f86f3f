#!/usr/bin/env python3
"""Python trafilatura and `newsbrief extract` side by side on the article-extraction pages, in
one run: F1 by shared/tools/score_extraction.py (all pages, and the "tune" and "check" halves of
scripts/score_extraction_halves.py), and pages per second.

Usage: scripts/extraction_speed.py [HTML_DIR] [--repeat N] [--also OTHER_NEWSBRIEF_BINARY]
Needs `pip install trafilatura` and `cargo build --release`. trafilatura is timed around its
extraction loop (imports and reading excluded); newsbrief as a whole process (reading and
decompressing the pages, start-up and JSON output included). Wall-clock and CPU time are the
best of N runs; CPU time (the process's user and system time) is much less disturbed by other
work on the machine than wall-clock time.
"""
import argparse, gzip, json, os, resource, subprocess, sys, tempfile, time

import trafilatura

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")


def score(predictions):
    """The scores on all pages, then on the tune and check halves."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(predictions, f)
    out = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "score_extraction_halves.py"), f.name],
                         check=True, capture_output=True, text=True).stdout
    os.unlink(f.name)
    return [json.loads(line) for line in out.splitlines()]


def run_binary(binary, html, repeat):
    """The best wall-clock and CPU seconds of `binary extract` over `repeat` runs, and its output."""
    best_wall, best_cpu, out = float("inf"), float("inf"), ""
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        out = subprocess.run([binary, "extract", html, "--format", "benchmark"], check=True,
                             capture_output=True, text=True).stdout
        best_wall = min(best_wall, time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best_cpu = min(best_cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return best_wall, best_cpu, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("html", nargs="?", default=os.path.join(SHARED, "data", "extraction", "html"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--also", action="append", default=[], metavar="BINARY",
                    help="another newsbrief binary to time in the same run (an earlier build)")
    a = ap.parse_args()
    names = sorted(n for n in os.listdir(a.html) if n.endswith(".html.gz"))
    pages = {n[: -len(".html.gz")]: gzip.open(os.path.join(a.html, n)).read() for n in names}
    n = len(pages)

    def scores(s):
        return "  ".join(f"{x['set']} {x['f1']:.4f}" for x in s) + f" (all: P {s[0]['precision']:.4f}, R {s[0]['recall']:.4f})"

    def line(name, wall, cpu, s):
        print(f"{name:34s} {n / wall:6.1f} pages/s  {1000 * wall / n:5.1f} ms/page  CPU {1000 * cpu / n:5.1f} ms/page  F1 {scores(s)}")

    # The runs alternate, so that a change in the machine's load falls on all of them alike.
    best_py = cpu_py = float("inf")
    binaries = [os.path.join(ROOT, "target", "release", "newsbrief"), *a.also]
    best = {b: (float("inf"), float("inf"), "") for b in binaries}
    predictions = {}
    for _ in range(a.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        predictions = {k: {"articleBody": trafilatura.extract(v) or ""} for k, v in pages.items()}
        best_py = min(best_py, time.perf_counter() - t0)
        cpu_py = min(cpu_py, time.process_time() - c0)
        for b in binaries:
            wall, cpu, out = run_binary(b, a.html, 1)
            best[b] = (min(best[b][0], wall), min(best[b][1], cpu), out)
    line(f"trafilatura {trafilatura.__version__}", best_py, cpu_py, score(predictions))
    for b in binaries:
        wall, cpu, out = best[b]
        name = "newsbrief extract" if b == binaries[0] else f"newsbrief extract ({b})"
        line(name, wall, cpu, score(json.loads(out)))
        print(f"{'':34s} {best_py / wall:.2f}x trafilatura's pages per second (whole process, all cores); "
              f"{cpu_py / cpu:.2f}x less CPU time")


if __name__ == "__main__":
    sys.exit(main())
