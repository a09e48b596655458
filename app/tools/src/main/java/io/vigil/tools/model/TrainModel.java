package io.vigil.tools.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.tools.Terminal;
import io.vigil.tools.http.VigilClient;
import io.vigil.tools.http.VigilRefusedException;
import io.vigil.tools.http.VigilUnavailableException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code model train}: starts a training run, and with {@code --wait} follows it and prints its metrics. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Trains gradient-boosted trees on the transactions of [--from, --to) with their labels, evaluated on the"
                    + " last week of the range (or from --holdout-from) beside the live patterns alone. Prints the"
                    + " run's id; with --wait, follows its progress and prints the metrics and the most important"
                    + " features."
        })
final class TrainModel extends ModelAction {

    static final String PATH = "/api/v1/models/trainings";

    @Option(names = "--holdout-from", paramLabel = "TIME", description = "start of the evaluation slice")
    String holdoutFrom;

    @Option(
            names = "--maturity",
            paramLabel = "D",
            description = "leave out the transactions younger than this at --to (12h, 3d): not labelled yet")
    String maturity;

    @Option(names = "--trees", paramLabel = "N", description = "boosting rounds (default 300)")
    Integer trees;

    @Option(names = "--wait", description = "follow the run to its end and print its metrics")
    boolean await;

    TrainModel(Terminal terminal) {
        super(terminal);
    }

    @Override
    int run() throws VigilUnavailableException, InterruptedException, IOException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("from", instant("--from", from).toString());
        body.put("to", instant("--to", to).toString());
        if (holdoutFrom != null) {
            body.put("holdoutFrom", instant("--holdout-from", holdoutFrom).toString());
        }
        if (maturity != null) {
            body.put("maturity", maturity);
        }
        if (trees != null) {
            body.put("trees", trees);
        }
        body.put("labelTime", labelTime);
        HttpResponse<String> answer = VigilClient.await(client.post(PATH, body.toString()));
        if (answer.statusCode() != 202) {
            say("Vigil answered " + answer.statusCode() + VigilClient.detail(answer.body()));
            return UNUSABLE;
        }
        JsonNode run = VigilClient.parse(answer.body());
        String id = run.path("trainingId").asText();
        if (!await) {
            terminal.out().println(id);
            say("started; follow it with GET " + PATH + "/" + id);
            return 0;
        }
        String last = "";
        while (run.path("status").asText().equals("running")) {
            Thread.sleep(1_000);
            run = get(PATH + "/" + id);
            String line = String.format(
                    Locale.ROOT, "%s %.0f%%", id, run.path("progress").asDouble() * 100);
            if (!line.equals(last)) {
                say(line);
                last = line;
            }
        }
        if (!run.path("status").asText().equals("completed")) {
            say(id + " " + run.path("status").asText()
                    + (run.hasNonNull("error") ? ": " + run.path("error").asText() : ""));
            return FAILED;
        }
        print(terminal.out(), run);
        return 0;
    }

    /** The metrics side by side and the ten most important features. */
    static void print(PrintStream out, JsonNode run) {
        JsonNode m = run.path("metrics");
        out.printf(
                Locale.ROOT,
                "training %s: %s to %s, hold-out from %s%n",
                run.path("trainingId").asText(),
                run.path("from").asText(),
                run.path("to").asText(),
                run.path("holdoutFrom").asText());
        out.printf(
                Locale.ROOT,
                "trained on %d transactions (%d fraud); evaluated on %d (%d fraud)%n%n",
                m.path("trainRows").asLong(),
                m.path("trainFrauds").asLong(),
                m.path("model").path("rows").asLong(),
                m.path("model").path("frauds").asLong());
        out.printf(Locale.ROOT, "%-34s %12s %12s%n", "", "model", "patterns");
        row(out, "AUC", m, e -> e.path("auc"), "%.3f");
        row(out, "average precision", m, e -> e.path("averagePrecision"), "%.3f");
        for (String at : new String[] {"review", "decline"}) {
            String t = String.format(
                    Locale.ROOT,
                    " (%s ≥ %.0f)",
                    at,
                    m.path("model").path(at).path("threshold").asDouble());
            row(out, "flagged" + t, m, e -> e.path(at).path("flagged"), "%.0f");
            row(out, "precision" + t, m, e -> e.path(at).path("precision"), "%.3f");
            row(out, "recall" + t, m, e -> e.path(at).path("recall"), "%.3f");
            row(out, "money caught" + t, m, e -> e.path(at).path("amountCaught"), "%.2f");
            row(out, "wrongly stopped" + t, m, e -> e.path(at).path("amountWronglyStopped"), "%.2f");
        }
        out.printf("%nmost important features (total gain):%n");
        Iterator<Map.Entry<String, JsonNode>> features = run.path("importance").fields();
        for (int i = 0; i < 10 && features.hasNext(); i++) {
            Map.Entry<String, JsonNode> f = features.next();
            out.printf(Locale.ROOT, "  %-40s %12.1f%n", f.getKey(), f.getValue().asDouble());
        }
    }

    private interface Field {
        JsonNode of(JsonNode evaluation);
    }

    private static void row(PrintStream out, String name, JsonNode metrics, Field field, String format) {
        out.printf(
                Locale.ROOT,
                "%-34s %12s %12s%n",
                name,
                value(field.of(metrics.path("model")), format),
                value(field.of(metrics.path("patterns")), format));
    }

    private static String value(JsonNode node, String format) {
        if (node.isMissingNode()
                || node.isNull()
                || (node.isTextual() && node.asText().equals("NaN"))) {
            return "-";
        }
        return String.format(Locale.ROOT, format, node.asDouble());
    }

    private JsonNode get(String path) throws VigilUnavailableException, InterruptedException, IOException {
        HttpResponse<String> answer = VigilClient.await(client.get(path));
        if (VigilRefusedException.refuses(answer.statusCode())) {
            throw VigilRefusedException.of(answer.statusCode(), "GET " + path, answer.body(), vigil.apiKey());
        }
        if (answer.statusCode() != 200) {
            throw new IOException(
                    "Vigil answered " + answer.statusCode() + " to GET " + path + VigilClient.detail(answer.body()));
        }
        return VigilClient.parse(answer.body());
    }
}
