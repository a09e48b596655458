package io.vigil.tools.model;

import io.vigil.tools.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./vigil model train|export-features}: trains a risk model on a range of recorded history (and shows how it
 * compares with the patterns alone), or writes that range's training set as CSV for training elsewhere.
 */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "train|export-features",
        description = {
            "Trains a risk model on a time range of recorded transactions and their labels, or writes the range's"
                    + " training set as CSV, through /api/v1/models with a key that has the manage scope"
                    + " (VIGIL_API_KEY or --api-key; ./vigil passes its tools' key). See docs/models.md."
        },
        footer = {
            "",
            "Exit status: 0 done; 1 the training failed or was cancelled; 2 usage error, or Vigil unreachable or"
                    + " refusing the request; 3 Vigil refused the API key, or it lacks the manage scope."
        })
public final class ModelCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** The command with its two subcommands. */
    public static CommandLine commandLine(Terminal terminal) {
        return new CommandLine(new ModelCommand())
                .addSubcommand(new TrainModel(terminal))
                .addSubcommand(new ExportFeatures(terminal));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name an action: train or export-features");
    }
}
