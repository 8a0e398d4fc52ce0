#!/usr/bin/python3
"""Optuna's MedianPruner and SuccessiveHalvingPruner on the pruning benchmark's learning-curve problem (issue 12).

The same problem and protocol as dev.hpsearch.optimizer.bench.PruningBenchmark (keep them in step): a trial
"trains" for STEPS steps with a short sleep each, its loss at step s being L(u, w) + 1.5 exp(-k(u) s) plus noise
(sd 0.01), u = log10(lr) in [-3, 0], w in [0, 1]; its final value is the noiseless loss at the last step. Four
trials run at once (n_jobs=4). Every search of a seed tries the same points in the same order (enqueued). Per seed: random search without a pruner, 20 trials, gives the target regret;
then random search with the same seed and each pruner, stopped as soon as a finished trial reaches that regret,
at most 60 trials. Steps are the reports made, including those of trials cut short.

Run with Debian's interpreter, which sees python3-optuna:
  /usr/bin/python3 bench/optuna_pruning.py SEEDS SLEEP WARMUP MIN_STEP ETA FIRST_SEED STEPS [POINTS]
POINTS: lines "seed,lr,w", the combinations hpsearch's searches of each seed drew, in order (PruningBenchmark
writes them), so that both tools try the very same points.
Prints one line per seed and pruner: "optuna,PRUNER,SEED,STEPS_SPENT,SECONDS,REACHED,REGRET".
"""
import math
import random
import sys
import threading
import time

import optuna

BUDGET = 20
MAX_PRUNED = 60


def final_loss(u, w, steps):
    return 0.1 + 0.3 * (u + 1.5) ** 2 + (w - 0.6) ** 2 + 1.5 * math.exp(-(0.08 + 4 * 10 ** u) * (steps - 1))


def optimum(steps):
    return min(final_loss(-3 + 3.0 * i / 300000, 0.6, steps) for i in range(300001))


def search(seed, steps, sleep, pruner, budget, target, points):
    """One search; returns (steps spent, seconds, reached, best final loss)."""
    lock = threading.Lock()
    spent = [0]
    done = threading.Event()
    study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=seed), pruner=pruner)
    # the same combinations in the same order for every search of a seed, as hpsearch's seeded random search
    # gives (four threads asking a shared sampler would not): trial n takes the seed's n-th point, hpsearch's own
    # points when given (then both tools try the very same ones), further ones drawn here
    rng = random.Random(seed)
    for n in range(budget):
        lr, w = points[n] if n < len(points) else (10 ** rng.uniform(-3, 0), rng.uniform(0, 1))
        study.enqueue_trial({"lr": lr, "w": w})

    def objective(trial):
        lr = trial.suggest_float("lr", 0.001, 1, log=True)
        w = trial.suggest_float("w", 0, 1)
        u = math.log10(lr)
        k = 0.08 + 4 * 10 ** u
        base = 0.1 + 0.3 * (u + 1.5) ** 2 + (w - 0.6) ** 2
        rng = random.Random(repr((lr, w)))
        for s in range(steps):
            if done.is_set():
                raise optuna.TrialPruned()  # the search has ended: the run is cut like a cancelled one
            trial.report(base + 1.5 * math.exp(-k * s) + rng.gauss(0, 0.01), s)
            with lock:
                spent[0] += 1
            time.sleep(sleep)
            if trial.should_prune():
                raise optuna.TrialPruned()
        value = final_loss(u, w, steps)
        if target is not None and value <= target:
            done.set()
        return value

    def stop_when_reached(st, _trial):
        if done.is_set():
            st.stop()

    t0 = time.time()
    study.optimize(objective, n_trials=budget, n_jobs=4, callbacks=[stop_when_reached])
    seconds = time.time() - t0
    finished = [t.value for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
    return spent[0], seconds, done.is_set(), min(finished) if finished else float("nan")


def main():
    seeds, sleep, warmup, min_step, eta, first_seed, steps = (int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]),
                                                              int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]),
                                                              int(sys.argv[7]))
    points = {}
    if len(sys.argv) > 8:
        with open(sys.argv[8]) as f:
            for line in f:
                seed, lr, w = line.strip().split(",")
                points.setdefault(int(seed), []).append((float(lr), float(w)))
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    best = optimum(steps)
    for seed in range(first_seed, first_seed + seeds):
        spent, seconds, _, found = search(seed, steps, sleep, optuna.pruners.NopPruner(), BUDGET, None,
                                          points.get(seed, []))
        print("optuna,none,%d,%d,%.1f,yes,%.5f" % (seed, spent, seconds, found - best), flush=True)
        pruners = {"median": optuna.pruners.MedianPruner(n_warmup_steps=warmup),
                   "asha": optuna.pruners.SuccessiveHalvingPruner(min_resource=min_step, reduction_factor=eta)}
        for name, pruner in pruners.items():
            p_spent, p_seconds, reached, p_found = search(seed, steps, sleep, pruner, MAX_PRUNED, found + 1e-12,
                                                        points.get(seed, []))
            print("optuna,%s,%d,%d,%.1f,%s,%.5f" % (name, seed, p_spent, p_seconds, "yes" if reached else "NO",
                                                      p_found - best), flush=True)


if __name__ == "__main__":
    main()
