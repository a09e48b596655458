package io.vigil.tools.patterns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.tools.Terminal;
import io.vigil.tools.http.VigilClient;
import io.vigil.tools.http.VigilUnavailableException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code patterns import FILE}: the file's features are defined and its list entries added first (patterns may read
 * them); then each pattern of the file that differs from what is live becomes a draft submitted for approval, and one
 * that is the same is left alone. No pattern is published here.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Defines the features of FILE that Vigil does not have and adds its list entries (never removing any), then"
                    + " makes a draft of each pattern in FILE whose content differs from its live version (or that"
                    + " Vigil does not have) and submits it for approval. No pattern goes live until an approver other"
                    + " than you approves and publishes it (patterns approve, or the console). Prints one line per"
                    + " feature, list and pattern: defined, added, submitted, unchanged or refused."
        })
final class ImportPatterns extends PatternAction {

    @Parameters(paramLabel = "FILE", description = "a file as patterns export writes it")
    private Path file;

    @Option(names = "--comment", paramLabel = "TEXT", description = "the drafts' comment (default: imported from FILE)")
    private String comment;

    ImportPatterns(Terminal terminal) {
        super(terminal);
    }

    private static final int LIST_CHUNK = 1_000;
    private static final Duration FEATURE_WAIT = Duration.ofSeconds(30);

    @Override
    int run() throws VigilUnavailableException, InterruptedException, IOException {
        PatternFile content = PatternFile.read(file);
        String why = comment != null ? comment : "imported from " + file.getFileName();
        int refused = importFeatures(content.features(), why) + importLists(content.lists(), why);
        int patterns = eachPatternOf(file, comment, "imported from", this::importOne);
        return refused == 0 ? patterns : VIGIL_SAID_NO;
    }

    /**
     * Defines each feature Vigil does not have; one it has with the same definition is left alone, one it has with
     * another is refused (a definition never changes). Waits until scoring knows the new ones, so that the patterns
     * that read them compile. Returns how many were refused.
     */
    private int importFeatures(List<PatternFile.Feature> features, String why)
            throws VigilUnavailableException, InterruptedException, IOException {
        int refused = 0;
        List<String> defined = new ArrayList<>();
        for (PatternFile.Feature f : features) {
            String path = "/api/v1/features/" + encode(f.name());
            HttpResponse<String> known = VigilClient.await(client.get(path));
            String outcome;
            if (known.statusCode() == 200) {
                JsonNode k = VigilClient.parse(known.body());
                boolean same = !k.path("status").asText().equals("archived")
                        && k.path("entity").asText().equals(f.entity())
                        && k.path("aggregation").asText().equals(f.aggregation())
                        && text(k, "field").equals(f.field() == null ? "" : f.field())
                        && k.path("window").asText().equals(f.window())
                        && text(k, "filter")
                                .equals(f.filter() == null ? "" : f.filter().strip());
                outcome = same
                        ? "unchanged"
                        : "refused: Vigil has a feature of this name defined otherwise (or archived); a definition"
                                + " never changes, give the new one another name";
            } else {
                ObjectNode body = PatternFile.JSON.valueToTree(f);
                if (f.description() == null) {
                    body.put("description", why);
                }
                HttpResponse<String> answer = VigilClient.await(client.post("/api/v1/features", body.toString()));
                if (answer.statusCode() == 201) {
                    outcome = "defined";
                    defined.add(f.name());
                } else {
                    outcome = "refused: Vigil answered " + answer.statusCode() + VigilClient.detail(answer.body());
                }
            }
            refused += outcome.startsWith("refused") ? 1 : 0;
            terminal.out().println("feature " + f.name() + " " + outcome);
        }
        for (String name : defined) {
            awaitKnown(name);
        }
        return refused;
    }

    /** Waits until the scoring node knows the feature (it is then backfilling or ready). */
    private void awaitKnown(String name) throws VigilUnavailableException, InterruptedException, IOException {
        long deadline = System.nanoTime() + FEATURE_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = VigilClient.await(client.get("/api/v1/features/" + encode(name)));
            if (answer.statusCode() == 200
                    && !VigilClient.parse(answer.body()).path("status").asText().equals("pending")) {
                return;
            }
            Thread.sleep(200);
        }
        say("feature " + name + " is not known to scoring after " + FEATURE_WAIT.toSeconds()
                + " s; patterns that read it may be refused");
    }

    /** Adds every entry of every list (a value already listed takes the file's expiry and reason); never removes. */
    private int importLists(List<PatternFile.ValueList> lists, String why)
            throws VigilUnavailableException, InterruptedException, IOException {
        int refused = 0;
        for (PatternFile.ValueList list : lists) {
            String path = "/api/v1/lists/" + encode(list.list()) + "/" + encode(list.kind()) + "/entries";
            int added = 0;
            int updated = 0;
            String problem = null;
            for (int from = 0; from < list.entries().size() && problem == null; from += LIST_CHUNK) {
                ObjectNode body = PatternFile.JSON.createObjectNode().put("reason", why);
                body.set(
                        "entries",
                        PatternFile.JSON.valueToTree(list.entries()
                                .subList(from, Math.min(list.entries().size(), from + LIST_CHUNK))));
                HttpResponse<String> answer = VigilClient.await(client.post(path, body.toString()));
                if (answer.statusCode() / 100 == 2) {
                    JsonNode change = VigilClient.parse(answer.body());
                    added += change.path("added").asInt();
                    updated += change.path("updated").asInt();
                } else {
                    problem = "refused: Vigil answered " + answer.statusCode() + VigilClient.detail(answer.body());
                }
            }
            refused += problem == null ? 0 : 1;
            terminal.out()
                    .println("list " + list.list() + "/" + list.kind() + " "
                            + (problem == null ? added + " added, " + updated + " updated" : problem));
        }
        return refused;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : "";
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
