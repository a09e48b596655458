#!/usr/bin/env python3
"""Trains the small model that ModelImportIT imports, as a data scientist would outside Vigil.

Python xgboost (Debian's python3-xgboost 1.7.4: apt-get install -y python3-xgboost) on synthetic rows whose
columns are model feature names of Vigil (ModelFeatures). Writes, next to this script:
  imported-model.json          the XGBoost JSON model
  imported-model-samples.json  {"features": [...], "samples": [{"values": [...], "prediction": p}, ...]}
                               values as float32 (null = missing), predictions as this xgboost computed them
Deterministic: the same files on every run with the same xgboost.
"""
import json
import os

import numpy as np
import xgboost as xgb

FEATURES = ["tx.amount", "tx.hour_utc", "tx.cross_border", "labels.card.fraud_28d", "long.card.count_7d"]
HERE = os.path.dirname(os.path.abspath(__file__))


def rows(n, rng):
    amount = np.round(rng.gamma(2.0, 150.0, n), 2)
    hour = rng.integers(0, 24, n).astype(float)
    cross = rng.integers(0, 2, n).astype(float)
    cross[rng.random(n) < 0.2] = np.nan  # the home country is often unknown
    frauds = rng.poisson(0.1, n).astype(float)
    count = rng.poisson(3.0, n).astype(float)
    x = np.column_stack([amount, hour, cross, frauds, count]).astype(np.float32)
    risk = (amount > 600) * 1.5 + (hour < 6) * 1.0 + np.nan_to_num(cross) * 0.8 + frauds * 2.0 + (count > 6) * 1.0
    y = (risk + rng.normal(0, 0.7, n) > 2.2).astype(int)
    return x, y


def main():
    rng = np.random.default_rng(16)
    x, y = rows(5000, rng)
    train = xgb.DMatrix(x, label=y, feature_names=FEATURES, missing=np.nan)
    params = {"objective": "binary:logistic", "max_depth": 4, "eta": 0.2, "nthread": 1, "seed": 16}
    booster = xgb.train(params, train, num_boost_round=40)
    booster.save_model(os.path.join(HERE, "imported-model.json"))

    sample_x, _ = rows(20, np.random.default_rng(61))
    predictions = booster.predict(xgb.DMatrix(sample_x, feature_names=FEATURES, missing=np.nan))
    samples = [
        {
            "values": [None if np.isnan(v) else float(v) for v in row],
            "prediction": float(p),
        }
        for row, p in zip(sample_x, predictions)
    ]
    with open(os.path.join(HERE, "imported-model-samples.json"), "w") as out:
        json.dump({"trainedWith": "xgboost " + xgb.__version__, "features": FEATURES, "samples": samples}, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
