package io.vigil.tools.bench;

import io.vigil.tools.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./vigil bench scoring|monitoring|detection|search|report}: the benchmarks, each run against a running Vigil from a
 * JVM of its own, except detection, which runs offline, and search, which needs only ClickHouse. {@code ./vigil bench} with no command runs both and the report, starting Vigil as each needs it.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "scoring|monitoring|detection|search|report",
        description = "Benchmarks of a running Vigil; figures in target/bench/*.json. See docs/benchmarks.md.")
public final class BenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** The command with its subcommands. */
    public static CommandLine commandLine(Terminal terminal) {
        return new CommandLine(new BenchCommand())
                .addSubcommand(new ScoringBench(terminal))
                .addSubcommand(new MonitoringBench(terminal))
                .addSubcommand(new DetectionBench(terminal))
                .addSubcommand(new SearchBench(terminal))
                .addSubcommand(new BenchReport());
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "name a benchmark: scoring, monitoring, detection, search or report");
    }
}
