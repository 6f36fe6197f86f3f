#!/usr/bin/env python3
"""List the quotes whose speaker `score_quotes.py` judges wrong, to read errors on TRAIN only:

  python3 scripts/polnear_errors.py DATA_DIR PRED.jsonl [GROUP] > errors.txt

One block per wrong speaker: article stem, group (named/pronoun/nominal), the gold Source, the
speaker predicted and how it was found (`via`), and the text from the window's start to the quote's
end. Matching is the scorer's (it is imported from ../shared/tools).
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / 'shared' / 'tools'))
import score_quotes as sq  # noqa: E402


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    arts = sq.load(sys.argv[1])
    only = sys.argv[3] if len(sys.argv) == 4 else None
    preds = {}
    for line in open(sys.argv[2], encoding='utf-8'):
        d = json.loads(line)
        preds[d['id']] = d['quotes']
    for stem, art in sorted(arts.items()):
        plist = [((max(0, p['start']), min(len(art.raw), p['end'])), p) for p in preds.get(stem, [])]
        cands = []
        for pi, ((s, e), _) in enumerate(plist):
            for gi, g in enumerate(art.gold):
                ov = sq.overlap([(s, e)], g['bstart'], g['bend'])
                if ov > 0 and ov >= 0.5 * min(e - s, g['bend'] - g['bstart']):
                    cands.append((-ov, pi, gi))
        owner, attr_of, cover = {}, {}, {}
        for negov, pi, gi in sorted(cands):
            g = art.gold[gi]
            if gi in owner or attr_of.get(pi, g['attr']) != g['attr']:
                continue
            size = plist[pi][0][1] - plist[pi][0][0]
            if pi in cover and cover[pi] - negov < 0.5 * size:
                continue
            owner[gi], attr_of[pi] = pi, g['attr']
            cover[pi] = cover.get(pi, 0) - negov
        for gi, pi in sorted(owner.items()):
            g, p = art.gold[gi], plist[pi][1]
            if g['group'] is None or art.speaker_ok(g, p.get('speaker')):
                continue
            if only and g['group'] != only:
                continue
            lo = g.get('window_start', 0)
            context = art.text[lo:g['end']].replace('\n', ' | ')
            if len(context) > 700:
                context = context[:250] + ' [...] ' + context[-400:]
            print(f"== {stem} {g['group']} gold={g['source_text']!r} pred={p.get('speaker')!r} via={p.get('via')}")
            print('  ' + context)


if __name__ == '__main__':
    main()
