package io.vigil.analytics.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An alert as a plain JSON document for any HTTP receiver (an incident tool, a chat bridge, a script), documented in
 * {@code docs/notifications.md}.
 *
 * <p>The shape is a contract with code we do not see, so it is versioned: {@code "kind": "vigil.alert"} and {@code
 * "version": 1} come first, fields are only ever added within a version, and a change that would break a receiver gets
 * a new version. Times are ISO-8601 in UTC, values are raw numbers (a rate as 0.973, not "97.3%"), and a number a
 * monitor did not compute is {@code null}. {@code summary} is a sentence for people; its wording may change.
 */
public final class GenericWebhookMessage {

    public static final String KIND = "vigil.alert";
    public static final int VERSION = 1;

    /** The top-level fields of version 1, in the order they are written. */
    public static final List<String> FIELDS = List.of(
            "kind",
            "version",
            "alertId",
            "state",
            "monitorId",
            "monitorName",
            "metric",
            "unit",
            "dimensions",
            "minute",
            "value",
            "expected",
            "reference",
            "pValue",
            "score",
            "detailUrl",
            "chartUrl",
            "summary");

    private static final ObjectMapper JSON = new ObjectMapper();

    private GenericWebhookMessage() {}

    /** The document as the JSON body of a POST. */
    public static String json(AlertNotice notice) {
        ObjectNode document = JSON.createObjectNode();
        document.put("kind", KIND);
        document.put("version", VERSION);
        document.put("alertId", notice.alertId());
        document.put("state", notice.state().wireName());
        document.put("monitorId", notice.monitorId());
        document.put("monitorName", notice.monitorName());
        document.put("metric", notice.metric());
        document.put("unit", notice.unit().wireName());
        ObjectNode dimensions = document.putObject("dimensions");
        notice.dimensions().forEach(dimensions::put);
        document.put("minute", notice.minute().toString());
        putNumber(document, "value", notice.value());
        putNumber(document, "expected", notice.expected());
        document.put("reference", notice.reference().wireName());
        putNumber(document, "pValue", notice.pValue());
        putNumber(document, "score", notice.score());
        document.put(
                "detailUrl",
                notice.detailUrl() == null ? null : notice.detailUrl().toString());
        document.put(
                "chartUrl", notice.chartUrl() == null ? null : notice.chartUrl().toString());
        document.put("summary", HumanFormat.summary(notice));
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /**
     * The notice back from a version-1 document, for Vigil's own receivers and tests. Unknown fields are ignored, as
     * a receiver of a newer document of the same version should.
     *
     * @throws IllegalArgumentException when the text is not a version-1 {@code vigil.alert} document
     */
    public static AlertNotice read(String json) {
        JsonNode document;
        try {
            document = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (document == null
                || !KIND.equals(document.path("kind").asText())
                || document.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException("not a version " + VERSION + " " + KIND + " document");
        }
        try {
            Map<String, String> dimensions = new LinkedHashMap<>();
            document.path("dimensions")
                    .properties()
                    .forEach(dimension -> dimensions.put(
                            dimension.getKey(), dimension.getValue().asText()));
            return new AlertNotice(
                    text(document, "alertId"),
                    text(document, "monitorId"),
                    text(document, "monitorName"),
                    AlertNotice.State.ofWireName(text(document, "state")),
                    dimensions,
                    text(document, "metric"),
                    AlertNotice.Unit.ofWireName(text(document, "unit")),
                    number(document, "value"),
                    number(document, "expected"),
                    AlertNotice.Reference.ofWireName(text(document, "reference")),
                    number(document, "pValue"),
                    number(document, "score"),
                    Instant.parse(text(document, "minute")),
                    uri(document, "detailUrl"),
                    uri(document, "chartUrl"));
        } catch (NullPointerException | DateTimeParseException e) {
            throw new IllegalArgumentException("incomplete " + KIND + " document: " + e.getMessage(), e);
        }
    }

    /** JSON has no NaN: a number that was not computed is written as null. */
    private static void putNumber(ObjectNode document, String name, double value) {
        if (Double.isFinite(value)) {
            document.put(name, value);
        } else {
            document.putNull(name);
        }
    }

    private static String text(JsonNode document, String name) {
        JsonNode node = document.get(name);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static double number(JsonNode document, String name) {
        JsonNode node = document.get(name);
        return node == null || !node.isNumber() ? Double.NaN : node.asDouble();
    }

    private static URI uri(JsonNode document, String name) {
        String text = text(document, name);
        return text == null ? null : URI.create(text);
    }
}
