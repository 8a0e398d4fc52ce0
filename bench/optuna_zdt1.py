#!/usr/bin/python3
"""Optuna NSGA-II and TPE on the two-objective benchmark (issue 12 part 2): ZDT1 with 6 variables.

Same problem, budget, seeds and reference point as dev.hpsearch.optimizer.bench.MultiObjectiveBenchmark (keep them
in step). Prints CSV lines "method,seed,hypervolume". Run with Debian's interpreter, which sees python3-optuna:
/usr/bin/python3 bench/optuna_zdt1.py [seeds] [budget]
"""
import math
import sys

import optuna

DIMENSIONS = 6
REFERENCE = (1.1, 10.0)


def zdt1(x):
    f1 = x[0]
    g = 1 + 9 * sum(x[1:]) / (len(x) - 1)
    return f1, g * (1 - math.sqrt(f1 / g))


def hypervolume(points):
    """Exact 2-objective hypervolume up to REFERENCE: a sweep along the first objective."""
    inside = sorted(p for p in points if p[0] < REFERENCE[0] and p[1] < REFERENCE[1])
    volume, height = 0.0, REFERENCE[1]
    for f1, f2 in inside:
        if f2 < height:
            volume += (REFERENCE[0] - f1) * (height - f2)
            height = f2
    return volume


def objective(trial):
    return zdt1([trial.suggest_float("x%d" % j, 0, 1) for j in range(DIMENSIONS)])


def main():
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    budget = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    samplers = {
        # a population of 20 gives NSGA-II three generations within 60 evaluations (its default 50 gives one)
        "Optuna NSGA-II": lambda s: optuna.samplers.NSGAIISampler(population_size=20, seed=s),
        "Optuna TPE": lambda s: optuna.samplers.TPESampler(seed=s),
    }
    for name, make in samplers.items():
        for seed in range(seeds):
            study = optuna.create_study(directions=["minimize", "minimize"], sampler=make(seed))
            study.optimize(objective, n_trials=budget)
            print("%s,%d,%.9g" % (name, seed, hypervolume([tuple(t.values) for t in study.trials])))


if __name__ == "__main__":
    main()
