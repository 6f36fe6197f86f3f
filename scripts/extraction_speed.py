#!/usr/bin/env python3
"""Python trafilatura and `newsbrief extract` side by side on the article-extraction pages, in
one run: F1 by shared/tools/score_extraction.py (all pages, and the "tune" and "check" halves of
scripts/score_extraction_halves.py), and pages per second.

Usage: scripts/extraction_speed.py [HTML_DIR] [--repeat N]
Needs `pip install trafilatura` and `cargo build --release`. trafilatura is timed around its
extraction loop (imports and reading excluded); newsbrief as a whole process (reading and
decompressing the pages, start-up and JSON output included).
"""
import argparse, gzip, json, os, subprocess, sys, tempfile, time

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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("html", nargs="?", default=os.path.join(SHARED, "data", "extraction", "html"))
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    names = sorted(n for n in os.listdir(a.html) if n.endswith(".html.gz"))
    pages = {n[: -len(".html.gz")]: gzip.open(os.path.join(a.html, n)).read() for n in names}

    best_py, predictions = float("inf"), {}
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        predictions = {k: {"articleBody": trafilatura.extract(v) or ""} for k, v in pages.items()}
        best_py = min(best_py, time.perf_counter() - t0)
    py = score(predictions)

    binary = os.path.join(ROOT, "target", "release", "newsbrief")
    best_rs, out = float("inf"), ""
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        out = subprocess.run([binary, "extract", a.html, "--format", "benchmark"], check=True,
                             capture_output=True, text=True).stdout
        best_rs = min(best_rs, time.perf_counter() - t0)
    rs = score(json.loads(out))

    n = len(pages)

    def scores(s):
        return "  ".join(f"{x['set']} {x['f1']:.4f}" for x in s) + f" (all: P {s[0]['precision']:.4f}, R {s[0]['recall']:.4f})"

    print(f"trafilatura {trafilatura.__version__:8s} {n / best_py:6.1f} pages/s  {1000 * best_py / n:5.1f} ms/page  F1 {scores(py)}")
    print(f"newsbrief extract    {n / best_rs:6.1f} pages/s  {1000 * best_rs / n:5.1f} ms/page  F1 {scores(rs)}"
          " (whole process, all cores)")
    print(f"ratio                {best_py / best_rs:.2f}x pages per second")


if __name__ == "__main__":
    sys.exit(main())
