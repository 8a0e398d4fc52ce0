package dev.hpsearch.app.gui.run;

import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether Resume can work on a search folder, read from its journal (off the UI thread: it reads files). */
final class Resumability {
    private Resumability() {
    }

    /** Why {@code searchDir} cannot be resumed from here, or {@code null} when it can. */
    static String whyNot(Path searchDir) throws IOException {
        if (!Files.exists(searchDir.resolve(Journal.FILE_NAME))) {
            return searchDir.getFileName() + " has no journal (a table of the original tool, or not started): open it";
        }
        if (SearchFiles.coordinatorOnCluster(searchDir)) {
            return searchDir.getFileName() + " was run by a coordinator on the cluster (detached): resume it there";
        }
        String ended = SearchState.replay(Journal.read(searchDir)).endReason();
        return ended == null ? null : searchDir.getFileName() + " has ended (" + ended + "): open it, or launch a new search";
    }
}
