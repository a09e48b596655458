package io.vigil.tools;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vigil.ingest.api.ApiRules;
import io.vigil.ingest.api.EventFields;
import io.vigil.tools.EventReader.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * One operational event read from an import file, with the public contract's field names, and the line of the file
 * it starts on. Values are kept as the text the file holds: the import checks them, it does not convert them, so Vigil
 * receives exactly what the file says.
 */
record ImportedEvent(
        long line,
        String id,
        String timestamp,
        String merchantId,
        String operation,
        String outcome,
        String errorCode,
        String country,
        String paymentMethod,
        String channel,
        String browser,
        String deviceType)
        implements EventFields {

    /** The contract's field names, in the order of this record's components. */
    static final List<String> FIELDS = List.of(
            "id",
            "timestamp",
            "merchantId",
            "operation",
            "outcome",
            "errorCode",
            "country",
            "paymentMethod",
            "channel",
            "browser",
            "deviceType");

    /** The fields every event must have; a CSV file without one of these columns cannot hold a valid line. */
    static final List<String> REQUIRED = List.of("id", "timestamp", "merchantId", "operation", "outcome");

    private static final JsonFactory JSON = new JsonFactory();

    /** An event from values in {@link #FIELDS} order; a null value is an absent field. */
    static ImportedEvent of(long line, String[] values) {
        if (values.length != FIELDS.size()) {
            throw new IllegalArgumentException("expected " + FIELDS.size() + " values, got " + values.length);
        }
        return new ImportedEvent(
                line,
                values[0],
                values[1],
                values[2],
                values[3],
                values[4],
                values[5],
                values[6],
                values[7],
                values[8],
                values[9],
                values[10]);
    }

    /**
     * Every rule of Vigil's {@code POST /api/v1/events/batch} the event breaks, in field order, with Vigil's own
     * messages; empty when Vigil will accept it. Checked before sending so that one bad line costs a message instead
     * of a rejected batch of thousands. Should Vigil ever be stricter, its {@code 400} is mapped back to the file's
     * lines all the same.
     */
    List<Problem> check(Instant now) {
        return ApiRules.event(this, now).stream()
                .map(v -> new Problem(v.field(), v.message()))
                .toList();
    }

    /** The values in {@link #FIELDS} order. */
    String[] values() {
        return new String[] {
            id,
            timestamp,
            merchantId,
            operation,
            outcome,
            errorCode,
            country,
            paymentMethod,
            channel,
            browser,
            deviceType
        };
    }

    /** The event as the JSON object {@code POST /api/v1/events/batch} takes, UTF-8, absent fields left out. */
    byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            String[] values = values();
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    json.writeStringField(FIELDS.get(i), values[i]);
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }
}
