#!/usr/bin/env python3
"""Write the gold quotes of a PolNeAR folder with what `score_quotes.py` needs to judge a speaker,
one article a line: `{"id", "gold": [{"start", "end", "group", "last", "window"}]}` (byte offsets of the quote; group
named/pronoun/nominal or null when the attribution has no Source; `last` the last word of the
Source's head; `window` the text where the scorer takes a pronoun's or nominal's speaker to be
named).
It reads the folder through the scorer itself, so the labels are the scorer's.
`cargo run --release -p newsbrief --example train_speakers` trains the speaker ranker on them:

  python3 scripts/polnear_speaker_gold.py ../shared/data/quotes/polnear/train > /tmp/speaker-gold.jsonl
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / 'shared' / 'tools'))
import score_quotes  # noqa: E402


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for stem, art in score_quotes.load(sys.argv[1]).items():
        gold = [{'start': g['bstart'], 'end': g['bend'], 'group': g['group'], 'last': g.get('last'),
                 'window': g.get('window')} for g in art.gold]
        sys.stdout.write(json.dumps({'id': stem, 'gold': gold}, ensure_ascii=False) + '\n')


if __name__ == '__main__':
    main()
