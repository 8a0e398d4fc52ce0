package dev.hpsearch.optimizer.text;

import java.time.Duration;
import java.util.Locale;

/** Durations for people, as a clock shows them. */
public final class Durations {
    private Durations() {
    }

    /** {@code m:ss} below an hour, {@code h:mm:ss} from an hour on; a negative duration as {@code 0:00}. */
    public static String clock(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
