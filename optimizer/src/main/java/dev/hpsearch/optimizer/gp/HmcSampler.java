package dev.hpsearch.optimizer.gp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Hamiltonian Monte Carlo with a diagonal mass matrix, step size tuned by dual averaging during
 * warm-up (Hoffman and Gelman 2014, algorithm 5) and several chains for split R-hat and ESS.
 *
 * <p>Warm-up: the first 15% tunes the step size only; from 15% to 75% the draws also estimate the
 * posterior variance of every coordinate, which becomes the inverse mass (Stan's regularised form,
 * used when warm-up has at least 100 iterations); dual averaging then restarts from the new scale.
 * After warm-up the step size is fixed at the dual-averaging average and jittered by +-10% per
 * iteration so fixed-length trajectories do not resonate. Each chain draws from its own generator
 * seeded from the injected one, so results do not depend on whether chains run in parallel.
 */
public final class HmcSampler {

    private static final double MAX_ENERGY_ERROR = 1000;
    // dual averaging constants from Hoffman and Gelman (2014)
    private static final double DA_GAMMA = 0.05;
    private static final double DA_T0 = 10;
    private static final double DA_KAPPA = 0.75;

    private final HmcSettings settings;

    public HmcSampler(HmcSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs one chain per start.
     *
     * @param logDensity gives an independent log-density instance for chain c (instances may hold
     *     work buffers); the density returns NaN or -infinity where it cannot be evaluated
     * @param starts start of each chain; not modified
     * @param rng seeds the chains
     */
    public HmcResult sample(IntFunction<DifferentiableFunction> logDensity, List<double[]> starts, RandomGenerator rng) {
        int chains = starts.size();
        if (chains == 0) {
            throw new IllegalArgumentException("need at least one start");
        }
        long[] seeds = new long[chains];
        for (int c = 0; c < chains; c++) {
            seeds[c] = rng.nextLong();
        }
        IntStream range = IntStream.range(0, chains);
        if (settings.parallelChains() && chains > 1) {
            range = range.parallel();
        }
        List<Chain> results = range
                .mapToObj(c -> runChain(logDensity.apply(c), starts.get(c), new SplittableRandom(seeds[c])))
                .collect(Collectors.toList());
        return summarise(results, starts.get(0).length);
    }

    private static final class Chain {
        double[][] draws;
        double acceptSum;
        int sampled;
        double stepSize;
        int divergences;
        boolean failed;
    }

    private Chain runChain(DifferentiableFunction f, double[] start, SplittableRandom rng) {
        int dim = start.length;
        Chain out = new Chain();
        double[] q = start.clone();
        double[] grad = new double[dim];
        double logp = f.valueAndGradient(q, grad);
        if (!Double.isFinite(logp)) {
            out.failed = true;
            out.draws = new double[0][];
            return out;
        }
        double[] invMass = new double[dim];
        java.util.Arrays.fill(invMass, 1.0);
        double[] sqrtMass = new double[dim];
        java.util.Arrays.fill(sqrtMass, 1.0);
        double[] qNew = new double[dim];
        double[] gNew = new double[dim];
        double[] p = new double[dim];

        int burnin = settings.burnin();
        boolean adaptMass = burnin >= 100;
        int windowStart = (int) (0.15 * burnin);
        int windowEnd = (int) (0.75 * burnin);
        double[] wMean = new double[dim];
        double[] wM2 = new double[dim];
        int wCount = 0;

        double eps = settings.stepSize();
        double mu = Math.log(10 * eps);
        double hBar = 0;
        double logEpsBar = 0;
        int daIter = 0;

        int kept = settings.samples();
        int interval = settings.subsampleInterval();
        int total = burnin + kept * interval;
        out.draws = new double[kept][];
        int next = 0;
        for (int it = 0; it < total; it++) {
            boolean warmup = it < burnin;
            double stepSize = warmup ? eps : eps * (0.9 + 0.2 * rng.nextDouble());
            // p ~ N(0, M), H = -log p(q) + 1/2 p^T M^-1 p
            double kinetic = 0;
            for (int i = 0; i < dim; i++) {
                p[i] = sqrtMass[i] * rng.nextGaussian();
                kinetic += 0.5 * p[i] * p[i] * invMass[i];
            }
            double h0 = -logp + kinetic;
            System.arraycopy(q, 0, qNew, 0, dim);
            System.arraycopy(grad, 0, gNew, 0, dim);
            double logpNew = logp;
            boolean divergent = false;
            for (int s = 0; s < settings.leapfrogSteps(); s++) {
                // leapfrog: p += e/2 grad; q += e M^-1 p; p += e/2 grad(q)
                for (int i = 0; i < dim; i++) {
                    p[i] += 0.5 * stepSize * gNew[i];
                    qNew[i] += stepSize * invMass[i] * p[i];
                }
                logpNew = f.valueAndGradient(qNew, gNew);
                if (!Double.isFinite(logpNew)) {
                    divergent = true;
                    break;
                }
                for (int i = 0; i < dim; i++) {
                    p[i] += 0.5 * stepSize * gNew[i];
                }
            }
            double acceptProb = 0;
            if (!divergent) {
                double kin = 0;
                for (int i = 0; i < dim; i++) {
                    kin += 0.5 * p[i] * p[i] * invMass[i];
                }
                double h1 = -logpNew + kin;
                double dH = h0 - h1;
                if (Double.isNaN(dH) || -dH > MAX_ENERGY_ERROR) {
                    divergent = true;
                } else {
                    acceptProb = Math.min(1.0, Math.exp(dH));
                }
            }
            if (divergent && !warmup) {
                out.divergences++;
            }
            if (acceptProb > 0 && rng.nextDouble() < acceptProb) {
                System.arraycopy(qNew, 0, q, 0, dim);
                System.arraycopy(gNew, 0, grad, 0, dim);
                logp = logpNew;
            }
            if (warmup) {
                // dual averaging: Hbar_m = (1 - 1/(m+t0)) Hbar + (delta - a)/(m+t0);
                // log e = mu - sqrt(m)/gamma Hbar; log ebar = m^-kappa log e + (1 - m^-kappa) log ebar
                daIter++;
                double w = 1.0 / (daIter + DA_T0);
                hBar = (1 - w) * hBar + w * (settings.targetAcceptance() - acceptProb);
                double logEps = mu - Math.sqrt(daIter) / DA_GAMMA * hBar;
                double eta = Math.pow(daIter, -DA_KAPPA);
                logEpsBar = eta * logEps + (1 - eta) * logEpsBar;
                eps = Math.exp(logEps);
                if (adaptMass && it >= windowStart && it < windowEnd) {
                    // Welford running variance of the draws
                    wCount++;
                    for (int i = 0; i < dim; i++) {
                        double delta = q[i] - wMean[i];
                        wMean[i] += delta / wCount;
                        wM2[i] += delta * (q[i] - wMean[i]);
                    }
                }
                if (adaptMass && it == windowEnd - 1 && wCount > 2) {
                    for (int i = 0; i < dim; i++) {
                        double var = wM2[i] / (wCount - 1);
                        // regularised towards 1e-3 as in Stan: (n/(n+5)) var + 1e-3 (5/(n+5))
                        double v = (wCount / (wCount + 5.0)) * var + 1e-3 * (5.0 / (wCount + 5.0));
                        invMass[i] = v;
                        sqrtMass[i] = 1.0 / Math.sqrt(v);
                    }
                    mu = Math.log(10 * eps);
                    hBar = 0;
                    logEpsBar = 0;
                    daIter = 0;
                }
                if (it == burnin - 1) {
                    eps = Math.exp(logEpsBar);
                }
            } else {
                out.acceptSum += acceptProb;
                out.sampled++;
                if ((it - burnin + 1) % interval == 0 && next < kept) {
                    out.draws[next++] = q.clone();
                }
            }
        }
        out.stepSize = eps;
        return out;
    }

    private HmcResult summarise(List<Chain> chains, int dim) {
        List<Chain> ok = new ArrayList<>();
        int failed = 0;
        int divergences = 0;
        for (Chain c : chains) {
            divergences += c.divergences;
            if (c.failed) {
                failed++;
            } else {
                ok.add(c);
            }
        }
        List<double[]> draws = new ArrayList<>();
        double acceptSum = 0;
        int sampled = 0;
        double[] steps = new double[ok.size()];
        for (int c = 0; c < ok.size(); c++) {
            Chain ch = ok.get(c);
            for (double[] d : ch.draws) {
                draws.add(d);
            }
            acceptSum += ch.acceptSum;
            sampled += ch.sampled;
            steps[c] = ch.stepSize;
        }
        double[] rhat = new double[dim];
        double[] ess = new double[dim];
        int kept = settings.samples();
        boolean enough = !ok.isEmpty() && kept >= 4;
        for (int i = 0; i < dim; i++) {
            if (!enough) {
                rhat[i] = Double.NaN;
                continue;
            }
            double[][] perChain = new double[ok.size()][kept];
            for (int c = 0; c < ok.size(); c++) {
                for (int t = 0; t < kept; t++) {
                    perChain[c][t] = ok.get(c).draws[t][i];
                }
            }
            double[][] split = ChainDiagnostics.split(perChain);
            rhat[i] = ChainDiagnostics.rhat(split);
            ess[i] = ChainDiagnostics.ess(split);
        }
        double essThreshold = Math.min(settings.minEss(), draws.size() / 4.0);
        boolean converged = enough && failed == 0;
        for (int i = 0; i < dim && converged; i++) {
            converged = rhat[i] < settings.maxRhat() && ess[i] >= essThreshold;
        }
        return new HmcResult(draws, ok.size(), rhat, ess, sampled == 0 ? 0 : acceptSum / sampled, steps,
                divergences, failed, converged);
    }
}
