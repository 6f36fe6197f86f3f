#!/usr/bin/env python3
"""Briefs every Multi-News dev cluster with `newsbrief brief --format json` and prints how much
of the story's analysis each part finds (entries, and clusters with at least one), for all
clusters and for each half (A, B: an MD5 of the cluster id, even or odd, as
scripts/sentences_diff.py splits documents).

With --show A|B, prints every corroborated fact and conflict of that half to be read and judged:
each fact in its central report's words, then how every other report it names makes it (the
brief's `statements`); each conflict's values with some of the text around them.

Usage: scripts/story_stats.py [DEV.jsonl] [--show A|B] [--binary PATH] [--samples N]
Run `cargo build --release -p newsbrief-cli` first.
"""

import argparse
import collections
import hashlib
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
PARTS = ["timeline", "quotes", "entities", "corroborated", "conflicts"]


def half(cluster_id):
    return "AB"[int(hashlib.md5(cluster_id.encode()).hexdigest(), 16) % 2]


def brief(binary, cluster):
    with tempfile.TemporaryDirectory() as folder:
        for i, document in enumerate(cluster["documents"], 1):
            path = os.path.join(folder, f"{i:02}.txt")
            with open(path, "w", encoding="utf-8") as out:
                out.write(document.replace("NEWLINE_CHAR", "\n"))
        run = subprocess.run([binary, "brief", folder, "--format", "json"], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"cluster {cluster['id']}: {run.stderr.strip()}", file=sys.stderr)
        return None
    return json.loads(run.stdout)


def show(number, cluster_id, result):
    labels = {s["id"]: s["label"] for s in result["sources"]}
    texts = {s["id"]: s["text"] for s in result["sources"]}
    print(f"== cluster {number} {cluster_id[:10]}: {len(result['sources'])} reports, "
          f"{len(result['corroborated'])} facts, {len(result['conflicts'])} conflicts")
    for i, fact in enumerate(result["corroborated"], 1):
        named = ",".join(labels[s] for s in fact["sources"])
        print(f"  F{i} [{named}] {labels[fact['source']]}: {fact['text']}")
        for statement in fact.get("statements", []):
            print(f"      {labels[statement['source']]}: {statement['text']}")
    for i, conflict in enumerate(result["conflicts"], 1):
        print(f"  C{i} {conflict['about']}")
        for variant in conflict["variants"]:
            text = texts[variant["source"]].encode()
            start, end = variant["start"], variant["end"]
            before = text[max(0, start - 90):start].decode(errors="replace").replace("\n", " ")
            after = text[end:end + 60].decode(errors="replace").replace("\n", " ")
            named = ",".join(labels[s] for s in variant["sources"])
            print(f"      [{named}] …{before}[[{variant['value']}]]{after}…")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev", nargs="?", default=str(ROOT.parent / "shared/data/multinews/dev.jsonl"))
    parser.add_argument("--show", choices=["A", "B"], help="print every fact and conflict of this half")
    parser.add_argument("--binary", default=str(ROOT / "target/release/newsbrief"))
    parser.add_argument("--samples", type=int, default=0, help="print this many facts and conflicts as JSON")
    args = parser.parse_args()
    if not pathlib.Path(args.binary).exists():
        sys.exit(f"{args.binary} is missing: run cargo build --release -p newsbrief-cli")
    totals = {name: collections.Counter() for name in ["all", "A", "B"]}
    samples = []
    with open(args.dev, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            cluster = json.loads(line)
            side = half(cluster["id"])
            result = brief(args.binary, cluster)
            for name in ["all", side]:
                counts = totals[name]
                if result is None:
                    counts["failed"] += 1
                    continue
                counts["clusters"] += 1
                for part in PARTS:
                    found = result.get(part, [])
                    counts[part] += len(found)
                    counts[f"clusters with {part}"] += bool(found)
            if result is None:
                continue
            if args.show == side:
                show(number, cluster["id"], result)
            for part in ["corroborated", "conflicts"]:
                if result.get(part) and len(samples) < args.samples:
                    samples.append({"cluster": number, part: result[part][0]})
    for name, counts in totals.items():
        print(f"{name}: " + ", ".join(f"{key} {value}" for key, value in counts.items()))
    for sample in samples:
        print(json.dumps(sample, ensure_ascii=False))


if __name__ == "__main__":
    main()
