package io.vigil.tools.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.tools.Terminal;
import io.vigil.tools.VigilTools;
import io.vigil.tools.http.RetryPolicy;
import io.vigil.tools.http.VigilClient;
import io.vigil.tools.http.VigilUnavailableException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code api-key create NAME}: a new key, printed alone on standard output, for scripts. */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = {
            "Creates an API key (POST /api/v1/api-keys) and prints it alone on standard output, e.g."
                    + " KEY=$(./vigil api-key create my-checkout). Vigil shows a key only this once and keeps only a"
                    + " hash of it: keep it where your client reads its secrets. With --webhook-url, the webhook's"
                    + " signing secret is printed on standard error, also only this once."
        },
        footer = {
            "",
            "Scopes: submit (transactions, events, outcomes), read (transactions and other results), manage"
                    + " (monitors, alerts, patterns, lists, models, reviews), admin (API keys).",
            "Exit status: 0 created; 1 Vigil said no (e.g. an invalid name); 2 usage error, or Vigil unreachable;"
                    + " 3 Vigil refused the API key, or it lacks the admin scope."
        })
final class CreateKey extends KeyAction {

    /** Longest name Vigil keeps. */
    static final int MAX_NAME = 100;

    /**
     * Creating a key is not safe to repeat (a lost answer would leave a second key), so a failure is not retried;
     * 429 and 503 are, since Vigil stores nothing with them.
     */
    private static final RetryPolicy ONE_TRY =
            new RetryPolicy(1, Duration.ZERO, Duration.ofSeconds(15), Duration.ofMinutes(1));

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "NAME", description = "what the key is for, to tell keys apart (e.g. my-checkout)")
    private String name;

    @Option(
            names = "--scopes",
            paramLabel = "LIST",
            split = ",",
            defaultValue = "submit,read,manage",
            description = "what the key may do: some of submit,read,manage,admin (default: ${DEFAULT-VALUE})")
    private List<String> scopes;

    @Option(
            names = "--rate-per-second",
            paramLabel = "N",
            description = "most requests per second the key may make, 1 to 1000000; more are answered 429"
                    + " (default: no limit)")
    private Integer ratePerSecond;

    @Option(
            names = "--burst",
            paramLabel = "N",
            description = "requests the key may make at once before its rate applies, 1 to 1000000 (with"
                    + " --rate-per-second; default: Vigil's, from the rate)")
    private Integer burst;

    @Option(
            names = "--webhook-url",
            paramLabel = "URL",
            description = "where Vigil posts this key's webhooks (transaction.reviewed), an absolute http(s) URL;"
                    + " the webhook's signing secret is then printed on standard error, once")
    private String webhookUrl;

    CreateKey(Terminal terminal) {
        super(terminal);
    }

    @Override
    RetryPolicy retry() {
        return ONE_TRY;
    }

    @Override
    public Integer call() throws InterruptedException {
        body(); // usage errors first, before Vigil is asked anything
        return super.call();
    }

    @Override
    int run(VigilClient client) throws VigilUnavailableException, InterruptedException {
        HttpResponse<String> answer = VigilClient.await(client.post(PATH, body().toString()));
        if (answer.statusCode() != 201 && answer.statusCode() != 200) {
            return saidNo("POST " + PATH, answer);
        }
        JsonNode created = VigilClient.parse(answer.body());
        String key = VigilClient.text(created, "key", "");
        if (key.isEmpty()) {
            say("Vigil answered " + answer.statusCode() + " without the key; revoke the key it made"
                    + " (./vigil api-key list) and create another");
            return VIGIL_SAID_NO;
        }
        terminal.out().println(key);
        terminal.out().flush();
        String rate = rateOf(created.has("ratePerSecond") ? created : body());
        say("created key '" + VigilClient.text(created, "name", name) + "' ("
                + VigilClient.text(created, "prefix", "?") + ", id " + VigilClient.text(created, "keyId", "?")
                + ") with the scopes " + scopesOf(created) + ", " + (rate.equals("-") ? "no rate limit" : rate)
                + "; Vigil shows it only this once");
        String webhookSecret = VigilClient.text(created, "webhookSecret", "");
        if (!webhookSecret.isEmpty()) {
            say("webhooks go to " + webhookUrl.strip() + ", signed with this secret (shown only this once, keep it"
                    + " with your webhook receiver): " + webhookSecret);
        }
        return 0;
    }

    /** The request, or a usage error. */
    private ObjectNode body() {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw VigilTools.usage(spec, "NAME must have 1 to " + MAX_NAME + " characters, got " + name.length());
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String scope : scopes) {
            String s = scope.strip().toLowerCase(Locale.ROOT);
            if (!SCOPES.contains(s)) {
                throw VigilTools.usage(
                        spec, "--scopes takes some of " + String.join(",", SCOPES) + ", got '" + scope + "'");
            }
            wanted.add(s);
        }
        ObjectNode body = JSON.createObjectNode().put("name", trimmed);
        wanted.forEach(body.putArray("scopes")::add);
        if (ratePerSecond != null) {
            body.put("ratePerSecond", VigilTools.between(spec, "--rate-per-second", ratePerSecond, 1, 1_000_000));
        }
        if (burst != null) {
            if (ratePerSecond == null) {
                throw VigilTools.usage(spec, "--burst goes with --rate-per-second");
            }
            body.put("burst", VigilTools.between(spec, "--burst", burst, 1, 1_000_000));
        }
        if (webhookUrl != null) {
            String url = webhookUrl.strip();
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw VigilTools.usage(
                        spec, "--webhook-url takes an http:// or https:// URL, got '" + webhookUrl + "'");
            }
            body.put("webhookUrl", url);
        }
        return body;
    }
}
