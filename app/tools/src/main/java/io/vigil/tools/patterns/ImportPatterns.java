package io.vigil.tools.patterns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.tools.Terminal;
import io.vigil.tools.http.VigilClient;
import io.vigil.tools.http.VigilUnavailableException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code patterns import FILE}: each pattern of the file that differs from what is live becomes a draft submitted for
 * approval; one that is the same is left alone. Nothing is published here.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Makes a draft of each pattern in FILE whose content differs from its live version (or that Vigil does"
                    + " not have) and submits it for approval. Nothing goes live until an approver other than you"
                    + " approves and publishes it (patterns approve, or the console). Prints one line per pattern:"
                    + " id, then submitted, unchanged or refused."
        })
final class ImportPatterns extends PatternAction {

    @Parameters(paramLabel = "FILE", description = "a file as patterns export writes it")
    private Path file;

    @Option(names = "--comment", paramLabel = "TEXT", description = "the drafts' comment (default: imported from FILE)")
    private String comment;

    ImportPatterns(Terminal terminal) {
        super(terminal);
    }

    @Override
    int run() throws VigilUnavailableException, InterruptedException, IOException {
        return eachPatternOf(file, comment, "imported from", this::importOne);
    }

    private String importOne(PatternFile.Entry entry, String why)
            throws VigilUnavailableException, InterruptedException, IOException {
        JsonNode existing = find(entry.id());
        ObjectNode body = PatternFile.JSON
                .createObjectNode()
                .put("name", entry.name())
                .put("description", entry.description() == null ? "" : entry.description())
                .put("expression", entry.expression())
                .put("effect", entry.effect())
                .put("comment", why);
        HttpResponse<String> answer;
        if (existing == null) {
            answer = VigilClient.await(
                    client.post(PATH, body.deepCopy().put("id", entry.id()).toString()));
        } else {
            JsonNode live = liveVersion(existing);
            if (live != null
                    && !existing.hasNonNull("draft")
                    && entry.sameContent(
                            live.path("name").asText(),
                            live.path("description").asText(""),
                            live.path("expression").asText(),
                            live.path("effect").asText())) {
                return "unchanged";
            }
            answer = VigilClient.await(client.put(PATH + "/" + encode(entry.id()), body.toString()));
        }
        if (answer.statusCode() / 100 != 2) {
            say(entry.id() + ": Vigil answered " + answer.statusCode() + VigilClient.detail(answer.body()));
            return "refused";
        }
        if (!step(entry.id(), "submit", PatternFile.JSON.createObjectNode().put("comment", why))) {
            return "refused";
        }
        return "submitted";
    }
}
