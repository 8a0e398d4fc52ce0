package dev.hpsearch.app.gui.searches;

import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.optimizer.text.Numbers;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The project's searches: one line each with type, date, count of combinations and best loss, read in the
 * background; and the histories of the searches chosen for comparison, overlaid in one plot.
 */
public final class SearchesViewModel {
    /** How many of the newest searches are compared before the user chooses. */
    static final int COMPARED_AT_FIRST = 4;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final Project project;
    private final TaskRunner tasks;
    private final ZoneId zone;
    private final ObservableList<PastSearch> searches = FXCollections.observableArrayList();
    private final ObservableList<PastSearch> compared = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<OverlayPlot> plot = new ReadOnlyObjectWrapper<>(new OverlayPlot(List.of()));
    private boolean chosen;
    private long session;

    public SearchesViewModel(Project project, TaskRunner tasks) {
        this(project, tasks, ZoneId.systemDefault());
    }

    /** @param zone the time zone dates are shown in */
    public SearchesViewModel(Project project, TaskRunner tasks, ZoneId zone) {
        this.project = project;
        this.tasks = tasks;
        this.zone = zone;
        compared.addListener((ListChangeListener<PastSearch>) c -> plot.set(new OverlayPlot(List.copyOf(compared))));
    }

    /** The project's searches, newest first. */
    public ObservableList<PastSearch> searches() {
        return searches;
    }

    /** The searches whose histories are overlaid, newest first (read-only; change with {@link #setCompared}). */
    public ObservableList<PastSearch> compared() {
        return FXCollections.unmodifiableObservableList(compared);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The overlaid histories of the compared searches. */
    public ReadOnlyObjectProperty<OverlayPlot> plotProperty() {
        return plot.getReadOnlyProperty();
    }

    public Path exportFolder() {
        return project.folder();
    }

    /** Reads the project's searches again (in the background), keeping the choice of compared searches. */
    public void refresh() {
        long id = ++session;
        status.set("Reading the project's searches…");
        tasks.run(() -> {
            List<PastSearch> all = new ArrayList<>();
            for (Path dir : project.searches()) {
                all.add(PastSearches.read(dir));
            }
            return all;
        }, all -> {
            if (id != session) {
                return;
            }
            Set<String> keep = compared.stream().map(PastSearch::name).collect(Collectors.toSet());
            searches.setAll(all);
            List<PastSearch> next = new ArrayList<>();
            for (PastSearch s : all) {
                if (chosen ? keep.contains(s.name())
                        : s.history().size() > 0 && next.size() < COMPARED_AT_FIRST) {
                    next.add(s);
                }
            }
            compared.setAll(next);
            long unreadable = all.stream().filter(s -> !s.problem().isEmpty()).count();
            status.set(all.isEmpty() ? "No search in " + project.folder() + " yet."
                    : all.size() + (all.size() == 1 ? " search" : " searches")
                    + (unreadable == 0 ? "" : "; " + unreadable + " with a table that cannot be read (see its line)"));
        }, e -> {
            if (id == session) {
                status.set("Cannot list the searches: " + IoErrors.describe(e));
            }
        });
    }

    /** Overlays a search's history, or takes it away. */
    public void setCompared(PastSearch s, boolean on) {
        chosen = true;
        if (on && !compared.contains(s)) {
            List<PastSearch> next = new ArrayList<>();
            for (PastSearch x : searches) {
                if (x.equals(s) || compared.contains(x)) {
                    next.add(x);
                }
            }
            compared.setAll(next);
        } else if (!on) {
            compared.remove(s);
        }
    }

    /** The columns of the list, in order. */
    public static final List<String> COLUMNS = List.of("search", "type", "started", "combinations", "best loss",
            "best combination");

    /** Which of {@link #COLUMNS} hold numbers (sorted as numbers, not as text). */
    public static final Set<Integer> NUMERIC_COLUMNS = Set.of(3, 4, 5);

    /** Two cells of a numeric column in numeric order; empty cells last. */
    public static int compareNumbers(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
    }

    /** A search's line in the list, as shown: the best loss in short form ({@link Numbers#display}). */
    public List<String> cells(PastSearch s) {
        return List.of(s.name(), s.type(), s.started() == null ? "" : DATE.format(s.started().atZone(zone)),
                Integer.toString(s.combinations()), s.best() == null ? "" : Numbers.display(s.best()),
                s.bestId() < 0 ? "" : Integer.toString(s.bestId()));
    }

    /** What a search's line says in full (its tooltip): the best loss with every digit, and any problem. */
    public String detail(PastSearch s) {
        String best = s.best() == null ? "no combination has a score yet"
                : "best loss " + Numbers.full(s.best()) + " (combination " + s.bestId() + ")";
        return s.folder() + "\n" + best + (s.problem().isEmpty() ? "" : "\n" + s.problem());
    }
}
