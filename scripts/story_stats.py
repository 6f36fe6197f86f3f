#!/usr/bin/env python3
"""Briefs every Multi-News dev cluster with `newsbrief brief --format json` and prints how much
of the story's analysis each part finds (entries, and clusters with at least one), with a few
corroborated facts and conflicts to read.

Usage: scripts/story_stats.py [DEV.jsonl] [--samples N]
Run `cargo build --release -p newsbrief-cli` first.
"""

import argparse
import collections
import json
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
PARTS = ["timeline", "quotes", "entities", "corroborated", "conflicts"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev", nargs="?", default=str(ROOT.parent / "shared/data/multinews/dev.jsonl"))
    parser.add_argument("--samples", type=int, default=6)
    args = parser.parse_args()
    binary = ROOT / "target/release/newsbrief"
    if not binary.exists():
        sys.exit(f"{binary} is missing: run cargo build --release -p newsbrief-cli")
    totals = collections.Counter()
    samples = []
    with open(args.dev, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            cluster = json.loads(line)
            with tempfile.TemporaryDirectory() as folder:
                for i, document in enumerate(cluster["documents"], 1):
                    path = os.path.join(folder, f"{i:02}.txt")
                    with open(path, "w", encoding="utf-8") as out:
                        out.write(document.replace("NEWLINE_CHAR", "\n"))
                run = subprocess.run([binary, "brief", folder, "--format", "json"], capture_output=True, text=True)
            if run.returncode != 0:
                totals["failed"] += 1
                print(f"cluster {number}: {run.stderr.strip()}", file=sys.stderr)
                continue
            brief = json.loads(run.stdout)
            totals["clusters"] += 1
            for part in PARTS:
                found = brief.get(part, [])
                totals[part] += len(found)
                totals[f"clusters with {part}"] += bool(found)
            for part in ["corroborated", "conflicts"]:
                if brief.get(part) and len(samples) < args.samples:
                    samples.append({"cluster": number, part: brief[part][0]})
    for key, value in totals.items():
        print(f"{key}: {value}")
    for sample in samples:
        print(json.dumps(sample, ensure_ascii=False))


if __name__ == "__main__":
    main()
