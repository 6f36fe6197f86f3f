#!/usr/bin/env python3
"""Publication days read from the text alone, checked against Timeline17's known dates.

Usage (after `cargo build --release`, from the repository root):
  python3 scripts/publication_days.py [target/release/newsbrief] [../shared/data/stories/t17-dev.jsonl]

Every article of the stream is briefed alone, without its `published` field; the day the brief
gives it (from a date line or a publication stamp in its text) is compared with the stream's date.
Prints how many articles got a day, and how many of those days are exact or within one day.
"""
import datetime
import json
import subprocess
import sys

binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/newsbrief"
stream = sys.argv[2] if len(sys.argv) > 2 else "../shared/data/stories/t17-dev.jsonl"
day = lambda text: datetime.date.fromisoformat(text[:10])
total = dated = exact = near = 0
for line in open(stream, encoding="utf-8"):
    row = json.loads(line)
    article = json.dumps({"text": row["text"]}) + "\n"
    run = subprocess.run([binary, "brief", "-", "--format", "json", "--words", "10"], input=article, capture_output=True, text=True)
    total += 1
    if run.returncode != 0:
        continue
    published = json.loads(run.stdout)["sources"][0]["published"]
    if published:
        dated += 1
        gap = abs((day(published) - day(row["published"])).days)
        exact += gap == 0
        near += gap <= 1
print(f"articles {total}, dated from their text {dated}, exact {exact}, within a day {near}")
