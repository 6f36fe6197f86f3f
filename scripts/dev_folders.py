#!/usr/bin/env python3
"""Writes each Multi-News dev cluster as a folder of one text file per document (NEWLINE_CHAR as line
breaks): OUT/000, OUT/001, ... in the order of the file, for whole-process timings of `newsbrief brief DIR`
(see scripts/brief_each.sh and the README's Speed section).

Usage: scripts/dev_folders.py OUT [DEV.jsonl]   (default ../shared/data/multinews/dev.jsonl)
"""
import json, pathlib, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = pathlib.Path(sys.argv[1])
    dev = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT.parent / 'shared/data/multinews/dev.jsonl'
    with open(dev, encoding='utf-8') as lines:
        for number, line in enumerate(lines):
            cluster = json.loads(line)
            folder = out / f'{number:03}'
            folder.mkdir(parents=True, exist_ok=True)
            for i, document in enumerate(cluster['documents'], 1):
                (folder / f'{i:02}.txt').write_text(document.replace('NEWLINE_CHAR', '\n'), encoding='utf-8')


if __name__ == '__main__':
    main()
