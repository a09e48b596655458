package io.vigil.tools;

import io.vigil.tools.EventReader.Problem;
import io.vigil.tools.EventReader.SourceLine;
import io.vigil.tools.http.ApiKey;
import io.vigil.tools.http.RetryPolicy;
import io.vigil.tools.http.VigilClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./vigil import FILE}: sends the operational events of an NDJSON or CSV file (gzip-compressed or not) to a
 * running Vigil through {@code POST /api/v1/events/batch}, to backfill history that monitors compare with, or to load
 * a partner's export. Every line is checked with Vigil's rules first, so one bad line is reported with its line number
 * and skipped instead of failing a whole batch. Batches go {@code --concurrency} at a time; overload answers are
 * waited out and failed connections retried, which is safe because Vigil ignores event ids it already stored. For the
 * same reason running an import again, after an interruption or after fixing bad lines, stores nothing twice.
 *
 * <p>Exit status: 0 when every line was imported, 1 when some lines were bad (the others were imported), 2 when the
 * import stopped: a usage error, an unreadable file, Vigil unreachable or refusing after retries; 3 when Vigil refused
 * the API key or its scope.
 */
final class EventImport {

    static final int MAX_BATCH = 10_000;
    static final int MAX_CONCURRENCY = 32;

    /**
     * What tests change and people need not: retries, how often progress is shown (not at all when zero), the time
     * a request may take, how many bad lines are printed, and whether Ctrl-C prints where the import stood.
     */
    record Tuning(
            RetryPolicy retry, Duration progressEvery, Duration requestTimeout, int shownBadLines, boolean onExit) {

        static final Tuning DEFAULT =
                new Tuning(RetryPolicy.DEFAULT, Duration.ofSeconds(2), Duration.ofMinutes(2), 50, true);
    }

    private final Options options;
    private final Tuning tuning;
    private final PrintStream err;
    private final ImportTally tally;
    private final AtomicReference<ImportFailure> failure = new AtomicReference<>();
    private final long started = System.nanoTime();
    private volatile EventInput input;
    private volatile boolean finished;

    private EventImport(Options options, Tuning tuning, PrintStream err) {
        this.options = options;
        this.tuning = tuning;
        this.err = err;
        this.tally = new ImportTally(err, tuning.shownBadLines());
    }

    /** Imports as the options say; returns the exit status. */
    static int run(Options options, InputStream stdin, PrintStream stderr, Tuning tuning) {
        return new EventImport(options, tuning, stderr).importFrom(stdin);
    }

    private int importFrom(InputStream stdin) {
        try {
            input = EventInput.open(options.file(), options.format(), stdin);
        } catch (NoSuchFileException e) {
            err.println("import: cannot read " + options.file() + ": no such file");
            return 2;
        } catch (IOException e) {
            err.println("import: cannot read " + options.file() + ": " + describe(e));
            return 2;
        } catch (ImportFailure e) {
            err.println("import: " + options.file() + ": " + e.getMessage());
            return 2;
        }
        err.println("import: reading " + (options.file().equals("-") ? "standard input" : options.file()) + " as "
                + input.format().wireName() + (input.compressed() ? " (gzip)" : "") + ", sending to " + options.url()
                + " in batches of up to " + options.batchSize() + ", " + options.concurrency() + " at a time");
        input.reader().notes().forEach(note -> err.println("import: " + note));

        Thread onExit = new Thread(this::interrupted, "import-on-exit");
        if (tuning.onExit()) {
            Runtime.getRuntime().addShutdownHook(onExit);
        }
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(daemon("import-progress"));
        if (tuning.progressEvery().toMillis() > 0) {
            long every = tuning.progressEvery().toMillis();
            progress.scheduleAtFixedRate(() -> err.println(progressLine()), every, every, TimeUnit.MILLISECONDS);
        }
        ExecutorService senders = Executors.newFixedThreadPool(options.concurrency(), daemon("import-sender"));
        String readFailure = null;
        long strictStop = -1;
        try {
            VigilClient client = new VigilClient(
                    options.url(),
                    options.apiKey(),
                    "vigil-import",
                    tuning.retry(),
                    tuning.requestTimeout(),
                    tally.retries::incrementAndGet,
                    null);
            BatchSender sender = new BatchSender(client, tally, () -> failure.get() != null);
            Semaphore slots = new Semaphore(options.concurrency());
            EventBatcher batcher = new EventBatcher(options.batchSize(), EventBatcher.MAX_BYTES);
            try (EventInput in = input) {
                EventReader reader = in.reader();
                for (SourceLine line = reader.next(); line != null; line = reader.next()) {
                    if (failure.get() != null || (options.strict() && tally.badLines() > 0)) {
                        break; // a batch failed for good, or Vigil rejected a line under --strict
                    }
                    tally.linesRead.incrementAndGet();
                    List<Problem> problems = problemsOf(line);
                    if (!problems.isEmpty()) {
                        tally.badLine(line.line(), problems);
                        if (options.strict()) {
                            strictStop = line.line();
                            break;
                        }
                        continue;
                    }
                    EventBatch full = batcher.add(line.line(), line.event().toJson());
                    if (full != null) {
                        submit(full, sender, senders, slots);
                    }
                }
            } catch (IOException e) {
                readFailure =
                        "cannot read " + options.file() + " after " + tally.linesRead.get() + " lines: " + describe(e);
            }
            EventBatch rest = batcher.flush();
            if (rest != null && failure.get() == null) {
                submit(rest, sender, senders, slots);
            }
            senders.shutdown();
            while (!senders.awaitTermination(1, TimeUnit.SECONDS)) {
                // batches still in flight or waiting out an overload
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, new ImportFailure("interrupted"));
            senders.shutdownNow();
        } finally {
            progress.shutdownNow();
            finished = true;
            if (tuning.onExit()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs, or has run
                }
            }
        }
        return summary(readFailure, strictStop);
    }

    private static List<Problem> problemsOf(SourceLine line) {
        if (line.event() == null) {
            return line.problems();
        }
        List<Problem> rules = line.event().check(Instant.now());
        if (line.problems().isEmpty()) {
            return rules;
        }
        List<Problem> all = new ArrayList<>(line.problems());
        all.addAll(rules);
        return all;
    }

    /** Hands the batch to a sender once fewer than {@code --concurrency} batches are in flight. */
    private void submit(EventBatch batch, BatchSender sender, ExecutorService senders, Semaphore slots)
            throws InterruptedException {
        slots.acquire();
        if (failure.get() != null) {
            slots.release();
            return;
        }
        senders.execute(() -> {
            try {
                sender.send(batch);
            } catch (ImportFailure e) {
                failure.compareAndSet(null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, new ImportFailure("unexpected error: " + e, e));
            } finally {
                slots.release();
            }
        });
    }

    private int summary(String readFailure, long strictStop) {
        err.println(totals());
        long bad = tally.badLines();
        String again = "run the same command again: the events Vigil already has count as repeats, not twice";
        if (failure.get() != null || readFailure != null) {
            err.println("import: stopped: "
                    + (readFailure != null ? readFailure : failure.get().getMessage()));
            err.println("import: the events Vigil accepted are stored; to import the rest, " + again);
            return readFailure == null && failure.get().refused() ? VigilTools.REFUSED : 2;
        }
        if (strictStop >= 0) {
            err.println("import: stopped at line " + strictStop + ", the first bad line (--strict); the lines before it"
                    + " were imported; fix it and " + again);
            return 1;
        }
        if (bad > 0) {
            err.println("import: " + count(bad)
                    + (bad == 1 ? " bad line was not imported; fix it" : " bad lines were not" + " imported; fix them")
                    + " and " + again);
            return 1;
        }
        err.println("import: every line imported");
        return 0;
    }

    private String totals() {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        return String.format(
                Locale.ROOT,
                "import: %s lines read in %.1f s; Vigil accepted %s events (%s recorded, %s repeats); %s bad; %s"
                        + " events/s",
                count(tally.linesRead.get()),
                seconds,
                count(tally.accepted.get()),
                count(tally.recorded.get()),
                count(tally.repeats.get()),
                count(tally.badLines()),
                count(Math.round(tally.accepted.get() / seconds)));
    }

    /** Where the import stands, one line: shown every 2 s. */
    String progressLine() {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        StringBuilder line = new StringBuilder("import: ")
                .append(count(tally.linesRead.get()))
                .append(" lines read");
        EventInput in = input;
        if (in != null && in.size() > 0) {
            line.append(" (")
                    .append(Math.min(100, in.bytesRead() * 100 / in.size()))
                    .append("%)");
        }
        line.append(", ")
                .append(count(tally.accepted.get()))
                .append(" sent, ")
                .append(count(tally.recorded.get()))
                .append(" recorded, ")
                .append(count(tally.repeats.get()))
                .append(" repeats, ")
                .append(count(tally.badLines()))
                .append(" bad, ")
                .append(count(Math.round(tally.accepted.get() / seconds)))
                .append(" events/s");
        if (tally.retries.get() > 0) {
            long retries = tally.retries.get();
            line.append(", ").append(count(retries)).append(retries == 1 ? " retry" : " retries");
        }
        return line.toString();
    }

    /** On Ctrl-C: where the import stood, and that running it again is safe. */
    private void interrupted() {
        if (!finished) {
            err.println(totals());
            err.println("import: interrupted; the events Vigil accepted are stored. Running the same command again is"
                    + " safe: the events Vigil already has count as repeats, not twice");
            err.flush();
        }
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The command line, read. {@code format} is null when the file's name or content decides. */
    record Options(
            String file,
            URI url,
            ApiKey apiKey,
            EventInput.Format format,
            int batchSize,
            int concurrency,
            boolean strict) {}
}
