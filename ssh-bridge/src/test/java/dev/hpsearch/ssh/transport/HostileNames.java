package dev.hpsearch.ssh.transport;

import java.util.List;

/** Names that break naive quoting: spaces, quotes, $, ;, backticks, newlines, globs, non-ASCII. */
final class HostileNames {
    static final List<String> ALL = List.of(
            "with space", "it's quoted", "double \"quotes\"", "dollar $HOME and ${PATH}", "semi; rm -rf /tmp/x",
            "back`tick`s", "new\nline", "ünïcødé – 日本語", "glob *?[a]", "-dash-first", "back\\slash", "tab\there");

    private HostileNames() {
    }
}
