package dev.hpsearch.optimizer.gp;

import dev.hpsearch.optimizer.bench.QualityFunctions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Thread-CPU time per phase of one likelihood evaluation with gradient (Matern 5/2, learned noise, with
 * prior) at n points in d dimensions, as HMC calls it: the whole evaluation, the value alone (kernel
 * values, factorisation, solve), the factorisation, the inverse from the factor and the kernel shape and
 * derivative over the n(n-1)/2 pairs. Each figure is the median over 5 rounds of {@code reps} calls, after
 * a JIT warm-up. Printed by {@code bench/bopt-speed.sh} (a program, not a test).
 */
public final class LikelihoodProfile {

    private LikelihoodProfile() {
    }

    /** Prints the phases in microseconds per call. */
    public static void print(int n, int d, int reps) {
        SplittableRandom rng = new SplittableRandom(42);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] p = new double[d];
            for (int j = 0; j < d; j++) {
                p[j] = rng.nextDouble();
                x[i * d + j] = p[j];
            }
            y[i] = QualityFunctions.hartmann6(p);
        }
        double mean = java.util.Arrays.stream(y).average().orElse(0);
        double var = java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).average().orElse(1);
        for (int i = 0; i < n; i++) {
            y[i] = (y[i] - mean) / Math.sqrt(var);
        }
        ParamLayout layout = new ParamLayout(KernelType.MATERN52, d, true, 1.0);
        MarginalLikelihood f = new MarginalLikelihood(layout, x, y, true);
        double[] theta = new double[layout.size];
        java.util.Arrays.fill(theta, 0, d, Math.log(0.4));
        theta[layout.varianceIndex] = 0;
        theta[layout.noiseIndex] = Math.log(1e-3);
        double[] grad = new double[layout.size];

        // K as the likelihood builds it, full, for the factor and inverse phases
        double[] k = new double[n * n];
        double[] r2s = new double[n * (n - 1) / 2];
        int p = 0;
        for (int i = 0; i < n; i++) {
            k[i * n + i] = 1 + 1e-3;
            for (int m = 0; m < i; m++, p++) {
                double r2 = 0;
                for (int j = 0; j < d; j++) {
                    double diff = (x[i * d + j] - x[m * d + j]) / 0.4;
                    r2 += diff * diff;
                }
                r2s[p] = r2;
                double v = KernelType.MATERN52.shape(r2, 1);
                k[i * n + m] = v;
                k[m * n + i] = v;
            }
        }
        double[] a = new double[n * n];
        double[] l = k.clone();
        double[] invDiag = new double[n];
        DenseCholesky.factorLower(l, n, invDiag);
        double[] linv = new double[n * n];
        double[] row = new double[n];
        double[] out = new double[n * n];
        double[] der = new double[2];
        double[] sink = new double[1];

        Runnable full = () -> sink[0] += f.valueAndGradient(theta, grad);
        Runnable value = () -> sink[0] += f.valueAndGradient(theta, null);
        Runnable factor = () -> {
            System.arraycopy(k, 0, a, 0, n * n);
            DenseCholesky.factorLower(a, n, invDiag);
        };
        Runnable copy = () -> System.arraycopy(k, 0, a, 0, n * n);
        Runnable inverse = () -> DenseCholesky.inverseLower(l, n, linv, row, out);
        Runnable kernel = () -> {
            double s = 0;
            for (double r2 : r2s) {
                s += KernelType.MATERN52.shapeWithDerivative(r2, 1, der) + der[0];
            }
            sink[0] += s;
        };
        Runnable[] phases = {full, value, factor, copy, inverse, kernel};
        String[] names = {"value + gradient", "value only (kernel, factor, solve)", "factorisation (with copy of K)",
            "  copy of K alone", "K^-1 from the factor", "Matern 5/2 g and dg/dr2 over the pairs"};
        for (int w = 0; w < 3; w++) {
            for (Runnable r : phases) {
                time(r, reps);
            }
        }
        System.out.printf(Locale.ROOT, "Likelihood phases, n = %d, d = %d, thread CPU us per call (median of 5 x %d)%n", n, d, reps);
        for (int i = 0; i < phases.length; i++) {
            double[] t = new double[5];
            for (int r = 0; r < 5; r++) {
                t[r] = time(phases[i], reps);
            }
            java.util.Arrays.sort(t);
            System.out.printf(Locale.ROOT, "  %-40s %8.1f%n", names[i], t[2]);
        }
        if (sink[0] == 42.4242) {
            System.out.println();
        }
    }

    private static double time(Runnable r, int reps) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < reps; i++) {
            r.run();
        }
        return (mx.getCurrentThreadCpuTime() - c0) / 1e3 / reps;
    }
}
