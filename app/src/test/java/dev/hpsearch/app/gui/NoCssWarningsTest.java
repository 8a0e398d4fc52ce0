package dev.hpsearch.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.common.Theme;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Opening a project prints no CSS warning: JavaFX reports them through its "javafx.css" logger (printed on
 * stderr by the default console handler), so both the logger and stderr are watched while a real window opens
 * the demo, runs a short search and shows every tab in both themes.
 */
class NoCssWarningsTest extends DesktopScenario {
    /** The logger JavaFX's CSS engine reports through; kept here so that it is not collected while watched. */
    private final Logger javafx = Logger.getLogger("javafx");
    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                logged.add(r.getLoggerName() + ": " + r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private PrintStream originalErr;

    @BeforeEach
    void watch() {
        javafx.addHandler(handler);
        originalErr = System.err;
        System.setErr(new PrintStream(new Tee(originalErr, errBytes), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void unwatch() {
        System.setErr(originalErr);
        javafx.removeHandler(handler);
    }

    @Test
    void openingAProjectAndShowingEveryTabInBothThemesWarnsOfNothing(FxRobot robot) throws Exception {
        // with a finished search, so that tables have rows and plots have data to style as well
        var project = finishedDemoSearch(robot, 4);
        TableView<?> table = robot.lookup("#trialTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        for (Theme theme : Theme.values()) {
            showTheme(robot, theme);
            for (Tab tab : project.tabs().getTabs()) {
                select(robot, tab.getId());
            }
        }
        String err = errBytes.toString(StandardCharsets.UTF_8);
        assertThat(logged).as("JavaFX warnings logged").isEmpty();
        assertThat(err.lines().filter(l -> l.contains("WARNING") || l.contains("CSS") || l.contains("Could not resolve")
                || l.contains("ClassCastException"))).as("stderr").isEmpty();
    }

    /** Passes everything on to the real stderr and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final PrintStream out;
        private final ByteArrayOutputStream copy;

        Tee(PrintStream out, ByteArrayOutputStream copy) {
            this.out = out;
            this.copy = copy;
        }

        @Override
        public synchronized void write(int b) {
            out.write(b);
            copy.write(b);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) {
            out.write(buf, off, len);
            copy.write(buf, off, len);
        }
    }
}
