package io.vigil.tools;

import io.vigil.tools.bench.BenchCommand;
import io.vigil.tools.detect.DetectCommand;
import io.vigil.tools.http.VigilRefusedException;
import io.vigil.tools.keys.ApiKeyCommand;
import io.vigil.tools.model.ModelCommand;
import io.vigil.tools.patterns.PatternsCommand;
import io.vigil.tools.simulator.SimulateCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one entry point of Vigil's command-line tools ({@code java -jar vigil-tools-exec.jar COMMAND ...}, which
 * {@code ./vigil} runs for {@code simulate}, {@code import}, {@code bench}, {@code detect}, {@code api-key}, {@code patterns} and {@code model}). One
 * parser (picocli) reads every command's options and writes every {@code --help}; one rule holds for every mistake on
 * the command line: a message naming the option on standard error, the command's usage, and exit status 2. One rule
 * holds too when Vigil refuses the tool's API key or its scope: one line saying what to do, and exit status 3.
 */
@Command(
        name = "vigil",
        mixinStandardHelpOptions = true,
        versionProvider = VigilTools.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Vigil's command-line tools. Each command has its own --help.",
        subcommands = CommandLine.HelpCommand.class)
public final class VigilTools implements Runnable {

    /** Exit status of a mistake on the command line. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;

    /** Exit status when Vigil refuses the API key ({@code 401}) or its scope ({@code 403}), whatever the tool. */
    public static final int REFUSED = 3;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        int status = run(args, Terminal.system());
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** Runs a command line as a person would; returns the exit status. */
    public static int run(String[] args, Terminal terminal) {
        return commandLine(terminal).execute(args);
    }

    /** Every command, reading and writing through the terminal. */
    static CommandLine commandLine(Terminal terminal) {
        return commandLine(terminal, EventImport.Tuning.DEFAULT);
    }

    /** Every command, with the import's retries and progress tuned (for tests). */
    static CommandLine commandLine(Terminal terminal, EventImport.Tuning importTuning) {
        CommandLine line = new CommandLine(new VigilTools())
                .addSubcommand(new SimulateCommand(terminal))
                .addSubcommand(new ImportCommand(terminal, importTuning))
                .addSubcommand(BenchCommand.commandLine(terminal))
                .addSubcommand(new DetectCommand(terminal))
                .addSubcommand(ApiKeyCommand.commandLine(terminal))
                .addSubcommand(PatternsCommand.commandLine(terminal))
                .addSubcommand(ModelCommand.commandLine(terminal));
        line.setOut(new PrintWriter(terminal.out(), true));
        line.setErr(new PrintWriter(terminal.err(), true));
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setParameterExceptionHandler(VigilTools::usageError);
        line.setExecutionExceptionHandler(VigilTools::refused);
        return line;
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "name a command: simulate, import, bench, detect, api-key, patterns or model");
    }

    /**
     * The one rule for a refused key or scope, wherever in a command it comes up: its one-line message after the
     * command's name, status 3. Any other failure goes on to picocli's handler (its stack trace, status 1).
     */
    private static int refused(Exception failure, CommandLine command, CommandLine.ParseResult parsed)
            throws Exception {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof VigilRefusedException refusal) {
                PrintWriter err = command.getErr();
                err.println(command.getCommandSpec().qualifiedName(" ").replaceFirst("^vigil ", "") + ": "
                        + refusal.getMessage());
                err.flush();
                return REFUSED;
            }
        }
        throw failure;
    }

    /** The one rule for a mistake on the command line: the message, any suggestion, the usage; status 2. */
    private static int usageError(ParameterException mistake, String[] args) {
        CommandLine command = mistake.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(mistake.getMessage());
        UnmatchedArgumentException.printSuggestions(mistake, err);
        err.print(command.getUsageMessage());
        err.flush();
        return USAGE;
    }

    /**
     * A usage error raised after parsing, for a value that only makes sense beside the others: handled like a parsing
     * error (message, usage, exit status 2).
     */
    public static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Checks a whole number option's range. */
    public static int between(CommandSpec spec, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw usage(spec, option + " must be a whole number from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    /** The version of the tools jar, from its manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = VigilTools.class.getPackage().getImplementationVersion();
            return new String[] {"Vigil tools " + (version == null ? "(development build)" : version)};
        }
    }
}
