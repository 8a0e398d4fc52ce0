#!/usr/bin/env python3
"""hpsearch demo analysis: softmax (multinomial logistic) regression on Iris.

Usage:  python3 train_logreg.py path/to/input.json

One run of this script is one "analysis" in hpsearch's sense:
  1. read every setting from input.json (the only command-line argument),
  2. train a 3-class softmax regression with mini-batch gradient descent
     and L2 regularization on a fixed training split of the Iris data,
  3. score it on a fixed validation split,
  4. write {"objective": <validation cross-entropy>, ...extra metrics...}
     to {save_folder}/output.json.

Only the Python 3 standard library is used, and a run takes well under a
second, so a whole search finishes in a minute or two on a laptop.

Data split (fixed by the constant `split_seed`, stratified by species):
  train      - used to fit the weights,
  validation - used to compare hyperparameter settings (this is `objective`),
  test       - HELD OUT. This script never scores it and never reports
               anything computed from it. Following the original tool's
               advice, keep it untouched until you have made your final
               choice of hyperparameters, and only then evaluate that one
               setting on it, once, in a separate step.

Divergence policy: with a very large learning rate the weights can blow
up. The script then stops training, still exits with status 0 and writes
objective = DIVERGED_LOSS (a large but finite number, see below) together
with "diverged": 1, so a search records a bad score instead of a crash.
NaN or Infinity is never written.
"""

import json
import math
import os
import random
import sys
import time

# Cross-entropy reported when training diverged (non-finite weights or loss).
# For reference, a model that always predicts 1/3 for each class scores
# ln(3) = 1.0986; a sensible model on Iris scores roughly 0.05 to 0.3.
DIVERGED_LOSS = 100.0
# Probabilities are clipped to [PROB_FLOOR, 1] inside the log, so that a
# confidently wrong prediction costs at most -ln(1e-15) = 34.5 per sample and
# the loss stays finite.
PROB_FLOOR = 1e-15
# The objective is never exactly 0, so a log10 transform of it stays finite.
OBJECTIVE_FLOOR = 1e-12
# Weights larger than this in absolute value count as diverged.
WEIGHT_LIMIT = 1e6

SCALINGS = ("standard", "minmax", "none")
SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))


def fail(message):
    """A settings problem is a real error: say what is wrong, exit 2."""
    sys.stderr.write("train_logreg.py: error: " + message + "\n")
    sys.exit(2)


# ---------------------------------------------------------------- settings

def get_number(settings, key, default=None, minimum=None, positive=False):
    value = settings.get(key, default)
    if value is None:
        fail("missing setting '%s'" % key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        fail("setting '%s' must be a number, got %r" % (key, value))
    value = float(value)
    if not math.isfinite(value):
        fail("setting '%s' must be finite, got %r" % (key, value))
    if positive and value <= 0:
        fail("setting '%s' must be > 0, got %r" % (key, value))
    if minimum is not None and value < minimum:
        fail("setting '%s' must be >= %r, got %r" % (key, minimum, value))
    return value


def get_int(settings, key, default=None, minimum=1):
    value = get_number(settings, key, default, minimum=minimum)
    if value != int(value):
        fail("setting '%s' must be a whole number, got %r" % (key, value))
    return int(value)


def read_settings(input_path):
    try:
        with open(input_path, "r", encoding="utf-8") as handle:
            settings = json.load(handle)
    except OSError as err:
        fail("cannot read %s: %s" % (input_path, err))
    except ValueError as err:
        fail("%s is not valid JSON: %s" % (input_path, err))
    if not isinstance(settings, dict):
        fail("%s must contain a JSON object" % input_path)

    # Hyperparameters of the optimizer sit in a nested object; this shows
    # that hpsearch substitutes values at any depth of model_config.json.
    optimizer = settings.get("optimizer", {})
    if not isinstance(optimizer, dict):
        fail("setting 'optimizer' must be an object")

    scaling = settings.get("feature_scaling", "standard")
    if scaling not in SCALINGS:
        fail("setting 'feature_scaling' must be one of %s, got %r"
             % (", ".join(SCALINGS), scaling))

    # save_folder: where output.json goes. hpsearch sets it to the
    # combination folder; when running by hand it defaults to the folder of
    # input.json. A relative path is taken from the current directory.
    save_folder = settings.get("save_folder")
    if save_folder in (None, ""):
        save_folder = os.path.dirname(os.path.abspath(input_path))
    # data_file: a relative path is looked up next to this script, so the
    # shipped iris.csv is found whatever the working directory is.
    data_file = settings.get("data_file", "iris.csv")
    if not os.path.isabs(data_file):
        data_file = os.path.join(SCRIPT_DIR, data_file)

    test_fraction = get_number(settings, "test_fraction", 0.2, minimum=0)
    validation_fraction = get_number(settings, "validation_fraction", 0.2,
                                     minimum=0)
    if test_fraction + validation_fraction >= 0.9:
        fail("test_fraction + validation_fraction must be below 0.9")

    return {
        "save_folder": str(save_folder),
        "data_file": data_file,
        "split_seed": get_int(settings, "split_seed", 1936, minimum=0),
        "training_seed": get_int(settings, "training_seed", 1, minimum=0),
        "test_fraction": test_fraction,
        "validation_fraction": validation_fraction,
        "feature_scaling": scaling,
        "epochs": get_int(settings, "epochs", 50),
        "batch_size": get_int(settings, "batch_size", 16),
        "learning_rate": get_number(optimizer, "learning_rate", 0.1,
                                    positive=True),
        "l2": get_number(optimizer, "l2", 1e-4, minimum=0),
    }


# -------------------------------------------------------------------- data

def load_csv(path):
    """Numeric feature columns, last column = class label (text)."""
    try:
        with open(path, "r", encoding="utf-8") as handle:
            lines = [line.strip() for line in handle if line.strip()]
    except OSError as err:
        fail("cannot read data file %s: %s" % (path, err))
    rows, labels = [], []
    for number, line in enumerate(lines[1:], start=2):  # line 1 = header
        cells = line.split(",")
        try:
            rows.append([float(cell) for cell in cells[:-1]])
        except ValueError:
            fail("%s line %d: non-numeric feature value" % (path, number))
        labels.append(cells[-1])
    if not rows:
        fail("data file %s has no rows" % path)
    return rows, labels


def split_data(labels, split_seed, test_fraction, validation_fraction):
    """Stratified split into train / validation / test row indices.

    Depends only on split_seed, so every hyperparameter combination of a
    search sees exactly the same three portions.
    """
    rng = random.Random(split_seed)
    train, validation, test = [], [], []
    for cls in sorted(set(labels)):
        members = [i for i, label in enumerate(labels) if label == cls]
        rng.shuffle(members)
        n_test = int(round(test_fraction * len(members)))
        n_val = int(round(validation_fraction * len(members)))
        test += members[:n_test]
        validation += members[n_test:n_test + n_val]
        train += members[n_test + n_val:]
    return sorted(train), sorted(validation), sorted(test)


def fit_scaler(rows, method):
    """Per-feature (shift, scale) learned on the training rows only."""
    n_features = len(rows[0])
    shifts, scales = [0.0] * n_features, [1.0] * n_features
    if method == "none":
        return shifts, scales
    for j in range(n_features):
        column = [row[j] for row in rows]
        if method == "standard":
            mean = sum(column) / len(column)
            var = sum((x - mean) ** 2 for x in column) / len(column)
            shifts[j], scales[j] = mean, math.sqrt(var)
        else:  # minmax
            shifts[j], scales[j] = min(column), max(column) - min(column)
        if scales[j] == 0:
            scales[j] = 1.0
    return shifts, scales


def apply_scaler(rows, scaler):
    shifts, scales = scaler
    return [[(x - s) / c for x, s, c in zip(row, shifts, scales)]
            for row in rows]


# ------------------------------------------------------------------- model

def log_softmax(weights, biases, x):
    """Log class probabilities, computed stably (max subtracted)."""
    logits = [b + sum(w_j * x_j for w_j, x_j in zip(w, x))
              for w, b in zip(weights, biases)]
    top = max(logits)
    log_norm = top + math.log(sum(math.exp(z - top) for z in logits))
    return [z - log_norm for z in logits]


def evaluate(weights, biases, xs, ys):
    """Mean cross-entropy and accuracy on (xs, ys)."""
    min_log = math.log(PROB_FLOOR)
    total, correct = 0.0, 0
    for x, y in zip(xs, ys):
        log_p = log_softmax(weights, biases, x)
        total -= max(log_p[y], min_log)
        if max(range(len(log_p)), key=log_p.__getitem__) == y:
            correct += 1
    return total / len(xs), correct / len(xs)


def is_finite(weights, biases):
    return all(math.isfinite(v) and abs(v) < WEIGHT_LIMIT
               for row in weights + [biases] for v in row)


def train(xs, ys, n_classes, cfg):
    """Mini-batch gradient descent on mean cross-entropy + l2/2 * |W|^2.

    The L2 penalty applies to the weights, not to the biases. Weights start
    at zero; only the order of the mini-batches is random, drawn from
    training_seed, so a run is fully deterministic for a given input.json.
    Returns (weights, biases, diverged).
    """
    n_features = len(xs[0])
    weights = [[0.0] * n_features for _ in range(n_classes)]
    biases = [0.0] * n_classes
    rng = random.Random(cfg["training_seed"])
    order = list(range(len(xs)))
    lr, l2, batch = cfg["learning_rate"], cfg["l2"], cfg["batch_size"]
    try:
        for _ in range(cfg["epochs"]):
            rng.shuffle(order)
            for start in range(0, len(order), batch):
                idx = order[start:start + batch]
                grad_w = [[0.0] * n_features for _ in range(n_classes)]
                grad_b = [0.0] * n_classes
                for i in idx:
                    x = xs[i]
                    log_p = log_softmax(weights, biases, x)
                    for k in range(n_classes):
                        err = math.exp(log_p[k]) - (1.0 if k == ys[i] else 0.0)
                        grad_b[k] += err
                        row = grad_w[k]
                        for j in range(n_features):
                            row[j] += err * x[j]
                scale = 1.0 / len(idx)
                for k in range(n_classes):
                    w = weights[k]
                    g = grad_w[k]
                    for j in range(n_features):
                        w[j] -= lr * (g[j] * scale + l2 * w[j])
                    biases[k] -= lr * grad_b[k] * scale
            if not is_finite(weights, biases):
                return weights, biases, True
    except (OverflowError, ValueError):
        # math.exp/log overflow or a NaN reaching max(): training diverged.
        return weights, biases, True
    return weights, biases, False


# -------------------------------------------------------------------- main

def write_output(save_folder, result):
    os.makedirs(save_folder, exist_ok=True)
    path = os.path.join(save_folder, "output.json")
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=2, allow_nan=False)
        handle.write("\n")
    os.replace(tmp, path)  # a reader never sees a half-written file
    return path


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: train_logreg.py path/to/input.json\n")
        return 2
    started = time.perf_counter()
    cfg = read_settings(argv[1])

    rows, labels = load_csv(cfg["data_file"])
    classes = sorted(set(labels))
    ys_all = [classes.index(label) for label in labels]
    train_idx, val_idx, test_idx = split_data(
        labels, cfg["split_seed"], cfg["test_fraction"],
        cfg["validation_fraction"])
    if not train_idx or not val_idx:
        fail("the split left no training or no validation rows")
    # test_idx is deliberately unused from here on: the test rows are never
    # scaled, scored or reported by this script.

    scaler = fit_scaler([rows[i] for i in train_idx], cfg["feature_scaling"])
    x_train = apply_scaler([rows[i] for i in train_idx], scaler)
    x_val = apply_scaler([rows[i] for i in val_idx], scaler)
    y_train = [ys_all[i] for i in train_idx]
    y_val = [ys_all[i] for i in val_idx]

    weights, biases, diverged = train(x_train, y_train, len(classes), cfg)
    if not diverged:
        try:
            train_loss, train_acc = evaluate(weights, biases, x_train, y_train)
            val_loss, val_acc = evaluate(weights, biases, x_val, y_val)
            diverged = not all(map(math.isfinite, (train_loss, val_loss)))
        except (OverflowError, ValueError):
            diverged = True
    if diverged:
        train_loss = val_loss = DIVERGED_LOSS
        train_acc = val_acc = 0.0

    objective = max(min(val_loss, DIVERGED_LOSS), OBJECTIVE_FLOOR)
    result = {
        "objective": objective,          # validation cross-entropy (lower is better)
        "val_accuracy": val_acc,
        "val_error": 1.0 - val_acc,
        "train_loss": min(train_loss, DIVERGED_LOSS),
        "train_accuracy": train_acc,
        "diverged": 1 if diverged else 0,
        "n_train": len(train_idx),
        "n_validation": len(val_idx),
        "seconds": round(time.perf_counter() - started, 4),
    }
    path = write_output(cfg["save_folder"], result)
    print("learning_rate=%g l2=%g epochs=%d batch_size=%d feature_scaling=%s"
          % (cfg["learning_rate"], cfg["l2"], cfg["epochs"],
             cfg["batch_size"], cfg["feature_scaling"]))
    print("validation cross-entropy %.5f, accuracy %.3f%s -> %s"
          % (objective, val_acc, " (DIVERGED)" if diverged else "", path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
