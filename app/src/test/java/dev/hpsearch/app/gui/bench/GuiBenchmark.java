package dev.hpsearch.app.gui.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.app.gui.AppServices;
import dev.hpsearch.app.gui.MainWindow;
import dev.hpsearch.app.gui.analysis.ParallelPlot;
import dev.hpsearch.app.service.LocalOnlyClusterService;
import dev.hpsearch.app.gui.common.FxDialogService;
import dev.hpsearch.app.gui.common.FxTaskRunner;
import dev.hpsearch.app.gui.common.PlotCanvas;
import dev.hpsearch.app.gui.job.LocalTestRunService;
import dev.hpsearch.app.gui.model.LoaderModelValidator;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.run.EngineSearchLauncher;
import dev.hpsearch.app.gui.start.RecentProjects;
import dev.hpsearch.optimizer.analysis.ParallelLayout;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * Prints the desktop app's figures: start to interactive window, parallel-coordinates redraw with 10,000
 * combinations on 8 axes, and the longest FX-thread stall while a real local search finishes about 20
 * combinations per second.
 */
public final class GuiBenchmark {
    private GuiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainStart = System.currentTimeMillis();
        Path tmp = Files.createTempDirectory("hpsearch-gui-bench");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        FxTaskRunner tasks = new FxTaskRunner(2);
        MainWindow[] window = new MainWindow[1];
        CompletableFuture<Long> interactive = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            AppServices services = new AppServices(tasks, new FxDialogService(stage), new RecentProjects(tmp.resolve("config")),
                    new LocalOnlyClusterService(), EngineSearchLauncher.localOnly(), new LoaderModelValidator(),
                    new LocalTestRunService());
            window[0] = new MainWindow(services, stage);
            window[0].showStart();
            stage.show();
            // interactive: the first pulse after the window is shown has laid out and rendered it
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    Platform.runLater(() -> interactive.complete(System.currentTimeMillis()));
                }
            }.start();
        });
        long ready = interactive.get(30, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "pipeline: %s, prism %s; cores %d; load average at start: %s%n",
                System.getProperty("glass.platform", "default (desktop)"), System.getProperty("prism.order", "default"),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf(Locale.ROOT, "start to interactive window: %d ms from JVM start (%d ms from main)  [target < 3000 ms]%n",
                ready - jvmStart, ready - mainStart);

        parallelCoordinates();
        if (!Arrays.asList(args).contains("--parallel-only")) {
            stallDuringSearch(tmp, window[0]);
        }
        tasks.close();
        Platform.exit();
        System.exit(0);
    }

    /** 10,000 combinations, 7 hyperparameters + loss = 8 axes. */
    private static void parallelCoordinates() throws Exception {
        SplittableRandom rng = new SplittableRandom(1);
        List<String> names = List.of("lr", "l2", "depth", "width", "dropout", "act", "momentum");
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            List<JsonNode> v = new ArrayList<>();
            v.add(DoubleNode.valueOf(Math.pow(10, -4 + 4 * rng.nextDouble())));
            v.add(DoubleNode.valueOf(Math.pow(10, -6 + 6 * rng.nextDouble())));
            v.add(DoubleNode.valueOf(1 + rng.nextInt(10)));
            v.add(DoubleNode.valueOf(16 + rng.nextInt(500)));
            v.add(DoubleNode.valueOf(rng.nextDouble() * 0.5));
            v.add(TextNode.valueOf(rng.nextBoolean() ? "relu" : "tanh"));
            v.add(DoubleNode.valueOf(rng.nextDouble()));
            boolean failed = rng.nextInt(20) == 0;
            rows.add(new ResultRow(i, failed ? "failed" : "ok", failed ? null : Math.exp(rng.nextGaussian()), v, "", 1,
                    "random", ""));
        }
        ResultTable table = new ResultTable(names, rows);
        long t0 = System.nanoTime();
        ParallelLayout layout = ParallelLayout.of(table, null, true);
        long layoutNs = System.nanoTime() - t0;
        // what the user waits for: the view's PlotCanvas redrawing after a brush (same layout, other brushes)
        int runs = 15;
        double[] drawMs = new double[runs];
        double[] renderMs = new double[runs];
        double[] firstMs = new double[2];
        ParallelLayout.Brush[] brushes = layout.noBrushes();
        PlotCanvas canvas = fx(() -> {
            PlotCanvas c = new PlotCanvas(null);
            c.resize(1200, 700);
            return c;
        });
        ParallelPlot[] plot = new ParallelPlot[1];
        for (int r = -1; r < runs; r++) {
            boolean brushed = r % 2 == 1;
            ParallelLayout.Brush[] b = brushed ? brushes.clone() : brushes;
            if (brushed) {
                b[0] = new ParallelLayout.Brush(0.2, 0.7);
            }
            final int run = r;
            fx(() -> {
                long a = System.nanoTime();
                // run -1: a new layout (groups the lines, computes their screen coordinates); then brushes
                plot[0] = run < 0 ? new ParallelPlot(layout, b, true) : plot[0].withBrushes(b, true);
                canvas.setPlot(plot[0]);
                long c = System.nanoTime();
                canvas.canvas().snapshot(null, null); // forces the buffered canvas commands to be rendered
                long d = System.nanoTime();
                if (run < 0) {
                    firstMs[0] = (c - a) / 1e6;
                    firstMs[1] = (d - a) / 1e6;
                } else {
                    drawMs[run] = (c - a) / 1e6;
                    renderMs[run] = (d - a) / 1e6;
                }
                return null;
            });
        }
        // a resize: new raster and screen coordinates, the canvas's own buffer reallocated
        double[] resizeMs = new double[8];
        for (int r = 0; r < resizeMs.length; r++) {
            final int run = r;
            resizeMs[r] = fx(() -> {
                long a = System.nanoTime();
                canvas.resize(run % 2 == 0 ? 1180 : 1200, run % 2 == 0 ? 690 : 700);
                canvas.layout();
                canvas.canvas().snapshot(null, null);
                return (System.nanoTime() - a) / 1e6;
            });
        }
        Arrays.sort(resizeMs);
        double[] dw = Arrays.copyOfRange(drawMs, 3, runs);
        double[] rd = Arrays.copyOfRange(renderMs, 3, runs);
        Arrays.sort(dw);
        Arrays.sort(rd);
        System.out.printf(Locale.ROOT, "parallel coordinates, 10,000 combinations x 8 axes: layout %.1f ms; first draw of "
                        + "the layout %.1f ms (%.1f ms incl. rasterising); redraw after a brush (drawing calls) median "
                        + "%.1f ms, max %.1f ms; redraw incl. rasterising (snapshot) median %.1f ms, max %.1f ms; "
                        + "after a resize incl. rasterising median %.1f ms  [target < 100 ms]%n",
                layoutNs / 1e6, firstMs[0], firstMs[1], dw[dw.length / 2], dw[dw.length - 1], rd[rd.length / 2],
                rd[rd.length - 1], resizeMs[resizeMs.length / 2]);
    }

    /** A real local search: 7 hyperparameters, a 0.5 s script, 10 at a time = about 20 finishing per second. */
    private static void stallDuringSearch(Path tmp, MainWindow window) throws Exception {
        Path folder = tmp.resolve("bench-project");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("run.sh"),
                "sleep 0.5\necho \"{\\\"objective\\\": 0.$RANDOM}\" > \"$(dirname \"$1\")/output.json\"\n");
        Files.writeString(folder.resolve("job_config.json"),
                "{\"environment_path\": \"bash\", \"script_path\": \"run.sh\", \"cluster\": \"local\", \"time\": 0.1}");
        Files.writeString(folder.resolve("search_config.json"), "{\"search_type\": \"random\", \"max_suggestions\": 300, "
                + "\"max_active_points\": 10, \"random_seed\": 3}");
        StringBuilder model = new StringBuilder("{\"constant\": 1");
        for (String n : List.of("a", "b", "c", "d", "e", "f", "g")) {
            model.append(", \"").append(n).append("\": {\"type\": \"continuous\", \"domain\": [0.001, 10], \"transformation\": \"log\"}");
        }
        Files.writeString(folder.resolve("model_config.json"), model.append("}").toString());
        Project project = Project.open(folder);
        AtomicLong lastPulse = new AtomicLong();
        AtomicLong maxPulseGap = new AtomicLong();
        AtomicLong maxLatency = new AtomicLong();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AnimationTimer[] timer = new AnimationTimer[1];
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            window.showProject(project);
            TabPane tabs = window.projectView().tabs();
            // the tab on screen during the search, by id: the dashboard's Run tab unless -Dbench.tab names another
            String tabId = System.getProperty("bench.tab", "tabRun");
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no tab " + tabId)));
            timer[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long prev = lastPulse.getAndSet(now);
                    if (prev != 0) {
                        maxPulseGap.accumulateAndGet(now - prev, Math::max);
                    }
                }
            };
            timer[0].start();
            window.projectView().dashboard().launch();
            shown.complete(null);
        });
        shown.get(30, TimeUnit.SECONDS);
        // a probe: how late does a task posted to the FX thread run?
        Thread fxThread = fx(Thread::currentThread);
        java.util.Map<String, Integer> stallFrames = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicLong pendingSince = new AtomicLong();
        Thread probe = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long posted = System.nanoTime();
                // a probe still waiting after 50 ms: note where the FX thread is
                long since = pendingSince.get();
                if (since != 0 && posted - since > 50_000_000L) {
                    StackTraceElement[] st = fxThread.getStackTrace();
                    StringBuilder where = new StringBuilder();
                    int k = 0;
                    for (StackTraceElement e : st) {
                        if (e.getClassName().startsWith("dev.hpsearch") || k < 3) {
                            where.append(e.getClassName().replaceAll(".*\\.", "")).append('.').append(e.getMethodName())
                                    .append(" < ");
                            if (++k >= 6) {
                                break;
                            }
                        }
                    }
                    stallFrames.merge(where.toString(), 1, Integer::sum);
                }
                pendingSince.compareAndSet(0, posted);
                Platform.runLater(() -> {
                    pendingSince.set(0);
                    long l = System.nanoTime() - posted;
                    latencies.add(l);
                    maxLatency.accumulateAndGet(l, Math::max);
                });
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "probe");
        probe.setDaemon(true);

        Thread.sleep(2000); // let the first wave start, then measure
        latencies.clear();
        maxLatency.set(0);
        maxPulseGap.set(0);
        fx(() -> {
            window.projectView().dashboard().resetBatchTiming();
            return null;
        });
        probe.start();
        long measureStart = System.nanoTime();
        int doneAtStart = fx(() -> window.projectView().dashboard().doneProperty().get());
        Thread.sleep(12_000);
        int doneAtEnd = fx(() -> window.projectView().dashboard().doneProperty().get());
        double seconds = (System.nanoTime() - measureStart) / 1e9;
        List<Long> copy;
        synchronized (latencies) {
            copy = new ArrayList<>(latencies);
        }
        long longestWhileRunning = maxLatency.getAndSet(0);
        long pulseGapWhileRunning = maxPulseGap.get();
        // then the end of the search, when the app tells the user it is over
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (fx(() -> window.projectView().dashboard().doneProperty().get()) < 300 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1500);
        probe.interrupt();
        long longestAtEnd = maxLatency.get();
        copy.sort(null);
        long p99 = copy.isEmpty() ? 0 : copy.get((int) (copy.size() * 0.99));
        System.out.printf(Locale.ROOT, "running search (real engine, local processes): %.1f combinations finished per "
                        + "second over %.0f s, %d rows in the table%n", (doneAtEnd - doneAtStart) / seconds, seconds,
                fx(() -> window.projectView().dashboard().rows().size()));
        System.out.printf(Locale.ROOT, "load average after the search: %s%n", loadAverage());
        System.out.printf(Locale.ROOT, "longest batch of engine events applied on the FX thread (table, counters, "
                + "best): %.1f ms%n", fx(() -> window.projectView().dashboard().longestBatchNanos()) / 1e6);
        System.out.printf(Locale.ROOT, "FX thread: longest stall (runLater latency) %.1f ms, p99 %.1f ms over %d probes; "
                        + "longest gap between pulses %.1f ms  [target <= 50 ms]%n",
                longestWhileRunning / 1e6, p99 / 1e6, copy.size(), pulseGapWhileRunning / 1e6);
        System.out.printf(Locale.ROOT, "FX thread: longest stall from then until 1.5 s after the last result (the "
                + "search ends and the user is told) %.1f ms%n", longestAtEnd / 1e6);
        stallFrames.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(5).forEach(e ->
                System.out.printf(Locale.ROOT, "  FX thread busy (sampled %d x 10 ms): %s%n", e.getValue(), e.getKey()));
        Platform.runLater(() -> {
            timer[0].stop();
            window.projectView().dashboard().stopSearch();
        });
        Thread.sleep(500);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
