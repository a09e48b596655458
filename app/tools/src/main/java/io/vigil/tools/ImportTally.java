package io.vigil.tools;

import io.vigil.tools.EventReader.Problem;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What an import has done so far, counted by the reading thread and the sending threads alike, and the bad lines as
 * they are found: each one is counted, the first {@code shownMax} are printed as {@code line N: field: message}.
 */
final class ImportTally {

    final AtomicLong linesRead = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong recorded = new AtomicLong();
    final AtomicLong repeats = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    private final AtomicLong badLines = new AtomicLong();

    private final PrintStream err;
    private final int shownMax;
    private int shown;

    ImportTally(PrintStream err, int shownMax) {
        this.err = err;
        this.shownMax = shownMax;
    }

    /** Counts a line that will not be imported and prints it while fewer than {@code shownMax} have been. */
    void badLine(long line, List<Problem> problems) {
        badLines.incrementAndGet();
        synchronized (this) {
            if (shown < shownMax) {
                shown++;
                err.println("line " + line + ": "
                        + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
                if (shown == shownMax) {
                    err.println("(further bad lines are counted, not shown)");
                }
            }
        }
    }

    long badLines() {
        return badLines.get();
    }

    void batchAccepted(long acceptedEvents, long recordedEvents, long repeatedEvents) {
        accepted.addAndGet(acceptedEvents);
        recorded.addAndGet(recordedEvents);
        repeats.addAndGet(repeatedEvents);
    }
}
