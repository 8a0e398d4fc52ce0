package dev.hpsearch.optimizer.gp;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * How one hyperparameter appears to the GP. A point is given "per hyperparameter": one double each,
 * the unit value for continuous and discrete hyperparameters and the level index for categorical
 * ones. The GP sees the encoded form: one column for continuous and discrete, {@code k} one-hot
 * columns for a categorical with {@code k} levels.
 */
public sealed interface Dimension permits Dimension.Continuous, Dimension.Discrete, Dimension.Categorical {

    /** A continuous hyperparameter, one column in [0, 1]. */
    static Dimension continuous() {
        return new Continuous();
    }

    /** A discrete hyperparameter whose allowed values, transformed to [0, 1], are {@code unitValues}. */
    static Dimension discrete(double... unitValues) {
        return new Discrete(unitValues);
    }

    /** A categorical hyperparameter with {@code levels} levels, one-hot encoded. */
    static Dimension categorical(int levels) {
        return new Categorical(levels);
    }

    /** Number of encoded columns. */
    int width();

    /**
     * Writes the encoded form of {@code value} at {@code out[offset..offset+width)}.
     *
     * @throws IllegalArgumentException if the value is not valid for this hyperparameter
     */
    void encode(double value, double[] out, int offset);

    /** The valid per-hyperparameter value nearest to the encoded columns (snapping). */
    double decode(double[] encoded, int offset);

    /** A uniformly random valid per-hyperparameter value. */
    double random(RandomGenerator rng);

    /** Continuous in [0, 1]. */
    record Continuous() implements Dimension {
        @Override
        public int width() {
            return 1;
        }

        @Override
        public void encode(double value, double[] out, int offset) {
            if (!(value >= -1e-9 && value <= 1 + 1e-9)) {
                throw new IllegalArgumentException("continuous unit value must be in [0, 1], was " + value);
            }
            out[offset] = Math.min(1, Math.max(0, value));
        }

        @Override
        public double decode(double[] encoded, int offset) {
            return Math.min(1, Math.max(0, encoded[offset]));
        }

        @Override
        public double random(RandomGenerator rng) {
            return rng.nextDouble();
        }
    }

    /**
     * Discrete values in [0, 1], snapped to the nearest allowed one.
     *
     * @param unitValues allowed unit values, sorted ascending, at least one
     */
    record Discrete(double[] unitValues) implements Dimension {
        public Discrete {
            if (unitValues.length == 0) {
                throw new IllegalArgumentException("a discrete hyperparameter needs at least one value");
            }
            unitValues = unitValues.clone();
            for (int i = 0; i < unitValues.length; i++) {
                if (!(unitValues[i] >= 0 && unitValues[i] <= 1)) {
                    throw new IllegalArgumentException("discrete unit values must be in [0, 1], was " + unitValues[i]);
                }
                if (i > 0 && !(unitValues[i] > unitValues[i - 1])) {
                    throw new IllegalArgumentException("discrete unit values must be sorted and distinct: "
                            + Arrays.toString(unitValues));
                }
            }
        }

        @Override
        public double[] unitValues() {
            return unitValues.clone();
        }

        @Override
        public int width() {
            return 1;
        }

        @Override
        public void encode(double value, double[] out, int offset) {
            if (!(value >= -1e-9 && value <= 1 + 1e-9)) {
                throw new IllegalArgumentException("discrete unit value must be in [0, 1], was " + value);
            }
            out[offset] = value;
        }

        @Override
        public double decode(double[] encoded, int offset) {
            double v = encoded[offset];
            int i = Arrays.binarySearch(unitValues, v);
            if (i >= 0) {
                return unitValues[i];
            }
            int hi = -i - 1;
            if (hi == 0) {
                return unitValues[0];
            }
            if (hi == unitValues.length) {
                return unitValues[hi - 1];
            }
            return v - unitValues[hi - 1] <= unitValues[hi] - v ? unitValues[hi - 1] : unitValues[hi];
        }

        @Override
        public double random(RandomGenerator rng) {
            return unitValues[rng.nextInt(unitValues.length)];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Discrete other && Arrays.equals(unitValues, other.unitValues);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(unitValues);
        }

        @Override
        public String toString() {
            return "Discrete" + Arrays.toString(unitValues);
        }
    }

    /**
     * Categorical with {@code levels} levels; the per-hyperparameter value is the level index and
     * snapping picks the level with the largest encoded coordinate.
     */
    record Categorical(int levels) implements Dimension {
        public Categorical {
            if (levels < 1) {
                throw new IllegalArgumentException("a categorical hyperparameter needs at least one level");
            }
        }

        @Override
        public int width() {
            return levels;
        }

        @Override
        public void encode(double value, double[] out, int offset) {
            int level = (int) Math.rint(value);
            if (!(Math.abs(value - level) < 1e-9) || level < 0 || level >= levels) {
                throw new IllegalArgumentException("categorical level must be an integer in [0, " + levels + "), was " + value);
            }
            for (int i = 0; i < levels; i++) {
                out[offset + i] = i == level ? 1 : 0;
            }
        }

        @Override
        public double decode(double[] encoded, int offset) {
            int best = 0;
            for (int i = 1; i < levels; i++) {
                if (encoded[offset + i] > encoded[offset + best]) {
                    best = i;
                }
            }
            return best;
        }

        @Override
        public double random(RandomGenerator rng) {
            return rng.nextInt(levels);
        }
    }
}
