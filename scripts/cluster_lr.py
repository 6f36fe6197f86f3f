#!/usr/bin/env python3
"""Fits the pairwise join decision of the story clusterer as a logistic regression, on hash-half A only.

Usage: python3 scripts/cluster_lr.py PAIRS.tsv C [FEATURES] > WEIGHTS
PAIRS.tsv comes from `cargo run --release -p story-store --example cluster_eval -- --pairs PAIRS.tsv STREAMS`
(one line per article and candidate story, gold stories forced); C is scikit-learn's inverse regularization;
FEATURES the 0-based pair features kept, comma-separated (default all ten; the others get weight 0). Each stream's
half-A rows weigh as much in all as another's. Prints the bias and the ten weights on one line, which
`cluster_eval -- --model WEIGHTS STREAMS` clusters with (half B and the whole streams are for checking only).
Needs numpy and scikit-learn (the peers venv has them).
"""
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression


def main():
    path, c = sys.argv[1], float(sys.argv[2])
    rows = [line.rstrip('\n').split('\t') for line in open(path, encoding='utf-8') if line.strip()]
    stream = np.array([r[0] for r in rows])
    half_a = np.array([r[1] == '0' for r in rows])
    gold = np.array([int(r[3]) for r in rows])
    x = np.array([[float(v) for v in r[4:]] for r in rows])
    keep = [int(i) for i in sys.argv[3].split(',')] if len(sys.argv) > 3 else list(range(x.shape[1]))
    weight = np.zeros(len(rows))
    for name in set(stream):
        rows_of = half_a & (stream == name)
        weight[rows_of] = half_a.sum() / rows_of.sum() / len(set(stream))
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x[half_a][:, keep], gold[half_a], sample_weight=weight[half_a])
    weights = np.zeros(x.shape[1])
    weights[keep] = model.coef_[0]
    print(' '.join('%.6g' % w for w in [model.intercept_[0], *weights]))


if __name__ == '__main__':
    main()
