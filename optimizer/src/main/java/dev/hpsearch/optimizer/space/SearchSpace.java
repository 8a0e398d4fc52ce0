package dev.hpsearch.optimizer.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** The hyperparameters of a model config, in the order they appear in the file. */
public record SearchSpace(List<Hyperparameter> hyperparameters) {

    public SearchSpace {
        hyperparameters = List.copyOf(hyperparameters);
    }

    public int dimension() {
        return hyperparameters.size();
    }

    public Hyperparameter get(int i) {
        return hyperparameters.get(i);
    }

    /**
     * The grid values of one hyperparameter for {@code n} points per hyperparameter (the seed's rules):
     * continuous: n points evenly spaced in transformed space, both bounds included (one point: the middle);
     * discrete: {@code min(n, size)} listed values spread over the list, first and last included;
     * categorical: every listed value, whatever n.
     */
    public List<JsonNode> gridValues(int i, int n) {
        Hyperparameter h = hyperparameters.get(i);
        List<JsonNode> out = new ArrayList<>();
        switch (h.type()) {
            case CONTINUOUS:
                for (int k = 0; k < n; k++) {
                    out.add(h.valueAt(n == 1 ? 0.5 : (double) k / (n - 1)));
                }
                return out;
            case DISCRETE:
                int m = Math.min(n, h.size());
                for (int k = 0; k < m; k++) {
                    int index = m == 1 ? (h.size() - 1) / 2 : (int) Math.round((double) k * (h.size() - 1) / (m - 1));
                    out.add(h.values().get(index));
                }
                return out;
            default:
                return h.values();
        }
    }

    /** All grid values of every hyperparameter. */
    public List<List<JsonNode>> grid(int n) {
        List<List<JsonNode>> axes = new ArrayList<>();
        for (int i = 0; i < dimension(); i++) {
            axes.add(gridValues(i, n));
        }
        return axes;
    }

    /**
     * The number of distinct combinations when every hyperparameter is discrete or categorical; empty when
     * any is continuous (practically unbounded) or the count overflows.
     */
    public OptionalLong finiteSize() {
        long size = 1;
        for (Hyperparameter h : hyperparameters) {
            if (h.type() == HyperparameterType.CONTINUOUS) {
                return OptionalLong.empty();
            }
            try {
                size = Math.multiplyExact(size, h.size());
            } catch (ArithmeticException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(size);
    }

    /** Coordinates of a combination: [0, 1] for numeric hyperparameters, the level index for categorical. */
    public double[] coordinates(Combination c) {
        double[] x = new double[dimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = hyperparameters.get(i).coordinate(c.get(i));
        }
        return x;
    }

    /** The combination at the given coordinates (the inverse of {@link #coordinates}), snapping as needed. */
    public Combination at(double[] coordinates) {
        List<JsonNode> values = new ArrayList<>(dimension());
        for (int i = 0; i < dimension(); i++) {
            Hyperparameter h = hyperparameters.get(i);
            if (h.isCategorical()) {
                int level = (int) Math.round(coordinates[i]);
                values.add(h.values().get(Math.max(0, Math.min(h.size() - 1, level))));
            } else {
                values.add(h.valueAt(coordinates[i]));
            }
        }
        return new Combination(values);
    }

    /**
     * The script's input: a deep copy of the model config with each hyperparameter object replaced by its
     * value; constants pass through unchanged.
     */
    public ObjectNode render(ObjectNode template, Combination c) {
        ObjectNode copy = template.deepCopy();
        for (int i = 0; i < dimension(); i++) {
            set(copy, hyperparameters.get(i).path(), c.get(i));
        }
        return copy;
    }

    /** Sets the value at {@code path} (object keys and array indexes) of {@code root}, changed in place. */
    static void set(ObjectNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (int k = 0; k < path.size() - 1; k++) {
            Object step = path.get(k);
            parent = step instanceof Integer ? parent.get((Integer) step) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer) {
            ((ArrayNode) parent).set((Integer) last, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }
}
