#!/usr/bin/env python3
"""Split a PolNeAR folder into two halves by the FNV-1a hash of each article's stem (even, odd),
as folders of symbolic links the scorer reads: `polnear_halves.py DATA_DIR OUT` makes OUT/0 and OUT/1.
The same split is `--half 0|1` of `cargo run --example polnear`.

  python3 scripts/polnear_halves.py ../shared/data/quotes/polnear/train /tmp/train-halves
  python3 ../shared/tools/score_quotes.py /tmp/train-halves/0 /tmp/q-train.jsonl
"""
import sys
from pathlib import Path


def fnv1a(text):
    h = 0xcbf29ce484222325
    for b in text.encode('utf-8'):
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    data, out = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    for half in '01':
        (out / half).mkdir(parents=True, exist_ok=True)
    for txt in sorted(data.glob('*.txt')):
        half = str(fnv1a(txt.stem) % 2)
        for path in (txt, txt.with_suffix('.ann')):
            link = out / half / path.name
            if path.exists() and not link.exists():
                link.symlink_to(path)


if __name__ == '__main__':
    main()
