package io.vigil.tools.keys;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.tools.Terminal;
import io.vigil.tools.VigilAddress;
import io.vigil.tools.VigilTools;
import io.vigil.tools.http.ApiKey;
import io.vigil.tools.http.RetryPolicy;
import io.vigil.tools.http.VigilClient;
import io.vigil.tools.http.VigilRefusedException;
import io.vigil.tools.http.VigilUnavailableException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What {@code api-key create}, {@code list} and {@code revoke} share: the address and key options, a first look that
 * Vigil answers, and one way to report each kind of failure, with the exit statuses of {@link ApiKeyCommand}. Results
 * go to standard output (the new key, the table); everything else to standard error.
 */
abstract class KeyAction implements Callable<Integer> {

    static final String PATH = "/api/v1/api-keys";

    /** Exit status when Vigil answers, but no: an invalid name, an unknown key id. */
    static final int VIGIL_SAID_NO = 1;

    /** Exit status when Vigil does not answer (as for a usage error: the command did nothing). */
    static final int UNREACHABLE = 2;

    final Terminal terminal;

    @Spec
    CommandSpec spec;

    @Mixin
    VigilAddress vigil;

    KeyAction(Terminal terminal) {
        this.terminal = terminal;
    }

    /** The action, once Vigil answers; returns the exit status. */
    abstract int run(VigilClient client) throws VigilUnavailableException, InterruptedException;

    /** How hard to try: an action that is safe to repeat keeps trying, one that is not tries once. */
    RetryPolicy retry() {
        return RetryPolicy.DEFAULT;
    }

    @Override
    public Integer call() throws InterruptedException {
        VigilClient client = new VigilClient(
                vigil.url(), vigil.apiKey(), "vigil-api-key", retry(), Duration.ofSeconds(30), () -> {}, null);
        if (!client.ready()) {
            say("Vigil does not answer at " + vigil.url() + " (" + vigil.url() + "/actuator/health/readiness is not"
                    + " UP); start it with ./vigil up, or name a running Vigil with --url");
            return UNREACHABLE;
        }
        try {
            return run(client);
        } catch (VigilRefusedException refused) {
            say(refusal(refused.lastStatus(), vigil.apiKey()));
            return VigilTools.REFUSED;
        } catch (VigilUnavailableException unavailable) {
            say(unavailable.getMessage());
            return UNREACHABLE;
        }
    }

    /** What a refused key means here, where every action needs the admin scope. */
    static String refusal(int status, ApiKey key) {
        String fix = "set VIGIL_API_KEY or --api-key to a key with the admin scope (./vigil api-key uses the local key"
                + " of the Vigil that ./vigil up started)";
        if (status == 403) {
            return "Vigil refused the API key " + key + " (403): managing keys takes the admin scope, which it lacks; "
                    + fix;
        }
        return (key.present()
                        ? "Vigil refused the API key " + key + " (401)"
                        : "Vigil wants an API key and none was given (401)")
                + ": " + fix;
    }

    /** The scopes a key can have (the contract's Authentication section, and admin for keys themselves). */
    static final List<String> SCOPES = List.of("submit", "read", "manage", "admin");

    /** A key's scopes as on the command line: lower case, in the order of {@link #SCOPES}, comma-separated. */
    static String scopesOf(JsonNode key) {
        JsonNode scopes = key == null ? null : key.get("scopes");
        if (scopes == null || !scopes.isArray()) {
            return "?";
        }
        return StreamSupport.stream(scopes.spliterator(), false)
                .map(scope -> scope.asText().toLowerCase(Locale.ROOT))
                .sorted(Comparator.comparingInt(
                        scope -> SCOPES.contains(scope) ? SCOPES.indexOf(scope) : SCOPES.size()))
                .collect(Collectors.joining(","));
    }

    /** A key's rate limit, {@code 100/s, burst 200}, or {@code -} for none. */
    static String rateOf(JsonNode key) {
        JsonNode rate = key == null ? null : key.get("ratePerSecond");
        if (rate == null || !rate.canConvertToLong()) {
            return "-";
        }
        JsonNode burst = key.get("burst");
        return rate.asLong() + "/s" + (burst != null && burst.canConvertToLong() ? ", burst " + burst.asLong() : "");
    }

    /** Reports an answer other than the one hoped for; returns the exit status. */
    int saidNo(String request, HttpResponse<String> answer) {
        say("Vigil answered " + answer.statusCode() + " to " + request + VigilClient.detail(answer.body()));
        return VIGIL_SAID_NO;
    }

    /** One line on standard error, after the command's name ({@code api-key create: ...}). */
    void say(String line) {
        terminal.err().println(spec.qualifiedName(" ").replaceFirst("^vigil ", "") + ": " + line);
    }
}
