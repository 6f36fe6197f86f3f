#!/usr/bin/env python3
"""Fits the boilerplate classifier of `crates/newsbrief/src/ingest/boilerplate.rs` on the "tune"
half of the article-extraction pages (see scripts/score_extraction_halves.py) and prints its
weights as Rust, with the benchmark's scores of the kept text on both halves.

Usage:
  target/release/newsbrief extract ../shared/data/extraction/html --format blocks > /tmp/blocks.jsonl
  scripts/train_boilerplate.py /tmp/blocks.jsonl [--c C] [--cv [--folds N]] [--swap] [--kfold K [--pages] [--shuffle SEED]]
Needs numpy and scikit-learn. A block is labelled body when most of its 4-word shingles (for
shorter blocks, its words in a row) occur in the page's gold article body. Only the tune half's
labels are read for fitting; --cv prints the scores of cross-validation over the tune half's
pages instead (5 folds, or --folds N; --folds 45 leaves one page out), for choosing features and
C without looking at the check half; --swap fits on the check half and scores the tune half (an
estimate of the procedure, not a model to ship); --kfold K scores each of all the pages by a
model fitted on the other folds (pages in sorted id order, or shuffled by --shuffle SEED, page i
in fold i mod K), on all pages and on each half, and --pages adds, for the pages the model changes most against
rs-trafilatura's whole text, each page's precision and recall both ways (an estimate of the
procedure fitted on more pages, not a model to ship).
"""
import argparse, json, os, re, sys
from collections import defaultdict

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_extraction_halves as halves  # noqa: E402

WORD = re.compile(r"\w+", re.UNICODE)


def label(block, shingles, gold_words):
    words = WORD.findall(block)
    if not words:
        return 0
    if len(words) < 4:
        return int(f" {' '.join(words)} " in gold_words)
    grams = [tuple(words[i:i + 4]) for i in range(len(words) - 3)]
    return int(sum(g in shingles for g in grams) / len(grams) > 0.5)


def load(path, truth):
    """The blocks of each page, their features as a list in the order the file names them, and
    their labels."""
    pages = defaultdict(list)
    for line in open(path):
        block = json.loads(line)
        block["names"] = [name for name, _ in block["features"]]
        block["features"] = [value for _, value in block["features"]]
        pages[block["id"]].append(block)
    for page_id, blocks in pages.items():
        gold = WORD.findall(truth[page_id]["articleBody"])
        shingles = {tuple(gold[i:i + 4]) for i in range(len(gold) - 3)}
        gold_words = f" {' '.join(gold)} "
        for block in blocks:
            block["label"] = label(block["text"], shingles, gold_words)
    return pages


class Model:
    """Logistic regression on standardized features, readable as plain weights."""

    def __init__(self, c):
        self.c = c

    def fit(self, x, y, w):
        self.scaler = StandardScaler().fit(x)
        self.lr = LogisticRegression(C=self.c, max_iter=10000).fit(self.scaler.transform(x), y, sample_weight=w)
        return self

    def weights(self):
        """The intercept and one weight per raw (unstandardized) feature."""
        scale = np.where(self.scaler.scale_ > 0, self.scaler.scale_, 1.0)
        coef = self.lr.coef_[0] / scale
        return [self.lr.intercept_[0] - float(np.dot(coef, self.scaler.mean_)), *coef]

    def predict(self, x):
        w = self.weights()
        z = w[0] + np.asarray(x) @ np.array(w[1:])
        return 1 / (1 + np.exp(-z))


def fit(pages, ids, c):
    rows = [b for k in ids for b in pages.get(k, [])]
    x = np.array([b["features"] for b in rows])
    y = np.array([b["label"] for b in rows])
    # A block weighs by the square root of its share of its page's words (times the page's
    # number of blocks, so that a block of average size weighs about 1): the score counts words,
    # yet short blocks such as lists of links must still count.
    totals = {k: max(1, sum(len(b["text"].split()) for b in pages.get(k, []))) for k in ids}
    w = np.array([np.sqrt(len(b["text"].split()) / totals[b["id"]] * len(pages[b["id"]])) + 0.05 for b in rows])
    return Model(c).fit(x, y, w)


def cross_validated(pages, ids, folds, c, seed=None):
    """Each page of `ids` kept by a model fitted on the other folds of `ids` (the ids sorted, or
    shuffled by `seed`, page i in fold i mod `folds`)."""
    ids = sorted(ids)
    if seed is not None:
        ids = [str(k) for k in np.random.default_rng(seed).permutation(ids)]
    predictions = {}
    for fold in range(folds):
        held = ids[fold::folds]
        model = fit(pages, [k for k in ids if k not in held], c)
        predictions.update(kept_text(pages, held, model))
    return predictions


def page_changes(s, truth, pages, predictions, tune, count=10):
    """The pages whose precision plus recall differ most from those of rs-trafilatura's whole
    text, as JSON lines."""
    rows = []
    for k, blocks in pages.items():
        whole = "\n\n".join(b["text"] for b in blocks)
        scores = []
        for text in [whole, predictions.get(k, {}).get("articleBody", "")]:
            tp, fp, fn = s.page(truth[k]["articleBody"], text)
            scores.append((round(s.ratio(tp, fp, fn), 3), round(s.ratio(tp, fn, fp), 3)))
        kept = len(predictions.get(k, {}).get("articleBody", "").split())
        rows.append((sum(scores[1]) - sum(scores[0]), k, scores, kept, len(whole.split())))
    rows.sort()
    for change, k, (whole, model), kept, words in rows[:count] + rows[-count:]:
        print(json.dumps({"page": k[:12], "half": "tune" if k in tune else "check", "change": round(change, 3),
                          "whole (P, R)": whole, "model (P, R)": model, "words kept": f"{kept}/{words}"}))


def kept_text(pages, ids, model):
    out = {}
    for k in ids:
        blocks = pages.get(k, [])
        if not blocks:
            continue
        keep = model.predict(np.array([b["features"] for b in blocks])) >= 0.5
        # As in boilerplate.rs, a page the model would empty is kept whole.
        if not keep.any():
            keep[:] = True
        out[k] = {"articleBody": "\n\n".join(b["text"] for b, q in zip(blocks, keep) if q)}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("blocks")
    ap.add_argument("--c", type=float, default=0.3)
    ap.add_argument("--cv", action="store_true")
    ap.add_argument("--folds", type=int, default=5, help="folds of --cv")
    ap.add_argument("--kfold", type=int, metavar="K",
                    help="K-fold cross-validation over all the pages, scored on all and on each half")
    ap.add_argument("--pages", action="store_true", help="with --kfold, the pages it changes most")
    ap.add_argument("--shuffle", type=int, metavar="SEED", help="with --kfold, folds of the ids shuffled by SEED")
    ap.add_argument("--swap", action="store_true",
                    help="fit on the check half and score the tune half: an estimate of the procedure "
                         "on unseen pages, never a model to ship")
    a = ap.parse_args()
    truth = json.load(open(os.path.join(halves.SHARED, "data", "extraction", "ground-truth.json")))
    tune, check = halves.halves(list(truth))
    pages = load(a.blocks, truth)
    s = halves.scorer()
    if a.cv:
        predictions = cross_validated(pages, tune, a.folds, a.c)
        print(json.dumps({"set": f"tune, {a.folds}-fold", **halves.score(s, truth, predictions, tune)}))
        return
    if a.kfold:
        predictions = cross_validated(pages, list(truth), a.kfold, a.c, a.shuffle)
        for name, ids in [("all", list(truth)), ("tune", tune), ("check", check)]:
            print(json.dumps({"set": f"{name}, {a.kfold}-fold over all", **halves.score(s, truth, predictions, ids)}))
        if a.pages:
            page_changes(s, truth, pages, predictions, tune)
        return
    if a.swap:
        model = fit(pages, check, a.c)
        print(json.dumps({"set": "tune, fitted on check", **halves.score(s, truth, kept_text(pages, tune, model), tune)}))
        return
    model = fit(pages, tune, a.c)
    predictions = kept_text(pages, list(truth), model)
    for name, ids in [("all", list(truth)), ("tune", tune), ("check", check)]:
        print(json.dumps({"set": name, **halves.score(s, truth, predictions, ids)}))
    names = next(iter(pages.values()))[0]["names"]
    print("const WEIGHTS: [f64; FEATURES + 1] = [")
    for name, w in zip(["intercept", *names], model.weights()):
        whole, fraction = f"{w:.6f}".split(".")
        print(f"    {whole}.{fraction[:3]}_{fraction[3:]}, // {name}")
    print("];")


if __name__ == "__main__":
    main()
