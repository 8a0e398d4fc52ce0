package dev.hpsearch.ssh.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShellQuoteTest {

    @Test
    void wrapsInSingleQuotesAndEscapesSingleQuotes() {
        assertThat(ShellQuote.quote("abc")).isEqualTo("'abc'");
        assertThat(ShellQuote.quote("")).isEqualTo("''");
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuote.join("a b", "$c")).isEqualTo("'a b' '$c'");
    }

    @Test
    void refusesNulAndNull() {
        assertThatThrownBy(() -> ShellQuote.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShellQuote.quote(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShellQuote.join(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** The local sh must read each quoted argument back as exactly the original (sh is always there). */
    @Test
    void localShellReadsBackEveryHostileArgument() throws Exception {
        for (String arg : HostileNames.ALL) {
            Process p = new ProcessBuilder("sh", "-c", "printf '%s' " + ShellQuote.quote(arg)).start();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(out).as("round trip of %s", arg).isEqualTo(arg);
        }
    }
}
