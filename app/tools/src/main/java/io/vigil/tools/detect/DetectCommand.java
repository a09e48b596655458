package io.vigil.tools.detect;

import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.Grain;
import io.vigil.analytics.api.Sensitivity;
import io.vigil.tools.Terminal;
import io.vigil.tools.VigilTools;
import io.vigil.tools.WireValueConverter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./vigil detect}: the command line of {@link DetectCsv}. */
@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a monitor's detector over a per-minute series in a CSV file, without servers, and writes each row"
                    + " back with the detector's verdict (expected,reference,p_value,score,anomalous).",
            "FILE has the header timestamp,value (a count) or timestamp,successes,attempts (a rate), one row per minute"
                    + " with an ISO-8601 instant; minutes may be missing."
        },
        footer = {
            "",
            "Exit status: 0 the series was evaluated (even if some lines were skipped); 1 the input cannot be read or"
                    + " has no valid row; 2 usage error. See docs/monitoring.md."
        })
public final class DetectCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the CSV file; '-' reads standard input")
    private String input;

    @Option(
            names = "--sensitivity",
            paramLabel = "low|medium|high",
            defaultValue = "medium",
            converter = SensitivityConverter.class,
            description = "how readily to flag (default: ${DEFAULT-VALUE})")
    private Sensitivity sensitivity;

    @Option(
            names = "--direction",
            paramLabel = "drop|spike|both",
            defaultValue = "both",
            converter = DirectionConverter.class,
            description = "which changes to flag (default: ${DEFAULT-VALUE})")
    private Direction direction;

    @Option(
            names = "--min-volume",
            paramLabel = "N",
            description = "least attempts the baseline's minutes need together (legacy: a reference minute)"
                    + " (default: 30 for a count, 50 for a rate)")
    private Long minVolume;

    @Option(
            names = "--detector",
            paramLabel = "seasonal|legacy",
            defaultValue = "seasonal",
            description = "seasonal (the monitors' detector) or legacy (the previous single-reference one, for"
                    + " comparison) (default: ${DEFAULT-VALUE})")
    private String detector;

    @Option(
            names = "--labels",
            paramLabel = "FILE",
            description = "anomaly windows to score the verdicts against: JSON, a list of [start, end] instants (or"
                    + " {\"windows\": [...]}, or {\"<input file name>\": [...]}); prints incidents found and missed,"
                    + " false alerts per series-day and time to detect on standard error")
    private String labels;

    @Option(
            names = "--grains",
            paramLabel = "minute,5m,hour,day",
            split = ",",
            defaultValue = "minute",
            converter = GrainConverter.class,
            description = "the grains to judge (seasonal only); with more than minute, the incidents found at every"
                    + " grain (one per outage) are printed on standard error and scored against --labels; the output"
                    + " rows stay the minute's verdicts (default: ${DEFAULT-VALUE})")
    private List<Grain> grains;

    @Option(names = "--out", paramLabel = "FILE", description = "write the result there instead of standard output")
    private String out;

    public DetectCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        if (minVolume != null && minVolume < 1) {
            throw VigilTools.usage(spec, "--min-volume must be a whole number >= 1, got " + minVolume);
        }
        if (!detector.equals("seasonal") && !detector.equals("legacy")) {
            throw VigilTools.usage(spec, "--detector must be seasonal or legacy, got '" + detector + "'");
        }
        boolean legacy = detector.equals("legacy");
        if (legacy && !grains.equals(List.of(Grain.MINUTE))) {
            throw VigilTools.usage(spec, "--grains needs the seasonal detector; legacy judges minutes only");
        }
        DetectCsv.Options options = new DetectCsv.Options(
                input, out, sensitivity, direction, minVolume, legacy, labels, List.copyOf(grains));
        return DetectCsv.run(options, terminal.in(), terminal.out(), terminal.err());
    }

    static final class SensitivityConverter extends WireValueConverter<Sensitivity> {
        SensitivityConverter() {
            super(Sensitivity::fromWire);
        }
    }

    static final class GrainConverter extends WireValueConverter<Grain> {
        GrainConverter() {
            super(Grain::fromWire);
        }
    }

    static final class DirectionConverter extends WireValueConverter<Direction> {
        DirectionConverter() {
            super(Direction::fromWire);
        }
    }
}
