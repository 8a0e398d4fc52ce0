package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.common.UiScheduler;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.engine.ProgressCurves;
import dev.hpsearch.optimizer.engine.ProgressPoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The learning curves of the search on the dashboard: each combination's {@code progress.jsonl} points, read in the
 * background from the search folder every {@link #INTERVAL} while the search runs, once more when it ends, and
 * once for a search opened after the fact. Curves of finished combinations are read once after they finished.
 */
final class CurvesModel {
    static final Duration INTERVAL = Duration.ofSeconds(2);
    private final TaskRunner tasks;
    private final UiScheduler time;
    private final Supplier<Collection<ResultRow>> rows;
    private final ObjectProperty<Map<Integer, List<ProgressPoint>>> curves = new SimpleObjectProperty<>(Map.of());
    private ProgressCurves source;
    private UiScheduler.Cancellable next;
    private boolean reading;
    private long generation;

    /** @param rows the combinations on screen (their ids and statuses), read on the UI thread */
    CurvesModel(TaskRunner tasks, UiScheduler time, Supplier<Collection<ResultRow>> rows) {
        this.tasks = tasks;
        this.time = time;
        this.rows = rows;
    }

    /** Every curve read so far by combination id; empty when none. */
    ReadOnlyObjectProperty<Map<Integer, List<ProgressPoint>>> curvesProperty() {
        return curves;
    }

    /** The last point of a combination, or {@code null}. */
    ProgressPoint last(int id) {
        List<ProgressPoint> c = curves.get().get(id);
        return c == null || c.isEmpty() ? null : c.get(c.size() - 1);
    }

    /** Starts reading the curves of a search folder; with {@code live}, again every {@link #INTERVAL}. */
    void follow(Path searchDir, boolean live) {
        clear();
        source = new ProgressCurves(searchDir);
        read();
        if (live) {
            next = time.schedule(INTERVAL, this::tick);
        }
    }

    /** The search ended: one last read, then no more. */
    void stop() {
        cancelTimer();
        if (source != null) {
            read();
        }
    }

    /** No search: nothing to show. */
    void clear() {
        cancelTimer();
        generation++;
        source = null;
        reading = false;
        curves.set(Map.of());
    }

    private void tick() {
        if (next == null) {
            return;
        }
        read();
        next = time.schedule(INTERVAL, this::tick);
    }

    private void cancelTimer() {
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    /** Reads what is new in the background, unless a read is under way (the next tick catches up). */
    private void read() {
        if (reading || source == null) {
            return;
        }
        Map<Integer, Boolean> ids = new LinkedHashMap<>();
        for (ResultRow r : rows.get()) {
            ids.put(r.id(), !r.status().equals("running") && !r.status().equals("queued"));
        }
        ProgressCurves from = source;
        long id = generation;
        reading = true;
        tasks.run(() -> from.read(ids), read -> {
            if (id == generation) {
                reading = false;
                curves.set(read);
            }
        }, e -> reading = false);
    }
}
