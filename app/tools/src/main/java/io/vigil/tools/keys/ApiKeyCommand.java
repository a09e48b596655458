package io.vigil.tools.keys;

import io.vigil.tools.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./vigil api-key create|list|revoke}: Vigil's API keys, managed through {@code /api/v1/api-keys} with a key
 * that has the admin scope. {@code ./vigil} passes the local key it gave the Vigil it started.
 */
@Command(
        name = "api-key",
        mixinStandardHelpOptions = true,
        synopsisSubcommandLabel = "create|list|revoke",
        description = {
            "Creates, lists and revokes Vigil's API keys (/api/v1/api-keys). Managing keys takes a key with the admin"
                    + " scope: ./vigil api-key uses the local key of the Vigil that ./vigil up started; elsewhere set"
                    + " VIGIL_API_KEY or --api-key."
        },
        footer = {
            "",
            "Exit status: 0 done; 1 Vigil said no (an invalid name, an unknown key id); 2 usage error, or Vigil"
                    + " unreachable; 3 Vigil refused the API key, or it lacks the admin scope."
        })
public final class ApiKeyCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** The command with its three subcommands. */
    public static CommandLine commandLine(Terminal terminal) {
        return new CommandLine(new ApiKeyCommand())
                .addSubcommand(new CreateKey(terminal))
                .addSubcommand(new ListKeys(terminal))
                .addSubcommand(new RevokeKey(terminal));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name an action: create, list or revoke");
    }
}
