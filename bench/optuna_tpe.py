#!/usr/bin/python3
"""Optuna TPE on the bopt quality benchmark's functions (issue 3, benchmark 1).

Same functions, domains, budgets and seeds as dev.hpsearch.optimizer.bench.BoptQualityBenchmark
(QualityFunctions.java defines the functions; keep them in step). Prints CSV lines
"function,seed,regret" where regret = best value found - known minimum.
Run with Debian's interpreter, which sees python3-optuna: /usr/bin/python3 bench/optuna_tpe.py [seeds] [async]

With "async" (issue 13, bench/bopt-batch.sh): budget 100 for every function and 10 trials running at once
through ask/tell, TPESampler(constant_liar=True); each trial takes 0.5 + Exp(1) on a virtual clock (as
BoptBatchBenchmark), the earliest to end is told, and a new one is asked for, so trials end out of order.
"""
import heapq
import math
import random
import sys

import optuna

BRANIN_MIN = 0.397887357729738
HARTMANN6_MIN = -3.32236801141551

HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]
HARTMANN_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8],
              [17, 8, 0.05, 10, 0.1, 14]]
HARTMANN_P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
              [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]
MIXED_LEVELS = ["adam", "sgd", "rmsprop"]
MIXED_OFFSET = {"adam": 0.5, "sgd": 0.0, "rmsprop": 1.0}


def branin(t):
    x1 = t.suggest_float("x1", -5, 10)
    x2 = t.suggest_float("x2", 0, 15)
    b = 5.1 / (4 * math.pi ** 2)
    c = 5 / math.pi
    s = 1 / (8 * math.pi)
    u = x2 - b * x1 * x1 + c * x1 - 6
    return u * u + 10 * (1 - s) * math.cos(x1) + 10


def hartmann6(t):
    x = [t.suggest_float("x%d" % j, 0, 1) for j in range(6)]
    f = 0.0
    for i in range(4):
        s = sum(HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j]) ** 2 for j in range(6))
        f -= HARTMANN_ALPHA[i] * math.exp(-s)
    return f


def rosenbrock4(t):
    x = [t.suggest_float("x%d" % j, -5, 10) for j in range(4)]
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(3))


def mixed(t):
    lr = t.suggest_float("lr", 1e-4, 1, log=True)
    units = t.suggest_int("units", 1, 20)
    opt = t.suggest_categorical("optimizer", MIXED_LEVELS)
    u = math.log10(lr) + 2.5
    v = (units - 13) / 5.0
    return u * u + v * v + 0.5 * u * u * v * v + MIXED_OFFSET[opt]


FUNCTIONS = [("Branin", branin, 50, BRANIN_MIN), ("Hartmann6", hartmann6, 100, HARTMANN6_MIN),
             ("Rosenbrock4", rosenbrock4, 50, 0.0), ("Mixed", mixed, 50, 0.0)]


WIDTH = 10
ASYNC_BUDGET = 100


def run_async(f, seed):
    """Best value of a TPE study with WIDTH trials running at once on a virtual clock."""
    study = optuna.create_study(direction="minimize",
                                sampler=optuna.samplers.TPESampler(seed=seed, constant_liar=True))
    durations = random.Random(seed * 31 + 7)
    running = []  # (end, number, trial)
    clock = 0.0
    asked = 0
    while True:
        while len(running) < WIDTH and asked < ASYNC_BUDGET:
            trial = study.ask()
            heapq.heappush(running, (clock + 0.5 + durations.expovariate(1.0), trial.number, trial))
            asked += 1
        if not running:
            break
        clock, _, trial = heapq.heappop(running)
        study.tell(trial, f(trial))
    return study.best_value


def main():
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    if len(sys.argv) > 2 and sys.argv[2] == "async":
        print("# optuna %s, TPESampler(constant_liar=True), %d at once, budget %d" % (optuna.__version__, WIDTH,
                                                                                  ASYNC_BUDGET))
        for name, f, _, minimum in FUNCTIONS:
            for seed in range(seeds):
                print("%s,%d,%.10g" % (name, seed, run_async(f, seed) - minimum), flush=True)
        return
    print("# optuna %s, TPESampler defaults" % optuna.__version__)
    for name, f, budget, minimum in FUNCTIONS:
        for seed in range(seeds):
            study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=seed))
            study.optimize(f, n_trials=budget)
            print("%s,%d,%.10g" % (name, seed, study.best_value - minimum), flush=True)


if __name__ == "__main__":
    main()
