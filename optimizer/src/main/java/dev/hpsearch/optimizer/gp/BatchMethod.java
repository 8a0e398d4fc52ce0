package dev.hpsearch.optimizer.gp;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Config {@code bopt_config.batch_method}: how a suggestion takes account of points that are running (pending) or already chosen in the same call, so
 * that parallel runs spread out instead of piling onto one optimum of the acquisition.
 */
public enum BatchMethod {
    /**
     * Kriging believer: each pending or chosen point is added to the model as an observation equal to the
     * posterior mean there (same GP parameters), which shrinks the variance, and with it the acquisition, around
     * it; the next point maximises the acquisition of that model.
     */
    KRIGING_BELIEVER("kriging_believer"),
    /**
     * Thompson sampling: each point minimises one function drawn from the GP posterior (random Fourier features
     * with pathwise conditioning, {@link GaussianProcess#samplePath}); the randomness of the draws spreads a
     * batch. Pending and chosen points enter the model as under the kriging believer, so a draw is nearly the
     * mean around them and does not repeat them. Used only where there is a batch to spread: a point chosen with
     * nothing pending and nothing chosen before it in the call maximises the acquisition, so a search that runs
     * one combination at a time behaves as under the kriging believer. Ignores the acquisition type for the
     * points it chooses; needs the Matern52 or ExpQuad kernel (with RatQuad the kriging believer is used).
     */
    THOMPSON("thompson");

    private final String label;

    BatchMethod(String label) {
        this.label = label;
    }

    /** The name a config file uses. */
    public String label() {
        return label;
    }

    /**
     * The method for a config name, case-insensitive.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static BatchMethod fromLabel(String name) {
        for (BatchMethod m : values()) {
            if (m.label.equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown batch method '" + name + "'; allowed: "
                + Arrays.stream(values()).map(BatchMethod::label).collect(Collectors.joining(", ")));
    }
}
