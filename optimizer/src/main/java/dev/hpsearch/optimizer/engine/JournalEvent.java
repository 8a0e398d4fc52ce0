package dev.hpsearch.optimizer.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.optimizer.exec.Provenance;
import dev.hpsearch.optimizer.space.Combination;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the search's journal: a state change, recorded before it is acted on. The set of events is
 * closed; {@link JournalCodec} is the one place that writes and reads their JSON form, and a {@link Visitor}
 * is how code tells them apart (adding an event breaks every visitor until it handles it).
 */
public sealed interface JournalEvent {

    /** When the event happened, in milliseconds since the epoch. */
    long time();

    <R> R accept(Visitor<R> visitor);

    /** One method per event; the compiler holds every visitor to the full set. */
    interface Visitor<R> {
        R start(Start e);

        R resume(Resume e);

        R suggest(Suggest e);

        R submit(Submit e);

        R requeue(Requeue e);

        R finish(Finish e);

        R end(End e);

        R importRow(Import e);

        R stop(Stop e);

        R prune(Prune e);
    }

    /**
     * A new search began.
     *
     * @param searchType the search type's key, or {@code null} when not known (journals of early versions)
     * @param strategy   the strategy's name, or {@code null} when not known
     */
    record Start(long time, long seed, String searchType, String strategy) implements JournalEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.start(this);
        }
    }

    /** A coordinator took the search up again. */
    record Resume(long time) implements JournalEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.resume(this);
        }
    }

    /**
     * A strategy suggested a combination, which gets the next id; or the search planned a replicate of a finished
     * combination (docs/decisions/0020).
     *
     * @param ordinal              the combination's place in the strategy's plan, or -1 for none
     * @param previousResultsCount how many results were in when it was suggested
     * @param replicateOf          the combination this one replicates, or {@code null} for an ordinary one
     * @param replicateValue       the replicate_key's value in this replicate's input.json; {@code null} when
     *                             {@code replicateOf} is
     */
    record Suggest(long time, int id, Combination combination, String searchType, long ordinal,
                   int previousResultsCount, Integer replicateOf, JsonNode replicateValue) implements JournalEvent {
        public Suggest {
            Objects.requireNonNull(combination, "combination");
            Objects.requireNonNull(searchType, "searchType");
            if ((replicateOf == null) != (replicateValue == null)) {
                throw new IllegalArgumentException("a replicate needs both the combination it replicates and its"
                        + " replicate_key value");
            }
        }

        /** An ordinary combination, suggested by the strategy. */
        public Suggest(long time, int id, Combination combination, String searchType, long ordinal,
                       int previousResultsCount) {
            this(time, id, combination, searchType, ordinal, previousResultsCount, null, null);
        }

        /** Whether this is a replicate of another combination. */
        public boolean isReplicate() {
            return replicateOf != null;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.suggest(this);
        }
    }

    /** A combination was submitted as a job; {@code token} tells the job from another of the same id. */
    record Submit(long time, int id, String jobId, String token) implements JournalEvent {
        public Submit {
            Objects.requireNonNull(jobId, "jobId");
            token = token == null ? "" : token;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.submit(this);
        }
    }

    /**
     * A combination's run ended without a result and the combination waits to run again.
     *
     * @param reason       why, or {@code null}
     * @param cause        whether the run counts as a try of the combination
     * @param failureClass the class of the run's failure, or {@code null}
     */
    record Requeue(long time, int id, String reason, Cause cause, FailureClass failureClass) implements JournalEvent {
        /** Why a run is queued again, which decides whether it counts as a try of the combination. */
        public enum Cause {
            /** The run failed on its own: a try of the combination. */
            FAILED_TRY,
            /** Run again with more memory or time, or after a stop for failures cancelled it: not a try. */
            RETRY,
            /** A fault of the machine or of hpsearch ended it: not a try. */
            FAULT;

            public boolean countsAsTry() {
                return this == FAILED_TRY;
            }
        }

        public Requeue {
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.requeue(this);
        }
    }

    /**
     * A combination finished with an outcome.
     *
     * @param loss           the score, or {@code null} when there is none
     * @param metrics        extra metrics of output.json, in their order
     * @param reason         why it failed or has no score, or {@code null}
     * @param failureClass   the class of its failure, or {@code null}
     * @param exitCode       the script's exit code, or {@code null} when not known
     * @param runtimeSeconds how long it ran, or NaN when not known
     * @param provenance     where and how it ran ({@link Provenance#NONE} when not known)
     */
    record Finish(long time, int id, TrialStatus status, Double loss, Map<String, Double> metrics, String reason,
                  FailureClass failureClass, Integer exitCode, double runtimeSeconds, Provenance provenance)
            implements JournalEvent {
        public Finish {
            Objects.requireNonNull(status, "status");
            if (!status.isFinished()) {
                throw new IllegalArgumentException("a finish event needs a finished status, not " + status.key());
            }
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
            provenance = provenance == null ? Provenance.NONE : provenance;
        }

        /** An outcome without provenance. */
        public Finish(long time, int id, TrialStatus status, Double loss, Map<String, Double> metrics, String reason,
                      FailureClass failureClass, Integer exitCode, double runtimeSeconds) {
            this(time, id, status, loss, metrics, reason, failureClass, exitCode, runtimeSeconds, Provenance.NONE);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.finish(this);
        }
    }

    /**
     * A scored row of an earlier search, read through {@code warm_start_from}, taken in under the next id
     * (docs/decisions/0024). It is finished from the start: never submitted, never resumed.
     *
     * @param loss    the earlier row's score
     * @param metrics its extra metrics, in their order
     * @param source  where it came from: the data file and the row's combination id there
     */
    record Import(long time, int id, Combination combination, double loss, Map<String, Double> metrics, String source)
            implements JournalEvent {
        public Import {
            Objects.requireNonNull(combination, "combination");
            Objects.requireNonNull(source, "source");
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.importRow(this);
        }
    }

    /**
     * The pruner decided to stop a running combination (docs/decisions/0021), journaled before its job is cancelled,
     * so that a coordinator stopped before it collects the run still records it as pruned. A {@link Finish} with
     * status pruned follows when the run's end is collected.
     *
     * @param step   the last step the run reported
     * @param value  its value at that step
     * @param reason the pruner's reason
     */
    record Prune(long time, int id, long step, double value, String reason) implements JournalEvent {
        public Prune {
            reason = reason == null ? "" : reason;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.prune(this);
        }
    }

    /** The search ended (it will not run again unless resumed with new limits). */
    record End(long time, String reason) implements JournalEvent {
        public End {
            reason = reason == null ? "" : reason;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.end(this);
        }
    }

    /**
     * The coordinator was stopped without ending the search.
     *
     * @param leftRunning how many runs it left running, or {@code null} when not said
     * @param by          who stopped it (e.g. {@code hpsearch stop}), or {@code null} for the coordinator itself
     */
    record Stop(long time, String reason, Integer leftRunning, String by) implements JournalEvent {
        public Stop {
            reason = reason == null ? "" : reason;
        }

        /** A stop that says only why. */
        public Stop(long time, String reason) {
            this(time, reason, null, null);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.stop(this);
        }
    }
}
