package dev.hpsearch.optimizer.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HyperparameterTest {
    private static final Offset<Double> EXACTISH = within(1e-12);

    private static List<JsonNode> ints(int... values) {
        return java.util.Arrays.stream(values).mapToObj(v -> (JsonNode) IntNode.valueOf(v)).toList();
    }

    @Test
    void linearMapsBoundsToZeroAndOneAndBackExactly() {
        Hyperparameter h = Hyperparameter.continuous("x", 2, 10, Transformation.LINEAR);

        assertThat(h.toUnit(2)).isEqualTo(0.0);
        assertThat(h.toUnit(10)).isEqualTo(1.0);
        assertThat(h.fromUnit(0)).isEqualTo(2.0);
        assertThat(h.fromUnit(1)).isEqualTo(10.0);
    }

    @Test
    void linearIsShiftAndScale() {
        Hyperparameter h = Hyperparameter.continuous("x", 2, 10, Transformation.LINEAR);

        assertThat(h.toUnit(6)).isEqualTo(0.5);
        assertThat(h.fromUnit(0.25)).isEqualTo(4.0);
    }

    @Test
    void logMapsBoundsToZeroAndOneAndBackExactly() {
        Hyperparameter h = Hyperparameter.continuous("lr", 1e-4, 1, Transformation.LOG);

        assertThat(h.toUnit(1e-4)).isEqualTo(0.0);
        assertThat(h.toUnit(1)).isEqualTo(1.0);
        assertThat(h.fromUnit(0)).isEqualTo(1e-4);
        assertThat(h.fromUnit(1)).isEqualTo(1.0);
    }

    @Test
    void logMidpointOfOneTenThousandthToOneIsOneHundredth() {
        Hyperparameter h = Hyperparameter.continuous("lr", 1e-4, 1, Transformation.LOG);

        assertThat(h.fromUnit(0.5)).isCloseTo(1e-2, within(1e-2 * 1e-12));
        assertThat(h.toUnit(1e-2)).isCloseTo(0.5, EXACTISH);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-4, 3e-4, 1e-3, 0.05, 0.5, 1})
    void logRoundTripsThroughTheUnitInterval(double x) {
        Hyperparameter h = Hyperparameter.continuous("lr", 1e-4, 1, Transformation.LOG);

        assertThat(h.fromUnit(h.toUnit(x))).isCloseTo(x, within(x * 1e-12));
    }

    @Test
    void fromUnitClampsOutsideTheUnitInterval() {
        Hyperparameter h = Hyperparameter.continuous("x", -1, 1, Transformation.LINEAR);

        assertThat(h.fromUnit(-0.5)).isEqualTo(-1.0);
        assertThat(h.fromUnit(1.5)).isEqualTo(1.0);
    }

    @Test
    void continuousValueAtIsTheMappedNumber() {
        Hyperparameter h = Hyperparameter.continuous("x", 0, 10, Transformation.LINEAR);

        assertThat(h.valueAt(0.3)).isEqualTo(DoubleNode.valueOf(3.0));
    }

    @Test
    void discreteSnapsToNearestValueInLogSpace() {
        Hyperparameter h = Hyperparameter.discrete("units", ints(1, 10, 100), Transformation.LOG);

        // log units: 1 -> 0, 10 -> 0.5, 100 -> 1; 0.6 is nearest 10
        assertThat(h.valueAt(0.6)).isEqualTo(IntNode.valueOf(10));
        assertThat(h.valueAt(0.2)).isEqualTo(IntNode.valueOf(1));
        assertThat(h.valueAt(0.8)).isEqualTo(IntNode.valueOf(100));
    }

    @Test
    void discreteSnapsToNearestValueInLinearSpace() {
        Hyperparameter h = Hyperparameter.discrete("units", ints(1, 10, 100), Transformation.LINEAR);

        // linear units: 1 -> 0, 10 -> 0.09, 100 -> 1; 0.6 is nearest 100, unlike on the log scale
        assertThat(h.valueAt(0.6)).isEqualTo(IntNode.valueOf(100));
        assertThat(h.nearestIndex(0.6)).isEqualTo(2);
        assertThat(h.valueAt(0.3)).isEqualTo(IntNode.valueOf(10));
    }

    @Test
    void discreteBoundsAreSmallestAndLargestWhateverTheOrder() {
        Hyperparameter h = Hyperparameter.discrete("n", ints(5, 1, 3), Transformation.LINEAR);

        assertThat(h.lower()).isEqualTo(1.0);
        assertThat(h.upper()).isEqualTo(5.0);
        assertThat(h.valueAt(0)).isEqualTo(IntNode.valueOf(1));
        assertThat(h.valueAt(1)).isEqualTo(IntNode.valueOf(5));
    }

    @Test
    void singleDiscreteValueSitsInTheMiddle() {
        Hyperparameter h = Hyperparameter.discrete("n", ints(7), Transformation.LOG);

        assertThat(h.toUnit(7)).isEqualTo(0.5);
        assertThat(h.valueAt(0.9)).isEqualTo(IntNode.valueOf(7));
    }

    @Test
    void categoricalChoosesLevelByEqualSlices() {
        Hyperparameter h = Hyperparameter.categorical("act",
                List.of(TextNode.valueOf("tanh"), TextNode.valueOf("relu"), TextNode.valueOf("elu")));

        assertThat(h.valueAt(0)).isEqualTo(TextNode.valueOf("tanh"));
        assertThat(h.valueAt(0.33)).isEqualTo(TextNode.valueOf("tanh"));
        assertThat(h.valueAt(0.34)).isEqualTo(TextNode.valueOf("relu"));
        assertThat(h.valueAt(0.67)).isEqualTo(TextNode.valueOf("elu"));
        assertThat(h.valueAt(1)).isEqualTo(TextNode.valueOf("elu"));
    }

    @Test
    void categoricalCoordinateIsTheLevelIndex() {
        Hyperparameter h = Hyperparameter.categorical("act", List.of(TextNode.valueOf("tanh"), TextNode.valueOf("relu")));

        assertThat(h.coordinate(TextNode.valueOf("relu"))).isEqualTo(1.0);
        assertThat(h.coordinate(TextNode.valueOf("sigmoid"))).isEqualTo(-1.0);
    }

    @Test
    void containsChecksBoundsOrListedValues() {
        Hyperparameter c = Hyperparameter.continuous("x", 1, 2, Transformation.LINEAR);
        Hyperparameter d = Hyperparameter.discrete("n", ints(1, 2), Transformation.LINEAR);

        assertThat(c.contains(DoubleNode.valueOf(1))).isTrue();
        assertThat(c.contains(DoubleNode.valueOf(2.0001))).isFalse();
        assertThat(c.contains(TextNode.valueOf("1.5"))).isFalse();
        assertThat(d.contains(IntNode.valueOf(2))).isTrue();
        assertThat(d.contains(IntNode.valueOf(3))).isFalse();
    }

    @Test
    void rejectsLowerBoundNotBelowUpperBound() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Hyperparameter.continuous("x", 1, 1, Transformation.LINEAR))
                .withMessageContaining("x");
    }

    @Test
    void rejectsLogWithNonPositiveBound() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Hyperparameter.continuous("x", 0, 1, Transformation.LOG));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Hyperparameter.discrete("n", ints(0, 1), Transformation.LOG));
    }

    @Test
    void rejectsEmptyDomain() {
        assertThatIllegalArgumentException().isThrownBy(() -> Hyperparameter.categorical("c", List.of()));
    }
}
