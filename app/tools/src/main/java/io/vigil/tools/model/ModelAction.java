package io.vigil.tools.model;

import io.vigil.tools.Terminal;
import io.vigil.tools.VigilAddress;
import io.vigil.tools.VigilTools;
import io.vigil.tools.http.VigilClient;
import io.vigil.tools.http.VigilRefusedException;
import io.vigil.tools.http.VigilUnavailableException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the {@code model} actions share: the address and key, the range, a first look that Vigil answers, and one way
 * to report each failure, with the exit statuses of {@link ModelCommand}. Results go to standard output, progress to
 * standard error.
 */
abstract class ModelAction implements Callable<Integer> {

    static final int FAILED = 1;
    static final int UNUSABLE = 2;

    final Terminal terminal;

    @Spec
    CommandSpec spec;

    @Mixin
    VigilAddress vigil;

    @Option(names = "--from", required = true, paramLabel = "TIME", description = "start of the range (ISO-8601)")
    String from;

    @Option(names = "--to", required = true, paramLabel = "TIME", description = "end of the range, exclusive")
    String to;

    @Option(
            names = "--label-time",
            paramLabel = "WHEN",
            defaultValue = "reported",
            description = "when an outcome counts as known: reported (when Vigil recorded it) or stated (the"
                    + " timestamp it gave, for back-filled history) (default: ${DEFAULT-VALUE})")
    String labelTime;

    VigilClient client;

    ModelAction(Terminal terminal) {
        this.terminal = terminal;
    }

    abstract int run() throws VigilUnavailableException, InterruptedException, IOException;

    @Override
    public Integer call() throws InterruptedException {
        instant("--from", from);
        instant("--to", to);
        client = new VigilClient(vigil.url(), vigil.apiKey(), "vigil-model");
        if (!client.ready()) {
            say("Vigil does not answer at " + vigil.url() + "; start it with ./vigil up, or name a running Vigil with"
                    + " --url");
            return UNUSABLE;
        }
        try {
            return run();
        } catch (VigilRefusedException refused) {
            say(refused.getMessage());
            return VigilTools.REFUSED;
        } catch (VigilUnavailableException | IOException e) {
            say(e.getMessage());
            return UNUSABLE;
        }
    }

    /** An ISO-8601 instant, or a usage error. */
    Instant instant(String option, String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw VigilTools.usage(spec, option + " must be an instant such as 2026-11-01T00:00:00Z, got " + value);
        }
    }

    /** One line on standard error, after the command's name. */
    void say(String line) {
        terminal.err().println(spec.qualifiedName(" ").replaceFirst("^vigil ", "") + ": " + line);
    }
}
