#!/usr/bin/env python3
"""Scores `newsbrief extract --format benchmark` output on the article-extraction pages, on
the whole set and on each of two halves chosen by a hash of the page id, with the benchmark's
own scorer (shared/tools/score_extraction.py).

Usage: scripts/score_extraction_halves.py PREDICTIONS.json [GROUND_TRUTH.json [tune|check]]
(with a third argument it prints that half's ids instead, one a line)
The pages are ordered by the SHA-256 of their id; the first half is "tune", the second "check". Extraction
rules are tuned on "tune" only; "check" stands in for unseen pages. Prints one JSON line per set.
"""
import hashlib, importlib.util, json, os, sys
from statistics import mean

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")


def scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", os.path.join(SHARED, "tools", "score_extraction.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def halves(ids):
    """The ids split in two equal halves ("tune", "check") by the SHA-256 of each id."""
    ordered = sorted(ids, key=lambda k: hashlib.sha256(k.encode()).hexdigest())
    return ordered[: len(ordered) // 2], ordered[len(ordered) // 2:]


def score(s, truth, pred, ids):
    # The same arithmetic as score_extraction.main, restricted to `ids`.
    rows = [s.page(truth[k].get("articleBody", ""), (pred.get(k) or {}).get("articleBody", "")) for k in ids]
    p = mean(s.ratio(tp, fp, fn) for tp, fp, fn in rows if tp + fp > 0)
    r = mean(s.ratio(tp, fn, fp) for tp, fp, fn in rows if tp + fn > 0)
    return {"pages": len(rows), "precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4)}


def main():
    predictions = json.load(open(sys.argv[1]))
    truth_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(SHARED, "data", "extraction", "ground-truth.json")
    truth = json.load(open(truth_path))
    s = scorer()
    tune, check = halves(list(truth))
    if len(sys.argv) > 3:
        print("\n".join(tune if sys.argv[3] == "tune" else check))
        return
    for name, ids in [("all", list(truth)), ("tune", tune), ("check", check)]:
        print(json.dumps({"set": name, **score(s, truth, predictions, ids)}))


if __name__ == "__main__":
    main()
