package io.vigil.tools;

import io.vigil.tools.http.VigilClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./vigil import}: the command line of {@link EventImport}. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Sends the operational events in FILE to a running Vigil (POST /api/v1/events/batch), e.g. to backfill"
                    + " history.",
            "FILE is NDJSON, one event object per line (.ndjson, .jsonl, .json), or CSV (.csv) with a header row naming"
                    + " the fields in any order: id,timestamp,merchantId,operation,outcome (required) and errorCode,"
                    + " country,paymentMethod,channel,browser,deviceType (optional); fields quoted as in RFC 4180."
                    + " Either may be gzip-compressed (.gz). Other names and standard input: NDJSON when it starts"
                    + " with '{', else CSV."
        },
        footer = {
            "",
            "Every line is checked with Vigil's rules before it is sent; a bad line is reported on standard error as"
                    + " 'line N: field: message' (the first 50 of them) and not imported. Progress is shown every 2 s.",
            "Running the same file again is safe, after an interruption or after fixing bad lines: Vigil ignores event"
                    + " ids it already stored (kept for vigil.ingest.event-id-retention, 7 days by default) and counts"
                    + " them as repeats.",
            "Exit status: 0 every line imported; 1 some lines were bad, the others imported; 2 the import stopped"
                    + " (unreadable file, Vigil unreachable or refusing after retries, usage error); 3 Vigil refused"
                    + " the API key or its scope."
        })
final class ImportCommand implements Callable<Integer> {

    private final Terminal terminal;
    private final EventImport.Tuning tuning;

    @Spec
    private CommandSpec spec;

    @Mixin
    private VigilAddress vigil;

    @Parameters(paramLabel = "FILE", description = "the file to import; '-' reads standard input")
    private String file;

    @Option(
            names = "--format",
            paramLabel = "ndjson|csv",
            converter = FormatConverter.class,
            description = "the file's format, whatever its name")
    private EventInput.Format format;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "5000",
            description = "events per request, 1 to " + EventImport.MAX_BATCH + " (default: ${DEFAULT-VALUE})")
    private int batchSize;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "2",
            description = "requests in flight, 1 to " + EventImport.MAX_CONCURRENCY + " (default: ${DEFAULT-VALUE})")
    private int concurrency;

    @Option(names = "--strict", description = "stop at the first bad line (default: report it, skip it and go on)")
    private boolean strict;

    ImportCommand(Terminal terminal, EventImport.Tuning tuning) {
        this.terminal = terminal;
        this.tuning = tuning;
    }

    @Override
    public Integer call() {
        VigilTools.between(spec, "--batch-size", batchSize, 1, EventImport.MAX_BATCH);
        VigilTools.between(spec, "--concurrency", concurrency, 1, EventImport.MAX_CONCURRENCY);
        if (!new VigilClient(vigil.url(), vigil.apiKey(), "vigil-import").ready()) {
            terminal.err()
                    .println("import: Vigil does not answer at " + vigil.url() + " (" + vigil.url()
                            + "/actuator/health/readiness is not UP). ./vigil import sends events to a running Vigil"
                            + " and does not start one: start it with ./vigil up, or name a running Vigil with --url.");
            return 2;
        }
        EventImport.Options options =
                new EventImport.Options(file, vigil.url(), vigil.apiKey(), format, batchSize, concurrency, strict);
        return EventImport.run(options, terminal.in(), terminal.err(), tuning);
    }

    /** {@code ndjson} (or {@code jsonl}, {@code json}) or {@code csv}. */
    static final class FormatConverter extends WireValueConverter<EventInput.Format> {
        FormatConverter() {
            super(EventInput.Format::fromWire);
        }
    }
}
