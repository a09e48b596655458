package io.vigil.tools.patterns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.tools.Terminal;
import io.vigil.tools.VigilAddress;
import io.vigil.tools.VigilTools;
import io.vigil.tools.http.VigilClient;
import io.vigil.tools.http.VigilRefusedException;
import io.vigil.tools.http.VigilUnavailableException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the three {@code patterns} actions share: the address and key options, a first look that Vigil answers, the
 * calls to {@code /api/v1/patterns} and one way to report each failure, with the exit statuses of
 * {@link PatternsCommand}. The file or the results go to standard output, progress to standard error.
 */
abstract class PatternAction implements Callable<Integer> {

    static final String PATH = "/api/v1/patterns";
    static final int VIGIL_SAID_NO = 1;
    static final int UNUSABLE = 2;

    final Terminal terminal;

    @Spec
    CommandSpec spec;

    @Mixin
    VigilAddress vigil;

    VigilClient client;

    PatternAction(Terminal terminal) {
        this.terminal = terminal;
    }

    /** The action, once Vigil answers; returns the exit status. */
    abstract int run() throws VigilUnavailableException, InterruptedException, java.io.IOException;

    @Override
    public Integer call() throws InterruptedException {
        client = new VigilClient(vigil.url(), vigil.apiKey(), "vigil-patterns");
        if (!client.ready()) {
            say("Vigil does not answer at " + vigil.url() + "; start it with ./vigil up, or name a running Vigil with"
                    + " --url");
            return UNUSABLE;
        }
        try {
            return run();
        } catch (VigilRefusedException refused) {
            say((refused.lastStatus() == 403
                            ? "Vigil refused the API key " + vigil.apiKey() + " (403): patterns take the manage scope"
                            : "Vigil refused the API key " + vigil.apiKey() + " (401)")
                    + "; set VIGIL_API_KEY or --api-key to a key with the manage scope");
            return VigilTools.REFUSED;
        } catch (VigilUnavailableException unavailable) {
            say(unavailable.getMessage());
            return UNUSABLE;
        } catch (java.io.IOException badFile) {
            say(badFile.getMessage());
            return UNUSABLE;
        }
    }

    /** What an action does to one pattern of a file: one word or a few, {@code refused} when Vigil said no. */
    @FunctionalInterface
    interface EachPattern {
        String apply(PatternFile.Entry entry, String comment)
                throws VigilUnavailableException, InterruptedException, java.io.IOException;
    }

    /**
     * Reads the file and applies the action to each of its patterns in turn, printing {@code <id> <outcome>} for each
     * and a count at the end; exit status 1 when Vigil refused any.
     */
    int eachPatternOf(java.nio.file.Path file, String comment, String defaultWhy, EachPattern action)
            throws VigilUnavailableException, InterruptedException, java.io.IOException {
        PatternFile patterns = PatternFile.read(file);
        String why = comment != null ? comment : defaultWhy + " " + file.getFileName();
        int refused = 0;
        for (PatternFile.Entry entry : patterns.patterns()) {
            String outcome = action.apply(entry, why);
            if (outcome.startsWith("refused")) {
                refused++;
            }
            terminal.out().println(entry.id() + " " + outcome);
        }
        say(patterns.patterns().size() + " in the file, " + refused + " refused");
        return refused == 0 ? 0 : VIGIL_SAID_NO;
    }

    /** The pattern in full, or null when Vigil has none with this id. */
    JsonNode find(String id) throws VigilUnavailableException, InterruptedException, java.io.IOException {
        HttpResponse<String> answer = VigilClient.await(client.get(PATH + "/" + encode(id)));
        if (answer.statusCode() == 404) {
            return null;
        }
        if (answer.statusCode() != 200) {
            throw new java.io.IOException("Vigil answered " + answer.statusCode() + " to GET " + PATH + "/" + id
                    + VigilClient.detail(answer.body()));
        }
        return VigilClient.parse(answer.body());
    }

    /** The live version of a pattern in full, or null when none is live. */
    static JsonNode liveVersion(JsonNode pattern) {
        JsonNode live = pattern.path("liveVersion");
        if (!live.canConvertToInt()) {
            return null;
        }
        for (JsonNode version : pattern.path("versions")) {
            if (version.path("number").asInt() == live.asInt()) {
                return version;
            }
        }
        return null;
    }

    /** POSTs one lifecycle step; true when Vigil took it, else it is reported. */
    boolean step(String id, String step, ObjectNode body) throws VigilUnavailableException, InterruptedException {
        String path = PATH + "/" + encode(id) + "/" + step;
        HttpResponse<String> answer = VigilClient.await(client.post(path, body.toString()));
        if (answer.statusCode() / 100 == 2) {
            return true;
        }
        say(id + ": Vigil answered " + answer.statusCode() + " to " + step + VigilClient.detail(answer.body()));
        return false;
    }

    static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One line on standard error, after the command's name ({@code patterns import: ...}). */
    void say(String line) {
        terminal.err().println(spec.qualifiedName(" ").replaceFirst("^vigil ", "") + ": " + line);
    }
}
