package io.vigil.tools.keys;

import io.vigil.tools.Terminal;
import io.vigil.tools.VigilTools;
import io.vigil.tools.http.VigilClient;
import io.vigil.tools.http.VigilUnavailableException;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code api-key revoke KEY_ID}: from then on Vigil answers the key with 401. */
@Command(
        name = "revoke",
        mixinStandardHelpOptions = true,
        description = {
            "Revokes an API key (DELETE /api/v1/api-keys/KEY_ID): from then on Vigil refuses it. ./vigil api-key list"
                    + " shows the keys' ids."
        },
        footer = {
            "",
            "Exit status: 0 revoked; 1 Vigil said no (e.g. no key with that id); 2 usage error, or Vigil unreachable;"
                    + " 3 Vigil refused the API key, or it lacks the admin scope."
        })
final class RevokeKey extends KeyAction {

    /** What a key id can be: letters, digits, '-', '_' and '.', so that it goes into the path as it is. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Parameters(paramLabel = "KEY_ID", description = "the key's id, as api-key list shows it")
    private String keyId;

    RevokeKey(Terminal terminal) {
        super(terminal);
    }

    @Override
    public Integer call() throws InterruptedException {
        // never echoed: a key pasted by mistake must not end up on the screen, in a log or in a URL
        if (keyId.startsWith("vgl_")) {
            throw VigilTools.usage(
                    spec, "KEY_ID is the key's id, not the key itself; ./vigil api-key list shows the ids");
        }
        if (!KEY_ID.matcher(keyId).matches() || keyId.matches("\\.+")) {
            throw VigilTools.usage(
                    spec, "KEY_ID is a key's id as ./vigil api-key list shows it: letters, digits, '-', '_'");
        }
        return super.call();
    }

    @Override
    int run(VigilClient client) throws VigilUnavailableException, InterruptedException {
        String path = PATH + "/" + keyId;
        HttpResponse<String> answer = VigilClient.await(client.delete(path));
        if (answer.statusCode() / 100 != 2) {
            return saidNo("DELETE " + path, answer);
        }
        say("revoked key " + keyId + "; Vigil refuses it from now on");
        return 0;
    }
}
