package dev.hpsearch.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoxLbfgsOptimizerTest {

    private final BoxLbfgsOptimizer optimizer = new BoxLbfgsOptimizer();

    /** f = sum_i c_i (x_i - t_i)^2. */
    private static DifferentiableFunction quadratic(double[] target, double[] curvature) {
        return (x, g) -> {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                double r = x[i] - target[i];
                f += curvature[i] * r * r;
                g[i] = 2 * curvature[i] * r;
            }
            return f;
        };
    }

    private static final DifferentiableFunction ROSENBROCK = (x, g) -> {
        // f = sum_i 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2
        double f = 0;
        java.util.Arrays.fill(g, 0);
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
            g[i] += -400 * a * x[i] - 2 * b;
            g[i + 1] += 200 * a;
        }
        return f;
    };

    @Test
    void unconstrainedMinimumInsideTheBoxIsFound() {
        OptimizationResult r = optimizer.minimize(quadratic(new double[] {0.3, 0.7, 0.5}, new double[] {1, 10, 100}),
                new double[] {0.9, 0.1, 0.0}, new double[] {0, 0, 0}, new double[] {1, 1, 1});

        assertThat(r.x()).containsExactly(new double[] {0.3, 0.7, 0.5}, within(1e-6));
        assertThat(r.value()).isCloseTo(0, within(1e-10));
        assertThat(r.converged()).isTrue();
        assertThat(r.evaluations()).isGreaterThanOrEqualTo(r.iterations());
    }

    @Test
    void minimumOutsideTheBoxEndsOnTheActiveBounds() {
        OptimizationResult r = optimizer.minimize(quadratic(new double[] {-1, 0.5, 2}, new double[] {1, 1, 1}),
                new double[] {0.5, 0.5, 0.5}, new double[] {0, 0, 0}, new double[] {1, 1, 1});

        assertThat(r.x()).containsExactly(new double[] {0, 0.5, 1}, within(1e-8));
        assertThat(r.value()).isCloseTo(1 + 1, within(1e-8));
    }

    @Test
    void rosenbrockWithTheMinimumInsideIsSolved() {
        OptimizationResult r = optimizer.minimize(ROSENBROCK, new double[] {-1.2, 1.0}, new double[] {-2, -2},
                new double[] {2, 2});

        assertThat(r.x()).containsExactly(new double[] {1, 1}, within(1e-4));
    }

    @Test
    void rosenbrockWithAnActiveBoundFindsTheConstrainedMinimum() {
        // with x0 <= 0.5 the minimum lies on x0 = 0.5, x1 = 0.25: f = 0.25 (by hand: x1 = x0^2 free)
        OptimizationResult r = optimizer.minimize(ROSENBROCK, new double[] {-1.2, 1.0}, new double[] {-2, -2},
                new double[] {0.5, 2});

        assertThat(r.x()).containsExactly(new double[] {0.5, 0.25}, within(1e-4));
        assertThat(r.value()).isCloseTo(0.25, within(1e-7));
    }

    @Test
    void everyEvaluatedPointStaysInTheBox() {
        double[] lower = {0.2, -1, 0, 0};
        double[] upper = {0.8, 0, 1, 0.1};
        DifferentiableFunction f = ROSENBROCK;
        DifferentiableFunction checked = (x, g) -> {
            for (int i = 0; i < x.length; i++) {
                assertThat(x[i]).isBetween(lower[i], upper[i]);
            }
            return f.valueAndGradient(x, g);
        };

        OptimizationResult r = optimizer.minimize(checked, new double[] {5, 5, -5, 5}, lower, upper);

        assertThat(r.evaluations()).isGreaterThan(1);
    }

    @Test
    void nonFiniteValuesAreAvoidedByTheLineSearch() {
        // f is NaN for x > 0.6; the minimum of (x - 1)^2 on [0, 0.6] is at 0.6
        DifferentiableFunction f = (x, g) -> {
            if (x[0] > 0.6) {
                return Double.NaN;
            }
            g[0] = 2 * (x[0] - 1);
            return (x[0] - 1) * (x[0] - 1);
        };

        OptimizationResult r = optimizer.minimize(f, new double[] {0.0}, new double[] {0}, new double[] {1});

        assertThat(r.x()[0]).isBetween(0.5, 0.6);
        assertThat(r.value()).isFinite();
    }
}
