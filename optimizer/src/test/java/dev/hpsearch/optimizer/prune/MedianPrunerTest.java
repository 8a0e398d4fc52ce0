package dev.hpsearch.optimizer.prune;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MedianPrunerTest {

    /** Curves of runs 1..3 at steps 0..n-1. */
    private static Curves curves(double[]... runs) {
        Curves c = new Curves();
        for (int r = 0; r < runs.length; r++) {
            for (int s = 0; s < runs[r].length; s++) {
                c.add(r + 1, s, runs[r][s]);
            }
        }
        return c;
    }

    @Test
    void stopsARunWorseThanTheMedianOfTheOthersAtItsStep() {
        // at step 2 the others' best values are 0.5 (run 1) and 0.7 (run 2): median 0.6; run 3's best is 0.8
        Curves c = curves(new double[] {1.0, 0.6, 0.5, 0.4}, new double[] {1.0, 0.8, 0.7, 0.6},
                new double[] {1.0, 0.9, 0.8});
        assertThat(new MedianPruner(0).judge(3, c, 1)).get().asString()
                .contains("step 2").contains("0.8").contains("median 0.6").contains("2 other");
    }

    @Test
    void keepsARunAtOrBetterThanTheMedian() {
        // median of the others at step 2 is 0.6; run 3's best up to step 2 is exactly 0.6 (at step 1)
        Curves c = curves(new double[] {1.0, 0.6, 0.5}, new double[] {1.0, 0.8, 0.7}, new double[] {1.0, 0.6, 0.9});
        assertThat(new MedianPruner(0).judge(3, c, 1)).isEmpty();
    }

    @Test
    void judgesNothingBeforeTheWarmup() {
        Curves c = curves(new double[] {0.1, 0.1, 0.1}, new double[] {0.1, 0.1, 0.1}, new double[] {5, 5, 5});
        assertThat(new MedianPruner(3).judge(3, c, 1)).isEmpty();
        c.add(3, 3, 5);
        c.add(1, 3, 0.1);
        c.add(2, 3, 0.1);
        assertThat(new MedianPruner(3).judge(3, c, 2)).isPresent();
    }

    @Test
    void needsTwoOtherRunsThatReachedTheStep() {
        // run 2 stopped at step 1, so at step 2 only run 1 is there to compare against
        Curves c = curves(new double[] {0.1, 0.1, 0.1}, new double[] {0.1, 0.1}, new double[] {5, 5, 5});
        assertThat(new MedianPruner(0).judge(3, c, 1)).isEmpty();
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(MedianPruner.median(java.util.List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(MedianPruner.median(java.util.List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    }
}
