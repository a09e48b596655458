package io.vigil.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.tools.EventInput.Format;
import io.vigil.tools.EventReader.Problem;
import io.vigil.tools.EventReader.SourceLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading NDJSON and CSV files, checking their lines with Vigil's rules, and cutting them into batches. */
class EventImportParsingTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path folder;

    private EventInput open(String name, String content) throws IOException, ImportFailure {
        return EventInput.open(
                Files.writeString(folder.resolve(name), content).toString(), null, InputStream.nullInputStream());
    }

    private static List<SourceLine> readAll(EventInput input) throws IOException {
        List<SourceLine> lines = new ArrayList<>();
        try (input) {
            for (SourceLine line = input.reader().next();
                    line != null;
                    line = input.reader().next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static byte[] gzip(String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static ImportedEvent valid() {
        return new ImportedEvent(
                1,
                "ev-1",
                "2026-11-23T10:15:30Z",
                "m-42",
                "authorization",
                "failure",
                "timeout",
                "SE",
                "card",
                "web",
                "chrome",
                "mobile");
    }

    @Test
    void ndjsonLinesBecomeEventsAtTheirLineNumbers() throws Exception {
        List<SourceLine> lines = readAll(open(
                "events.ndjson",
                "\uFEFF{\"id\":\"ev-1\",\"timestamp\":\"2026-11-23T10:15:30Z\",\"merchantId\":\"m-42\","
                        + "\"operation\":\"session\",\"outcome\":\"success\",\"extra\":{\"ignored\":true}}\n"
                        + "\n"
                        + "   \n"
                        + "{\"id\":17,\"timestamp\":\"2026-11-23T10:15:31Z\",\"merchantId\":\"m-42\",\"operation\":"
                        + "\"order\",\"outcome\":\"failure\",\"errorCode\":null,\"browser\":\"Firefox\"}\r\n"));

        assertThat(lines).extracting(SourceLine::line).containsExactly(1L, 4L);
        assertThat(lines.get(0).event()).isNotNull();
        assertThat(lines.get(0).problems()).isEmpty();
        assertThat(lines.get(0).event().id()).isEqualTo("ev-1");
        assertThat(lines.get(0).event().operation()).isEqualTo("session");
        assertThat(lines.get(0).event().country()).isNull();
        // a number where the contract says string is refused, as Vigil refuses it, and kept as its text for the
        // other rules; case is left to Vigil
        assertThat(lines.get(1).problems()).containsExactly(new Problem("id", "has the wrong type, expected a string"));
        assertThat(lines.get(1).event().id()).isEqualTo("17");
        assertThat(lines.get(1).event().check(NOW)).isEmpty();
        assertThat(lines.get(1).event().errorCode()).isNull();
        assertThat(lines.get(1).event().browser()).isEqualTo("Firefox");
    }

    @Test
    void ndjsonLinesThatAreNotEventObjectsAreProblemsOfTheirLine() {
        assertThat(NdjsonEventReader.parse(5, "{\"id\":\"ev-1\",").problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.toString()).startsWith("not valid JSON: "));
        assertThat(NdjsonEventReader.parse(6, "\"ev-1\"").problems())
                .containsExactly(Problem.ofLine("must be a JSON object, one event per line"));
        assertThat(NdjsonEventReader.parse(1, "[").problems().get(0).message()).contains("jq -c '.[]'");
        assertThat(NdjsonEventReader.parse(7, "{\"id\":\"ev-1\"} {\"id\":\"ev-2\"}")
                        .problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("not valid JSON"));
        SourceLine nested = NdjsonEventReader.parse(8, "{\"id\":{\"x\":1},\"merchantId\":[\"m\"]}");
        assertThat(nested.problems())
                .containsExactly(
                        new Problem("id", "has the wrong type, expected a string"),
                        new Problem("merchantId", "has the wrong type, expected a string"));
    }

    @Test
    void csvColumnsComeInAnyOrderWithOptionalOnesMissingAndQuotedFields() throws Exception {
        String csv = "outcome, merchantId ,timestamp,id,operation,errorCode,country\r\n"
                + "failure,\"m,42\",2026-11-23T10:15:30Z,ev-1,authorization,\"said \"\"no\"\"\",SE\r\n"
                + "success,\"m\n42\",2026-11-23T10:15:31Z,ev-2,order,,\r\n"
                + "\r\n"
                + "success,m-42,2026-11-23T10:15:32Z,\"ev-3\",session,\"\",DE\r\n";

        List<SourceLine> lines = readAll(open("events.csv", csv));

        assertThat(lines).extracting(SourceLine::line).containsExactly(2L, 3L, 6L);
        assertThat(lines).allSatisfy(line -> assertThat(line.problems()).isEmpty());
        ImportedEvent first = lines.get(0).event();
        assertThat(first.merchantId()).isEqualTo("m,42");
        assertThat(first.errorCode()).isEqualTo("said \"no\"");
        assertThat(first.outcome()).isEqualTo("failure");
        assertThat(first.country()).isEqualTo("SE");
        assertThat(first.channel()).isNull();
        ImportedEvent second = lines.get(1).event();
        assertThat(second.merchantId()).isEqualTo("m\n42");
        assertThat(second.errorCode()).isNull();
        assertThat(second.country()).isNull();
        assertThat(lines.get(2).event().id()).isEqualTo("ev-3");
        assertThat(lines.get(2).event().errorCode()).isNull();
    }

    @Test
    void malformedCsvRecordsAreProblemsOfTheLineTheyStartOnAndReadingGoesOn() throws Exception {
        String csv = "id,timestamp,merchantId,operation,outcome\n"
                + "ev-1,2026-11-23T10:15:30Z,m-42,order,success\n"
                + "ev-2,2026-11-23T10:15:30Z,m-42,order\n"
                + "ev-3,2026-11-23T10:15:30Z,m 5\" screen,order,success\n"
                + "ev-4,2026-11-23T10:15:30Z,\"m-42\"x,order,success\n"
                + "ev-5,2026-11-23T10:15:30Z,\"m\n\n42\",order,success,extra\n"
                + "ev-6,2026-11-23T10:15:30Z,m-42,order,success\n"
                + "ev-7,2026-11-23T10:15:30Z,\"m-42,order,success\n"
                + "ev-8,2026-11-23T10:15:30Z,m-42,order,success\n";

        List<SourceLine> lines = readAll(open("events.csv", csv));

        assertThat(lines).extracting(SourceLine::line).containsExactly(2L, 3L, 4L, 5L, 6L, 9L, 10L);
        assertThat(lines.get(0).problems()).isEmpty();
        assertThat(lines.get(1).problems()).containsExactly(Problem.ofLine("has 4 fields where the header has 5"));
        assertThat(lines.get(2).problems().get(0).message()).startsWith("not valid CSV: a quote inside a field");
        assertThat(lines.get(3).problems())
                .containsExactly(Problem.ofLine("not valid CSV: text after the closing quote of a field"));
        assertThat(lines.get(4).problems()).containsExactly(Problem.ofLine("has 6 fields where the header has 5"));
        assertThat(lines.get(5).problems()).isEmpty();
        assertThat(lines.get(5).event().id()).isEqualTo("ev-6");
        assertThat(lines.get(6).problems())
                .containsExactly(
                        Problem.ofLine("not valid CSV: a quoted field is not closed before the end of the file"));
    }

    @Test
    void aCsvHeaderMustNameTheRequiredFieldsOnce() throws Exception {
        assertThatThrownBy(() -> open("a.csv", "id,timestamp,merchant_id,operation,outcome\n"))
                .isInstanceOf(ImportFailure.class)
                .hasMessageContaining("the header row has no column merchantId");
        assertThatThrownBy(() -> open("b.csv", "id,timestamp,merchantId,operation,outcome,id\n"))
                .isInstanceOf(ImportFailure.class)
                .hasMessageContaining("names id twice");
        assertThatThrownBy(() -> open("c.csv", ""))
                .isInstanceOf(ImportFailure.class)
                .hasMessageContaining("header row");
        try (EventInput input = open("d.csv", "\uFEFFID,Timestamp,merchantId,operation,outcome,amount,\n")) {
            assertThat(input.reader().notes())
                    .containsExactly("ignoring columns that are not event fields: amount, (column 7, no name)");
        }
    }

    @Test
    void gzipFilesAreReadWhateverTheirFormatAndProgressCountsCompressedBytes() throws Exception {
        String ndjson = "{\"id\":\"ev-1\",\"timestamp\":\"2026-11-23T10:15:30Z\",\"merchantId\":\"m-42\","
                + "\"operation\":\"session\",\"outcome\":\"success\"}\n";
        String csv = "id,timestamp,merchantId,operation,outcome\nev-2,2026-11-23T10:15:30Z,\"m,42\",order,failure\n";
        Path ndjsonFile = Files.write(folder.resolve("events.ndjson.gz"), gzip(ndjson));
        Path csvFile = Files.write(folder.resolve("events.csv.gz"), gzip(csv));

        EventInput first = EventInput.open(ndjsonFile.toString(), null, InputStream.nullInputStream());
        assertThat(first.format()).isEqualTo(Format.NDJSON);
        assertThat(first.compressed()).isTrue();
        assertThat(first.size()).isEqualTo(Files.size(ndjsonFile));
        List<SourceLine> ndjsonLines = readAll(first);
        assertThat(first.bytesRead()).isEqualTo(first.size());
        assertThat(ndjsonLines)
                .singleElement()
                .satisfies(line -> assertThat(line.event().id()).isEqualTo("ev-1"));

        EventInput second = EventInput.open(csvFile.toString(), null, InputStream.nullInputStream());
        assertThat(second.format()).isEqualTo(Format.CSV);
        assertThat(readAll(second))
                .singleElement()
                .satisfies(line -> assertThat(line.event().merchantId()).isEqualTo("m,42"));

        EventInput piped = EventInput.open("-", null, new ByteArrayInputStream(gzip(csv)));
        assertThat(piped.format()).isEqualTo(Format.CSV);
        assertThat(piped.size()).isEqualTo(-1);
        assertThat(readAll(piped)).hasSize(1);
    }

    @Test
    void theFormatComesFromTheOptionThenTheNameThenTheContent() throws Exception {
        assertThat(EventInput.formatOfName("a.ndjson")).isEqualTo(Format.NDJSON);
        assertThat(EventInput.formatOfName("a.JSONL.gz")).isEqualTo(Format.NDJSON);
        assertThat(EventInput.formatOfName("a.json")).isEqualTo(Format.NDJSON);
        assertThat(EventInput.formatOfName("a.csv.gz")).isEqualTo(Format.CSV);
        assertThat(EventInput.formatOfName("a.txt")).isNull();
        try (EventInput input = open("events.txt", "  \n{\"id\":\"ev-1\"}\n")) {
            assertThat(input.format()).isEqualTo(Format.NDJSON);
        }
        try (EventInput input = open("events.txt", "id,timestamp,merchantId,operation,outcome\n")) {
            assertThat(input.format()).isEqualTo(Format.CSV);
        }
        Path csvNamedJson = Files.writeString(
                folder.resolve("export.json"), "id,timestamp,merchantId,operation,outcome\nev-1,x,m,order,success\n");
        try (EventInput input = EventInput.open(csvNamedJson.toString(), Format.CSV, InputStream.nullInputStream())) {
            assertThat(input.format()).isEqualTo(Format.CSV);
            assertThat(input.reader().next().event().id()).isEqualTo("ev-1");
        }
    }

    @Test
    void validationReportsTheLineNumbersOfTheBadLines() throws Exception {
        StringBuilder csv = new StringBuilder("id,timestamp,merchantId,operation,outcome,country\n");
        for (int line = 2; line <= 9; line++) {
            String timestamp = line == 3 ? "yesterday" : "2026-11-23T10:15:30Z";
            String country = line == 7 ? "XX" : "SE";
            csv.append("ev-").append(line).append(',').append(timestamp).append(",m-42,order,success,");
            csv.append(country).append('\n');
        }

        List<String> bad = new ArrayList<>();
        for (SourceLine line : readAll(open("events.csv", csv.toString()))) {
            List<Problem> problems = line.event().check(NOW);
            if (!problems.isEmpty()) {
                bad.add(line.line() + " " + problems);
            }
        }

        assertThat(bad)
                .containsExactly(
                        "3 [timestamp: must be an ISO-8601 instant such as 2026-11-23T10:15:30Z]",
                        "7 [country: must be an ISO 3166-1 alpha-2 code such as SE]");
    }

    @Test
    void ndjsonValuesOfTheWrongTypeAreReportedAtTheirLineNumbers() throws Exception {
        String event = "{\"id\":\"ev-%d\",\"timestamp\":\"2026-11-23T10:15:30Z\",\"merchantId\":\"m-42\","
                + "\"operation\":\"order\",\"outcome\":\"success\"}\n";
        String ndjson = event.formatted(1)
                + event.formatted(2).replace("\"ev-2\"", "12345")
                + "\n"
                + event.formatted(4).replace("\"m-42\"", "true")
                + event.formatted(5);

        List<String> bad = new ArrayList<>();
        for (SourceLine line : readAll(open("events.ndjson", ndjson))) {
            List<Problem> problems = new ArrayList<>(line.problems());
            problems.addAll(line.event().check(NOW));
            if (!problems.isEmpty()) {
                bad.add(line.line() + " " + problems);
            }
        }

        assertThat(bad)
                .containsExactly(
                        "2 [id: has the wrong type, expected a string]",
                        "4 [merchantId: has the wrong type, expected a string]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            id            | ev 1                      | id: must be 1-64 characters of letters, digits and . _ : -
            id            | ''                        | id: is required
            timestamp     | 2026-11-23T10:15:30       | timestamp: must be an ISO-8601 instant such as 2026-11-23T10:15:30Z
            timestamp     | 2026-11-26T10:15:30Z      | timestamp: must not be more than 24 hours in the future
            timestamp     | 1999-12-31T23:59:59Z      | timestamp: must not be more than 8 days in the past
            timestamp     | 2026-11-16T11:59:59Z      | timestamp: must not be more than 8 days in the past
            merchantId    | '   '                     | merchantId: is required
            operation     | refund                    | operation: must be one of session, authorization, order
            outcome       | SUCCESS                   | outcome: must be success or failure
            country       | se                        | country: must be an ISO 3166-1 alpha-2 code such as SE
            paymentMethod | crypto                    | paymentMethod: must be one of card, pay_later, installments, bank_transfer, wallet, other
            channel       | phone                     | channel: must be one of web, app, in_store, other
            """)
    void eachRuleOfVigilIsChecked(String field, String value, String expected) {
        String[] values = valid().values();
        values[ImportedEvent.FIELDS.indexOf(field)] = value == null ? "" : value;

        assertThat(ImportedEvent.of(1, values).check(NOW))
                .extracting(Problem::toString)
                .containsExactly(expected);
    }

    @Test
    void lengthsAndTheErrorCodeFollowVigilsRules() {
        assertThat(valid().check(NOW)).isEmpty();
        String[] values = valid().values();
        values[ImportedEvent.FIELDS.indexOf("timestamp")] = "2026-11-23T12:15:30+02:00";
        values[ImportedEvent.FIELDS.indexOf("merchantId")] = "m".repeat(128);
        values[ImportedEvent.FIELDS.indexOf("browser")] = "b".repeat(64);
        assertThat(ImportedEvent.of(1, values).check(NOW)).isEmpty();

        values[ImportedEvent.FIELDS.indexOf("merchantId")] = "m".repeat(129);
        values[ImportedEvent.FIELDS.indexOf("deviceType")] = "d".repeat(65);
        values[ImportedEvent.FIELDS.indexOf("outcome")] = "success";
        assertThat(ImportedEvent.of(1, values).check(NOW))
                .extracting(Problem::toString)
                .containsExactly(
                        "merchantId: must be at most 128 characters",
                        "errorCode: is only allowed with outcome failure",
                        "deviceType: must be at most 64 characters");
    }

    @Test
    void batchesOf5000KeepEachEventsLine() throws Exception {
        EventBatcher batcher = new EventBatcher(5000, EventBatcher.MAX_BYTES);
        List<EventBatch> batches = new ArrayList<>();
        for (int i = 0; i < 12_001; i++) {
            long line = 2 + 2L * i; // a header, and a bad line between every two events
            EventBatch full = batcher.add(line, ("{\"id\":\"ev-" + i + "\"}").getBytes(StandardCharsets.UTF_8));
            if (full != null) {
                batches.add(full);
            }
        }
        batches.add(batcher.flush());
        assertThat(batcher.flush()).isNull();

        assertThat(batches).extracting(EventBatch::size).containsExactly(5000, 5000, 2001);
        assertThat(batches.get(1).line(0)).isEqualTo(2 + 2L * 5000);
        assertThat(batches.get(2).line(0)).isEqualTo(2 + 2L * 10_000);
        assertThat(batches.get(2).line(2000)).isEqualTo(2 + 2L * 12_000);
        JsonNode third = new ObjectMapper().readTree(batches.get(2).body());
        assertThat(third.size()).isEqualTo(2001);
        assertThat(third.get(3).get("id").asText()).isEqualTo("ev-10003");
        assertThat(batches.get(2).bytes()).isEqualTo(batches.get(2).body().length);

        EventBatch rest = batches.get(2).without(Set.of(0, 3));
        assertThat(rest.size()).isEqualTo(1999);
        assertThat(rest.line(2)).isEqualTo(2 + 2L * 10_004);
        assertThat(new ObjectMapper().readTree(rest.body()).get(2).get("id").asText())
                .isEqualTo("ev-10004");
    }

    @Test
    void aBatchIsClosedBeforeItOutgrowsTheByteLimit() {
        EventBatcher batcher = new EventBatcher(5000, 25);
        byte[] ten = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(batcher.add(1, ten)).isNull();
        assertThat(batcher.add(2, ten)).isNull(); // [ + 10 + , + 10 + ] = 23 bytes
        EventBatch full = batcher.add(3, ten);
        assertThat(full.size()).isEqualTo(2);
        assertThat(full.body()).hasSize(23);
        assertThat(batcher.flush().line(0)).isEqualTo(3);
    }

    @Test
    void anEventIsSentWithTheContractsFieldNamesAndWithoutAbsentOnes() throws Exception {
        String[] values = valid().values();
        values[ImportedEvent.FIELDS.indexOf("browser")] = null;
        values[ImportedEvent.FIELDS.indexOf("merchantId")] = "m \"quoted\" ü";
        JsonNode json = new ObjectMapper().readTree(ImportedEvent.of(1, values).toJson());

        assertThat(json.get("merchantId").asText()).isEqualTo("m \"quoted\" ü");
        assertThat(json.has("browser")).isFalse();
        assertThat(json.get("deviceType").asText()).isEqualTo("mobile");
        assertThat(json.size()).isEqualTo(10);
    }
}
