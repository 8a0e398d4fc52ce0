package dev.hpsearch.optimizer.prune;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AshaPrunerTest {
    // min step 2, eta 2: rungs at steps 2, 4, 8, ...
    private final AshaPruner asha = new AshaPruner(2, 2);

    private static void points(Curves c, int id, double... values) {
        for (int s = 0; s < values.length; s++) {
            c.add(id, s, values[s]);
        }
    }

    @Test
    void goesOnWhileFewerThanEtaReachedTheRung() {
        Curves c = new Curves();
        points(c, 1, 9, 9, 9);
        assertThat(asha.judge(1, c, 1)).isEmpty();
    }

    @Test
    void keepsTheBestHalfAtARung() {
        Curves c = new Curves();
        // rung 2 values: run 1 0.5, run 2 0.3, run 3 0.9, run 4 0.4
        points(c, 1, 1, 0.7, 0.5);
        points(c, 2, 1, 0.6, 0.3);
        points(c, 3, 1, 0.95, 0.9);
        // 3 at the rung: keep ceil(3/2) = 2; run 3 ranks 3rd
        assertThat(asha.judge(3, c, 1)).get().asString().contains("rung step 2").contains("ranks 3 of 3")
                .contains("best 2");
        points(c, 4, 1, 0.8, 0.4);
        // 4 at the rung: keep 2; run 4 ranks 2nd (0.3 < 0.4 < 0.5 < 0.9)
        assertThat(asha.judge(4, c, 1)).isEmpty();
    }

    @Test
    void roundsTheShareUpWhileTheRungHoldsFewRuns() {
        AshaPruner eta3 = new AshaPruner(2, 3);
        Curves c = new Curves();
        // rung 2 values: 0.1, 0.2, 0.4, then run 4 with 0.3
        points(c, 1, 1, 0.5, 0.1);
        points(c, 2, 1, 0.5, 0.2);
        points(c, 3, 1, 0.5, 0.4);
        points(c, 4, 1, 0.5, 0.3);
        // 4 at the rung: keep ceil(4/3) = 2; run 4 ranks 3rd: stopped; run 2 (2nd) goes on, not only the best
        assertThat(eta3.judge(4, c, 1)).get().asString().contains("ranks 3 of 4").contains("best 2");
        assertThat(eta3.judge(2, c, 1)).isEmpty();
        // 6 at the rung: keep 2 (6/3 exactly); a run ranking 3rd is stopped
        points(c, 5, 1, 0.5, 0.05);
        points(c, 6, 1, 0.5, 0.9);
        assertThat(eta3.judge(2, c, 1)).get().asString().contains("ranks 3 of 6").contains("best 2");
    }

    @Test
    void judgesARunOncePerRungWhenItCrossesIt() {
        Curves c = new Curves();
        points(c, 1, 1, 0.2, 0.2, 0.2, 0.2);
        points(c, 2, 1, 0.3, 0.3, 0.3, 0.3);
        points(c, 3, 1, 0.9, 0.9, 0.9);
        // run 3 reported step 3 after step 2: between rungs 2 and 4, nothing to judge
        assertThat(asha.judge(3, c, 2)).isEmpty();
        // its step 2 was new: judged at rung 2, ranks 3 of 3, keep 1
        assertThat(asha.judge(3, c, 1)).isPresent();
    }

    @Test
    void aRungValueIsTheBestUpToTheFirstStepPastTheRung() {
        Curves c = new Curves();
        c.add(1, 0, 0.9);
        c.add(1, 3, 0.4);
        c.add(1, 5, 0.1);
        assertThat(AshaPruner.rungValue(c, 1, 2)).isEqualTo(0.4);
        assertThat(AshaPruner.rungValue(c, 1, 4)).isEqualTo(0.1);
        assertThat(AshaPruner.rungValue(c, 1, 8)).isNaN();
    }

    @Test
    void judgesTheHighestRungCrossedByTheNewPoints() {
        Curves c = new Curves();
        // runs 1 and 2 at rung 4: 0.1 and 0.2; run 3 jumps from step 1 to step 5 with 0.3: ranks 3 of 3 at rung 4
        c.add(1, 4, 0.1);
        c.add(2, 4, 0.2);
        c.add(3, 1, 0.05);
        c.add(3, 5, 0.3);
        // its best up to step 5 is 0.05 (step 1): the best at rung 4, kept
        assertThat(asha.judge(3, c, 1)).isEmpty();
        Curves d = new Curves();
        d.add(1, 4, 0.1);
        d.add(2, 4, 0.2);
        d.add(3, 1, 0.5);
        d.add(3, 5, 0.3);
        assertThat(asha.judge(3, d, 1)).get().asString().contains("rung step 4");
    }
}
