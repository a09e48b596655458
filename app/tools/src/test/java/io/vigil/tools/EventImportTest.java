package io.vigil.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.tools.EventImport.Tuning;
import io.vigil.tools.http.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole command against a stand-in for Vigil's batch endpoint on 127.0.0.1. */
class EventImportTest {

    /** Quick retries, no progress lines unless a test asks, no shutdown hook. */
    /** An event time inside Vigil's window (at most 8 days old) whenever the test runs. */
    private static final String RECENT = java.time.Instant.now()
            .minus(java.time.Duration.ofHours(1))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .toString();

    private static final Tuning QUICK = new Tuning(
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofSeconds(10)),
            Duration.ZERO,
            Duration.ofSeconds(30),
            50,
            false);

    @TempDir
    Path folder;

    private FakeEventsEndpoint vigil;

    @BeforeEach
    void startVigil() throws IOException {
        vigil = new FakeEventsEndpoint();
    }

    @AfterEach
    void stopVigil() {
        vigil.close();
    }

    private record Result(int status, String stdout, String stderr) {

        List<String> badLineReports() {
            return stderr.lines().filter(line -> line.startsWith("line ")).toList();
        }
    }

    private Result run(Tuning tuning, InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(
                stdin,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
        List<String> line = new ArrayList<>(List.of("import"));
        line.addAll(List.of(args));
        int status = VigilTools.commandLine(terminal, tuning).execute(line.toArray(String[]::new));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", vigil.url()));
        all.addAll(List.of(args));
        return run(QUICK, InputStream.nullInputStream(), all.toArray(String[]::new));
    }

    private static String event(String id) {
        return "{\"id\":\"" + id + "\",\"timestamp\":\"" + RECENT + "\",\"merchantId\":\"m-42\","
                + "\"operation\":\"authorization\",\"outcome\":\"failure\",\"errorCode\":\"timeout\","
                + "\"country\":\"SE\",\"paymentMethod\":\"card\",\"channel\":\"web\",\"browser\":\"chrome\","
                + "\"deviceType\":\"mobile\"}";
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    private Path events(String name, int count) throws IOException {
        return file(
                name,
                IntStream.range(0, count).mapToObj(i -> event("ev-" + i)).collect(Collectors.joining("\n", "", "\n")));
    }

    @Test
    void everyEventArrivesExactlyOnceWithTheFileContent() throws IOException {
        Path file = events("events.ndjson", 10_500);

        Result result = run(file.toString(), "--batch-size", "1000", "--concurrency", "3");

        assertThat(result.status()).as(result.stderr()).isZero();
        assertThat(vigil.stored).hasSize(10_500);
        assertThat(vigil.deliveries.values())
                .allSatisfy(times -> assertThat(times.get()).isEqualTo(1));
        assertThat(vigil.acceptedBatchSizes)
                .hasSize(11)
                .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(1000));
        assertThat(vigil.mostInFlight.get()).isLessThanOrEqualTo(3);
        assertThat(vigil.stored.get("ev-7").toString()).isEqualTo(event("ev-7"));
        assertThat(result.badLineReports()).isEmpty();
        assertThat(result.stderr())
                .contains("10,500 lines read")
                .contains("Vigil accepted 10,500 events (10,500 recorded, 0 repeats); 0 bad")
                .contains("every line imported");
    }

    @Test
    void runningTheSameFileAgainStoresNothingTwice() throws IOException {
        Path file = events("events.ndjson", 300);
        assertThat(run(file.toString(), "--batch-size", "100").status()).isZero();

        Result again = run(file.toString(), "--batch-size", "100");

        assertThat(again.status()).isZero();
        assertThat(vigil.stored).hasSize(300);
        assertThat(again.stderr()).contains("Vigil accepted 300 events (0 recorded, 300 repeats)");
    }

    @Test
    void anOverloadedVigilIsAskedAgainAfterItsRetryAfter() throws IOException {
        vigil.overloadedAnswers.set(1);
        vigil.retryAfter = "1";
        Path file = events("events.ndjson", 50);

        Result result = run(file.toString());

        assertThat(result.status()).as(result.stderr()).isZero();
        assertThat(vigil.arrivals).hasSize(2);
        assertThat(vigil.arrivals.get(1) - vigil.arrivals.get(0)).isGreaterThanOrEqualTo(900_000_000L);
        assertThat(vigil.stored).hasSize(50);
        assertThat(vigil.deliveries.values())
                .allSatisfy(times -> assertThat(times.get()).isEqualTo(1));
    }

    @Test
    void badLinesAreReportedWithTheirLineNumbersAndTheRestImported() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            lines.add(event("ev-" + i));
        }
        lines.set(2, lines.get(2).replace("\"SE\"", "\"Sweden\""));
        lines.set(6, lines.get(6).replace("\"failure\"", "\"maybe\""));
        Path file = file("events.jsonl", String.join("\n", lines) + "\n");

        Result result = run(file.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.badLineReports())
                .containsExactly(
                        "line 3: country: must be an ISO 3166-1 alpha-2 code such as SE",
                        "line 7: outcome: must be success or failure");
        assertThat(vigil.stored.keySet())
                .containsExactlyInAnyOrder("ev-1", "ev-2", "ev-4", "ev-5", "ev-6", "ev-8", "ev-9");
        assertThat(result.stderr()).contains("; 2 bad;").contains("2 bad lines were not imported");
    }

    @Test
    void itemsVigilRejectsAreReportedAtTheirFileLineAndTheRestOfTheBatchSentAgain() throws IOException {
        // line 2 blank, line 3 bad here: the batch is ev-1, ev-4, ev-5, ev-6, and Vigil rejects item 2 (ev-5)
        Path file = file(
                "events.ndjson",
                event("ev-1") + "\n\n" + event("ev-3").replace("\"web\"", "\"phone\"") + "\n" + event("ev-4") + "\n"
                        + event("ev-5") + "\n" + event("ev-6") + "\n");
        vigil.rejects = event -> event.get("id").asText().equals("ev-5");

        Result result = run(file.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(vigil.rejectedIndexes).containsExactly(2);
        assertThat(result.badLineReports())
                .containsExactly(
                        "line 3: channel: must be one of web, app, in_store, other",
                        "line 5: merchantId: is not a merchant Vigil knows");
        assertThat(vigil.stored.keySet()).containsExactlyInAnyOrder("ev-1", "ev-4", "ev-6");
        assertThat(vigil.deliveries.values())
                .allSatisfy(times -> assertThat(times.get()).isEqualTo(1));
    }

    @Test
    void aRejectedItemInALaterBatchIsMappedThroughTheBatchesToItsCsvLine() throws IOException {
        StringBuilder csv = new StringBuilder("id,timestamp,merchantId,operation,outcome\n");
        for (int i = 1; i <= 7; i++) {
            csv.append("ev-").append(i).append(",").append(RECENT).append(",m-42,order,success\n");
        }
        Path file = file("events.csv", csv.toString());
        vigil.rejects = event -> event.get("id").asText().equals("ev-6");

        Result result = run(file.toString(), "--batch-size", "2");

        // batches [ev-1, ev-2] [ev-3, ev-4] [ev-5, ev-6] [ev-7]; ev-6 is item 1 of the third, on line 7 (the header is
        // 1)
        assertThat(result.status()).isEqualTo(1);
        assertThat(vigil.rejectedIndexes).containsExactly(1);
        assertThat(result.badLineReports()).containsExactly("line 7: merchantId: is not a merchant Vigil knows");
        assertThat(vigil.stored.keySet()).containsExactlyInAnyOrder("ev-1", "ev-2", "ev-3", "ev-4", "ev-5", "ev-7");
    }

    @Test
    void strictStopsAtTheFirstBadLineAfterSendingTheLinesBeforeIt() throws IOException {
        Path file = file(
                "events.ndjson",
                event("ev-1") + "\n" + event("ev-2") + "\n" + event("ev 3") + "\n" + event("ev-4") + "\n"
                        + event("ev-5").replace("m-42", "") + "\n");

        Result result = run(file.toString(), "--strict");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.badLineReports())
                .containsExactly("line 3: id: must be 1-64 characters of letters, digits and . _ : -");
        assertThat(vigil.stored.keySet()).containsExactlyInAnyOrder("ev-1", "ev-2");
        assertThat(result.stderr()).contains("stopped at line 3, the first bad line (--strict)");
    }

    @Test
    void printsTheFirstFiftyBadLinesAndCountsAll() throws IOException {
        Path file = file(
                "events.ndjson",
                IntStream.rangeClosed(1, 60)
                        .mapToObj(i -> "{\"id\":\"ev-" + i + "\"}")
                        .collect(Collectors.joining("\n")));

        Result result = run(file.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.badLineReports()).hasSize(50);
        assertThat(result.badLineReports().get(0))
                .isEqualTo("line 1: timestamp: is required; merchantId: is required; operation: is required;"
                        + " outcome: is required");
        assertThat(result.stderr()).contains("60 lines read").contains("60 bad lines were not imported");
        assertThat(vigil.arrivals).isEmpty();
    }

    @Test
    void readsGzippedCsvFromStandardInput() throws IOException {
        String csv = "outcome,id,timestamp,merchantId,operation\nsuccess,ev-1," + RECENT + ",\"m,1\",session\n";
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gzip)) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }

        Result result = run(QUICK, new ByteArrayInputStream(gzip.toByteArray()), "--url", vigil.url(), "-");

        assertThat(result.status()).as(result.stderr()).isZero();
        assertThat(result.stderr()).contains("reading standard input as csv (gzip)");
        assertThat(vigil.stored.get("ev-1").get("merchantId").asText()).isEqualTo("m,1");
    }

    @Test
    void showsProgressWithTheShareOfTheFileRead() throws IOException {
        Path file = events("events.ndjson", 40);
        vigil.delayMillis = 150;
        Tuning everyFewMillis = new Tuning(QUICK.retry(), Duration.ofMillis(40), Duration.ofSeconds(30), 50, false);

        Result result = run(
                everyFewMillis,
                InputStream.nullInputStream(),
                "--url",
                vigil.url(),
                "--batch-size",
                "10",
                "--concurrency",
                "1",
                file.toString());

        assertThat(result.status()).isZero();
        assertThat(result.stderr().lines())
                .anyMatch(line -> line.matches(
                        "import: 40 lines read \\(100%\\), [\\d,]+ sent, [\\d,]+ recorded, 0 repeats, 0 bad, [\\d,]+"
                                + " events/s"));
    }

    @Test
    void anUnreachableVigilStopsTheImportWithStatusTwoBeforeReadingTheFile() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path file = events("events.ndjson", 10);

        Result result =
                run(QUICK, InputStream.nullInputStream(), "--url", "http://127.0.0.1:" + closedPort, file.toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.stderr())
                .contains("Vigil does not answer at http://127.0.0.1:" + closedPort)
                .contains("start it with ./vigil up, or name a running Vigil with --url")
                .doesNotContain("lines read");
    }

    @Test
    void aVigilThatKeepsFailingStopsTheImportAfterTheRetries() throws IOException {
        vigil.fixedStatus = 502;
        vigil.fixedBody = "{\"title\": \"Bad Gateway\"}";
        Path file = events("events.ndjson", 10);

        Result result = run(file.toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.stderr())
                .contains("did not take the request in 3 attempts: it answered 502: Bad Gateway")
                .contains("run the same command again");
    }

    @Test
    void aRejectionThatNamesNoEventStopsTheImport() throws IOException {
        vigil.fixedStatus = 400;
        vigil.fixedBody = "{\"status\":400,\"detail\":\"the body is not valid JSON\"}";
        Path file = events("events.ndjson", 10);

        Result result = run(file.toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.stderr())
                .contains("rejected the batch of lines 1 to 10 (400) without naming a bad event: the body is not"
                        + " valid JSON");
    }

    @Test
    void aBatchTooLargeForVigilStopsTheImportWithAHint() throws IOException {
        vigil.fixedStatus = 413;
        vigil.fixedBody = "{\"status\":413,\"detail\":\"request body over 10485760 bytes\"}";

        Result result = run(events("events.ndjson", 10).toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.stderr())
                .contains("as too large: request body over 10485760 bytes; try a smaller --batch-size");
    }

    @Test
    void aFileThatCannotBeReadStopsTheImportWithStatusTwo() {
        Result result = run(folder.resolve("missing.csv").toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.stderr()).contains("cannot read").contains("no such file");
        assertThat(vigil.arrivals).isEmpty();
    }

    @Test
    void aCsvHeaderWithoutARequiredColumnStopsTheImportWithStatusTwo() throws IOException {
        Path file = file("events.csv", "id,timestamp,operation,outcome\nev-1," + RECENT + ",order,success\n");

        Result result = run(file.toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.stderr()).contains("line 1: the header row has no column merchantId");
    }

    @Test
    void usageErrorsAreStatusTwoAndHelpIsStatusZero() {
        for (String[] wrong : List.of(
                new String[] {},
                new String[] {"a.csv", "b.csv"},
                new String[] {"a.csv", "--batch-size", "10001"},
                new String[] {"a.csv", "--concurrency", "0"},
                new String[] {"a.csv", "--format", "xml"},
                new String[] {"a.csv", "--url", "ftp://host"},
                new String[] {"a.csv", "--colour", "red"})) {
            Result result = run(QUICK, InputStream.nullInputStream(), wrong);
            assertThat(result.status()).as(String.join(" ", wrong)).isEqualTo(2);
            assertThat(result.stderr()).contains("Usage: vigil import");
        }

        Result help = run(QUICK, InputStream.nullInputStream(), "--help");
        assertThat(help.status()).isZero();
        assertThat(help.stdout()).contains("Usage: vigil import").contains("Running the same file again is safe");
    }
}
