package dev.hpsearch.optimizer.bench;

import dev.hpsearch.optimizer.analysis.GlobalSensitivity;
import dev.hpsearch.optimizer.analysis.GlobalSensitivity.Input;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Global sensitivity benchmark (issue 11): the time of one analysis at d = 8, n = 500 (Sobol's g-function, whose
 * indices are known), and, over 20 random designs of 200 Ishigami points, the mean absolute error of the indices
 * and how often their intervals cover the truth.
 */
public final class SensitivityBenchmark {
    private static final double[] ISHIGAMI_FIRST = {0.3139, 0.4424, 0};
    private static final double[] ISHIGAMI_TOTAL = {0.5576, 0.4424, 0.2437};
    private static final double[] G_A = {0, 1, 4.5, 9, 99, 99, 99, 99};

    private SensitivityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int designs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        timing();
        System.out.println();
        ishigami(designs);
    }

    static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + 7 * Math.pow(Math.sin(x2), 2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
    }

    static double gFunction(double[] u) {
        double p = 1;
        for (int j = 0; j < G_A.length; j++) {
            p *= (Math.abs(4 * u[j] - 2) + G_A[j]) / (1 + G_A[j]);
        }
        return p;
    }

    private static double[][] design(int n, int d, SplittableRandom rng) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextDouble();
            }
        }
        return x;
    }

    private static double[] values(double[][] x, ToDoubleFunction<double[]> f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(x[i]);
        }
        return y;
    }

    private static List<Input> inputs(int d) {
        List<Input> in = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            in.add(Input.continuous("x" + (j + 1)));
        }
        return in;
    }

    private static void timing() throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[][] x = design(500, 8, new SplittableRandom(11));
        double[] y = values(x, SensitivityBenchmark::gFunction);
        // warm-up on a smaller problem so that the JIT's work is not counted
        GlobalSensitivity.fit(design(60, 8, new SplittableRandom(1)), values(design(60, 8, new SplittableRandom(1)),
                SensitivityBenchmark::gFunction), inputs(8), 1).indices();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        GlobalSensitivity s = GlobalSensitivity.fit(x, y, inputs(8), 2);
        long t1 = System.nanoTime();
        GlobalSensitivity.Result r = s.indices();
        long t2 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        System.out.printf(Locale.ROOT, "d = 8, n = 500 (g-function): fit %.2f s + indices %.2f s = %.2f s wall,"
                + " %.2f s CPU of all threads (target < 5 s wall); leave-one-out R² %.3f%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                (t2 - t0) / 1e9, (cpu1 - cpu0) / 1e9, r.looR2());
        double[] partial = new double[G_A.length];
        double sum = 0;
        for (int j = 0; j < G_A.length; j++) {
            partial[j] = 1.0 / (3 * (1 + G_A[j]) * (1 + G_A[j]));
        }
        double prod = 1;
        for (double v : partial) {
            prod *= 1 + v;
        }
        double total = prod - 1;
        for (int j = 0; j < G_A.length; j++) {
            GlobalSensitivity.Index ix = r.indices().get(j);
            System.out.printf(Locale.ROOT, "  x%d: first order %.3f [%.3f, %.3f] (true %.3f), total %.3f [%.3f, %.3f]%n",
                    j + 1, ix.firstOrder().estimate(), ix.firstOrder().low(), ix.firstOrder().high(), partial[j] / total,
                    ix.total().estimate(), ix.total().low(), ix.total().high());
            sum += partial[j];
        }
        long t3 = System.nanoTime();
        for (int j = 0; j < G_A.length; j++) {
            s.partialDependence(j, 21);
        }
        System.out.printf(Locale.ROOT, "partial dependence of all 8 inputs: %.2f s wall%n", (System.nanoTime() - t3) / 1e9);
    }

    private static void ishigami(int designs) throws Exception {
        double errFirst = 0;
        double errTotal = 0;
        int covered = 0;
        int intervals = 0;
        double worst = 0;
        long t0 = System.nanoTime();
        for (int k = 0; k < designs; k++) {
            double[][] x = design(200, 3, new SplittableRandom(100 + k));
            GlobalSensitivity.Result r = GlobalSensitivity.fit(x, values(x, SensitivityBenchmark::ishigami), inputs(3),
                    k).indices();
            for (int j = 0; j < 3; j++) {
                GlobalSensitivity.Index ix = r.indices().get(j);
                double ef = Math.abs(ix.firstOrder().estimate() - ISHIGAMI_FIRST[j]);
                double et = Math.abs(ix.total().estimate() - ISHIGAMI_TOTAL[j]);
                errFirst += ef;
                errTotal += et;
                worst = Math.max(worst, Math.max(ef, et));
                covered += (ix.firstOrder().covers(ISHIGAMI_FIRST[j]) ? 1 : 0) + (ix.total().covers(ISHIGAMI_TOTAL[j]) ? 1 : 0);
                intervals += 2;
            }
        }
        System.out.printf(Locale.ROOT, "Ishigami (a = 7, b = 0.1), %d random designs of 200 points: mean absolute"
                + " error first order %.4f, total %.4f; largest error %.4f; intervals covering the truth %d of %d"
                + " (%.0f %%); %.1f s per design%n", designs, errFirst / (3 * designs), errTotal / (3 * designs), worst,
                covered, intervals, 100.0 * covered / intervals, (System.nanoTime() - t0) / 1e9 / designs);
    }
}
