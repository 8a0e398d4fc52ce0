package dev.hpsearch.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class GpDataTest {

    @Test
    void randomSubsetKeepsTheWholeDataNormalisationAndDistinctPoints() throws GpFitException {
        int n = 40;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = i;
            x[i][1] = -i;
            y[i] = 3 * i + 7;
        }
        GpData all = GpData.of(x, y, true);

        GpData sub = all.randomSubset(10, new SplittableRandom(3));

        assertThat(sub.n).isEqualTo(10);
        assertThat(sub.yMean).isEqualTo(all.yMean);
        assertThat(sub.yScale).isEqualTo(all.yScale);
        Set<Integer> rows = new HashSet<>();
        for (int k = 0; k < sub.n; k++) {
            int i = (int) sub.x[k * 2];
            rows.add(i);
            assertThat(sub.x[k * 2 + 1]).isEqualTo(-i);
            assertThat(sub.y[k]).isEqualTo(all.y[i]);
        }
        assertThat(rows).hasSize(10);
        assertThat(all.randomSubset(n, new SplittableRandom(3))).isSameAs(all);
    }
}
