package io.vigil.tools.model;

import io.vigil.tools.Terminal;
import io.vigil.tools.http.VigilRefusedException;
import io.vigil.tools.http.VigilUnavailableException;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code model export-features}: the training set of a range as CSV, streamed into a file. */
@Command(
        name = "export-features",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the training set of [--from, --to) as CSV: id, timestamp, label (1 fraud, 0 not) and every model"
                    + " feature, computed as a training computes them (point in time), a missing value left empty."
                    + " For training a model elsewhere, e.g. with Python's xgboost."
        })
final class ExportFeatures extends ModelAction {

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the CSV file to write")
    Path out;

    ExportFeatures(Terminal terminal) {
        super(terminal);
    }

    @Override
    int run() throws VigilUnavailableException, InterruptedException, IOException {
        String path = "/api/v1/models/training-set?from="
                + encode(instant("--from", from).toString()) + "&to="
                + encode(instant("--to", to).toString()) + "&labelTime=" + encode(labelTime);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(client.resolve(path)).GET();
        if (vigil.apiKey().present()) {
            request.header("Authorization", vigil.apiKey().authorization());
        }
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        HttpResponse<Path> answer;
        try {
            // no time limit: the replay of a long range takes as long as it takes, and the rows stream as they come
            answer = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofFile(partial));
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw new IOException("the export broke off: " + e.getMessage(), e);
        }
        if (answer.statusCode() != 200) {
            String body = Files.readString(partial);
            Files.deleteIfExists(partial);
            if (VigilRefusedException.refuses(answer.statusCode())) {
                throw VigilRefusedException.of(answer.statusCode(), "GET " + path, body, vigil.apiKey());
            }
            throw new IOException(
                    "Vigil answered " + answer.statusCode() + io.vigil.tools.http.VigilClient.detail(body));
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        long rows;
        try (Stream<String> lines = Files.lines(out)) {
            rows = lines.count() - 1;
        }
        say("wrote " + rows + " rows to " + out);
        return 0;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
