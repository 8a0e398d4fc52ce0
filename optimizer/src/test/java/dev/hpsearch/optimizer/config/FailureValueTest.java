package dev.hpsearch.optimizer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FailureValueTest {
    private static Double none(double score) {
        return score;
    }

    @Test
    void maxIsOnePointZeroFiveTimesAPositiveWorstLoss() {
        // the seed's rule: 1.05 x the largest loss seen so far, whatever the best is
        assertThat(FailureValue.Max.valueFor(4, 2)).isCloseTo(4.2, within(1e-12));
        assertThat(FailureValue.Max.valueFor(10, -30)).isCloseTo(10.5, within(1e-12));
    }

    @Test
    void maxStaysWorseThanTheWorstWhenTheWorstIsNegative() {
        // 1.05 x -2 would be -2.1, better than the worst; 5 % of its size is added instead
        assertThat(FailureValue.Max.valueFor(-2, -5)).isCloseTo(-1.9, within(1e-12));
    }

    @Test
    void maxOfAWorstOfZeroAddsFivePercentOfTheRange() {
        assertThat(FailureValue.Max.valueFor(0, -4)).isCloseTo(0.2, within(1e-12));
        assertThat(FailureValue.Max.valueFor(0, 0)).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void maxWithoutResultsImputesNothing() {
        assertThat(new FailureValue.Max().imputed(Double.NaN, Double.NaN, FailureValueTest::none)).isNull();
    }

    @Test
    void nanLeavesFailuresOutAndANumberIsTransformedLikeAScore() {
        assertThat(new FailureValue.Ignore().imputed(3, 1, FailureValueTest::none)).isNull();
        assertThat(new FailureValue.Fixed(100).imputed(3, 1, s -> Math.log10(s))).isEqualTo(2.0);
    }

    @Test
    void maxAndNanAreReadInAnyCaseAndOtherTextIsNot() {
        assertThat(FailureValue.parse(" MAX ")).contains(new FailureValue.Max());
        assertThat(FailureValue.parse("NaN")).contains(new FailureValue.Ignore());
        assertThat(FailureValue.parse("worst")).isEmpty();
    }
}
