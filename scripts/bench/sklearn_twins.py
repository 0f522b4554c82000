#!/usr/bin/env python3
"""The scikit-learn twins of `digits bench classical`, measured the same way.

Reads MNIST from the same IDX files as Digits (gzip or plain), fits one configuration on the
standard split (60000 train / 10000 test) and prints one JSON line:
{"id", "accuracy", "fit_seconds", "predict_seconds", "latency_ms", "peak_memory_mb"}.

    python3 scripts/bench/sklearn_twins.py --data DIR --config knn1
    python3 scripts/bench/sklearn_twins.py --list

Each configuration runs in its own process (digits starts one per model) so that the peak
memory is that model's. Requires scikit-learn (pip install scikit-learn).
"""
import argparse
import gzip
import json
import os
import resource
import sys
import time

import numpy as np


def read_idx(folder, stem):
    for name in (stem, stem + ".gz", stem.replace("-idx", ".idx"), stem.replace("-idx", ".idx") + ".gz"):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            with open(path, "rb") as handle:
                data = handle.read()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            dims = data[3]
            shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
            return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)
    sys.exit(f"no {stem} in {folder}")


def load(folder):
    x_train = read_idx(folder, "train-images-idx3-ubyte").reshape(-1, 784).astype(np.float64)
    y_train = read_idx(folder, "train-labels-idx1-ubyte").astype(np.int64)
    x_test = read_idx(folder, "t10k-images-idx3-ubyte").reshape(-1, 784).astype(np.float64)
    y_test = read_idx(folder, "t10k-labels-idx1-ubyte").astype(np.int64)
    return x_train, y_train, x_test, y_test


def configurations():
    """id -> a function building the scikit-learn estimator with Digits' hyper-parameters."""
    from sklearn.decomposition import PCA
    from sklearn.ensemble import ExtraTreesClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression, SGDClassifier
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer, StandardScaler
    from sklearn.svm import SVC
    from sklearn.tree import DecisionTreeClassifier

    pixels = lambda: FunctionTransformer(lambda x: x / 255.0)
    return {
        "logreg": lambda: make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=1000, tol=1e-4)),
        "logreg-c1": lambda: make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=1000, tol=1e-4)),
        "sgd": lambda: make_pipeline(pixels(), SGDClassifier(random_state=0)),
        "tree": lambda: DecisionTreeClassifier(random_state=0),
        "tree-entropy30": lambda: DecisionTreeClassifier(criterion="entropy", max_depth=30, random_state=0),
        "forest": lambda: RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=0),
        "extratrees": lambda: ExtraTreesClassifier(n_estimators=100, n_jobs=2, random_state=0),
        "knn": lambda: make_pipeline(pixels(), KNeighborsClassifier(n_neighbors=4, weights="distance", metric="cosine")),
        "knn1": lambda: make_pipeline(pixels(), KNeighborsClassifier(n_neighbors=1)),
        "knn3": lambda: make_pipeline(pixels(), KNeighborsClassifier(n_neighbors=3)),
        "pca-svc": lambda: make_pipeline(pixels(), PCA(n_components=80), SVC(C=10, gamma="scale")),
        "pca-svc-c5": lambda: make_pipeline(pixels(), PCA(n_components=0.95), SVC(C=5, gamma="scale")),
        "pca-svc-c1": lambda: make_pipeline(pixels(), PCA(n_components=0.95), SVC(C=1, gamma="scale")),
        "svc": lambda: make_pipeline(pixels(), SVC(C=1, gamma="scale")),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="MNIST folder (default: $DIGITS_DATA)")
    parser.add_argument("--config", help="configuration id")
    parser.add_argument("--list", action="store_true", help="print the configuration ids")
    args = parser.parse_args()
    configs = configurations()
    if args.list:
        print("\n".join(configs))
        return
    if args.config not in configs:
        sys.exit(f"unknown configuration {args.config!r}; known: {', '.join(configs)}")
    folder = args.data or os.environ.get("DIGITS_DATA")
    if not folder:
        sys.exit("pass --data DIR or set DIGITS_DATA")
    x_train, y_train, x_test, y_test = load(folder)
    model = configs[args.config]()

    start = time.perf_counter()
    model.fit(x_train, y_train)
    fit_seconds = time.perf_counter() - start

    start = time.perf_counter()
    accuracy = float((model.predict(x_test) == y_test).mean())
    predict_seconds = time.perf_counter() - start

    # Single-image latency: the median of repeated one-row predictions.
    timings = []
    for i in range(50):
        row = x_test[i:i + 1]
        start = time.perf_counter()
        model.predict(row)
        timings.append(time.perf_counter() - start)
    latency_ms = float(np.median(timings) * 1000)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"id": args.config, "accuracy": accuracy, "fit_seconds": fit_seconds,
                      "predict_seconds": predict_seconds, "latency_ms": latency_ms,
                      "peak_memory_mb": peak_mb}))


if __name__ == "__main__":
    main()
