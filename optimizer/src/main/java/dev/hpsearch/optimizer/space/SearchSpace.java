package dev.hpsearch.optimizer.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The hyperparameters of a model config, in the order they appear in the file.
 *
 * <p>A conditional hyperparameter (see {@link Condition}) that does not exist in a combination holds
 * {@link #INACTIVE} there: every combination is kept {@link #canonical canonical}, so two combinations that differ
 * only in inactive values are one.
 */
public record SearchSpace(List<Hyperparameter> hyperparameters) {

    /** The value an inactive hyperparameter holds in a canonical combination (JSON null). */
    public static final JsonNode INACTIVE = NullNode.getInstance();
    /** Above this many combinations a finite conditional space is not enumerated to count it. */
    private static final long COUNT_LIMIT = 2_000_000;
    /** The [0, 1] coordinate given to an inactive numeric hyperparameter (see decision 0026). */
    public static final double INACTIVE_UNIT = 0.5;

    public SearchSpace {
        hyperparameters = List.copyOf(hyperparameters);
        for (int i = 0; i < hyperparameters.size(); i++) {
            int steps = 0;
            for (int k = i; hyperparameters.get(k).condition() != null; k = parentIndex(hyperparameters, k)) {
                if (++steps > hyperparameters.size()) {
                    throw new IllegalArgumentException(hyperparameters.get(i).name() + ": its conditions form a cycle");
                }
            }
        }
    }

    private static int parentIndex(List<Hyperparameter> hs, int i) {
        String parent = hs.get(i).condition().parent();
        for (int k = 0; k < hs.size(); k++) {
            if (hs.get(k).name().equals(parent)) {
                if (hs.get(k).type() == HyperparameterType.CONTINUOUS) {
                    throw new IllegalArgumentException(hs.get(i).name() + ": condition on continuous " + parent);
                }
                return k;
            }
        }
        throw new IllegalArgumentException(hs.get(i).name() + ": condition on unknown hyperparameter " + parent);
    }

    /** True when some hyperparameter exists only for some values of another. */
    public boolean conditional() {
        return hyperparameters.stream().anyMatch(Hyperparameter::isConditional);
    }

    /** Whether hyperparameter {@code i} exists in {@code c}: its parent exists and holds one of the values. */
    public boolean active(int i, Combination c) {
        Condition condition = hyperparameters.get(i).condition();
        if (condition == null) {
            return true;
        }
        int p = parentIndex(hyperparameters, i);
        return active(p, c) && condition.values().contains(c.get(p));
    }

    /** {@code c} with every inactive hyperparameter set to {@link #INACTIVE}. */
    public Combination canonical(Combination c) {
        if (!conditional()) {
            return c;
        }
        List<JsonNode> values = new ArrayList<>(c.values());
        for (int i = 0; i < values.size(); i++) {
            if (!active(i, c)) {
                values.set(i, INACTIVE);
            }
        }
        return new Combination(values);
    }

    /**
     * Changes {@code values} in place so that hyperparameter {@code i} exists: each conditional ancestor's
     * parent takes the first of {@code preferred(parent)} that the condition allows, or the condition's first
     * value. Used by plans that vary one hyperparameter at a time.
     */
    public void activate(int i, List<JsonNode> values, IntFunction<List<JsonNode>> preferred) {
        Condition condition = hyperparameters.get(i).condition();
        if (condition == null) {
            return;
        }
        int p = parentIndex(hyperparameters, i);
        activate(p, values, preferred);
        if (!condition.values().contains(values.get(p))) {
            JsonNode pick = preferred.apply(p).stream().filter(condition.values()::contains).findFirst()
                    .orElse(condition.values().get(0));
            values.set(p, pick);
        }
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
        OptionalLong product = productSize();
        if (product.isEmpty() || !conditional()) {
            return product;
        }
        if (product.getAsLong() > COUNT_LIMIT) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(distinct(hyperparameters.stream().map(Hyperparameter::values).toList()).size());
    }

    /**
     * The distinct canonical combinations of the Cartesian product of {@code axes} (one list of values per
     * hyperparameter), in nested-loop order with the last hyperparameter fastest.
     */
    public List<Combination> distinct(List<List<JsonNode>> axes) {
        Set<Combination> out = new LinkedHashSet<>();
        int d = axes.size();
        int[] index = new int[d];
        while (true) {
            List<JsonNode> values = new ArrayList<>(d);
            for (int k = 0; k < d; k++) {
                values.add(axes.get(k).get(index[k]));
            }
            out.add(canonical(new Combination(values)));
            int k = d - 1;
            while (k >= 0 && ++index[k] == axes.get(k).size()) {
                index[k] = 0;
                k--;
            }
            if (k < 0) {
                return new ArrayList<>(out);
            }
        }
    }

    private OptionalLong productSize() {
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

    /**
     * Coordinates of a combination: [0, 1] for numeric hyperparameters, the level index for categorical. An
     * inactive hyperparameter gets a constant ({@link #INACTIVE_UNIT}, or level 0), see decision 0026.
     */
    public double[] coordinates(Combination c) {
        double[] x = new double[dimension()];
        for (int i = 0; i < x.length; i++) {
            Hyperparameter h = hyperparameters.get(i);
            if (h.isConditional() && c.get(i).isNull() && !active(i, c)) {
                x[i] = h.isCategorical() ? 0 : INACTIVE_UNIT;
            } else {
                x[i] = h.coordinate(c.get(i));
            }
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
        return canonical(new Combination(values));
    }

    /**
     * The script's input: a deep copy of the model config with each hyperparameter object replaced by its
     * value; constants pass through unchanged. An inactive hyperparameter's key is left out, or holds its
     * {@code inactive_value} when it has one (an inactive element of a list holds null, so that the others keep
     * their places).
     */
    public ObjectNode render(ObjectNode template, Combination c) {
        ObjectNode copy = template.deepCopy();
        for (int i = 0; i < dimension(); i++) {
            Hyperparameter h = hyperparameters.get(i);
            if (h.isConditional() && !active(i, c)) {
                JsonNode inactive = h.condition().inactiveValue();
                if (inactive != null) {
                    set(copy, h.path(), inactive.deepCopy());
                } else {
                    remove(copy, h.path());
                }
            } else {
                set(copy, h.path(), c.get(i));
            }
        }
        return copy;
    }

    private static void remove(ObjectNode root, List<Object> path) {
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer) {
            set(root, path, INACTIVE);
            return;
        }
        ((ObjectNode) parentOf(root, path)).remove((String) last);
    }

    /** The object or list that holds the value at {@code path}. */
    private static JsonNode parentOf(ObjectNode root, List<Object> path) {
        JsonNode parent = root;
        for (int k = 0; k < path.size() - 1; k++) {
            Object step = path.get(k);
            parent = step instanceof Integer ? parent.get((Integer) step) : parent.get((String) step);
        }
        return parent;
    }

    /** Sets the value at {@code path} (object keys and array indexes) of {@code root}, changed in place. */
    static void set(ObjectNode root, List<Object> path, JsonNode value) {
        JsonNode parent = parentOf(root, path);
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer) {
            ((ArrayNode) parent).set((Integer) last, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }
}
