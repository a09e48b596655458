package io.vigil.tools.patterns;

import io.vigil.tools.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./vigil patterns export|import|approve}: the published patterns as one JSON file, so that a team keeps them
 * in git. An import never publishes by itself: it makes drafts and submits them, and an approver other than the one
 * who imported approves and publishes them, as for any change.
 */
@Command(
        name = "patterns",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "export|import|approve",
        description = {
            "Exports the published patterns to a file, imports a file as drafts submitted for approval, and approves"
                    + " (and publishes) what a file holds, through /api/v1/patterns with a key that has the manage"
                    + " scope (VIGIL_API_KEY or --api-key; ./vigil passes its tools' key)."
        },
        footer = {
            "",
            "Exit status: 0 done; 1 Vigil said no to at least one pattern (e.g. an expression that does not compile,"
                    + " an approval by its own author); 2 usage error, a bad file, or Vigil unreachable; 3 Vigil"
                    + " refused the API key, or it lacks the manage scope."
        })
public final class PatternsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** The command with its three subcommands. */
    public static CommandLine commandLine(Terminal terminal) {
        return new CommandLine(new PatternsCommand())
                .addSubcommand(new ExportPatterns(terminal))
                .addSubcommand(new ImportPatterns(terminal))
                .addSubcommand(new ApprovePatterns(terminal));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name an action: export, import or approve");
    }
}
