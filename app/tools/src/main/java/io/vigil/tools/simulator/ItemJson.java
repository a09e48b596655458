package io.vigil.tools.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes items as request bodies. Fields come in one fixed order and absent fields are left out, so that the same item
 * is always the same bytes: the stream's SHA-256 depends on it.
 */
final class ItemJson {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ItemJson() {}

    static String transaction(TransactionItem t) {
        return write(g -> {
            field(g, "id", t.id());
            field(g, "timestamp", t.timestamp().toString());
            g.writeFieldName("amount");
            g.writeNumber(t.amount());
            field(g, "currency", t.currency());
            field(g, "merchantId", t.merchantId());
            field(g, "customerId", t.customerId());
            field(g, "cardFingerprint", t.cardFingerprint());
            field(g, "cardBin", t.cardBin());
            field(g, "deviceId", t.deviceId());
            field(g, "ip", t.ip());
            field(g, "email", t.email());
            field(g, "country", t.country());
            field(g, "paymentMethod", t.paymentMethod());
            field(g, "channel", t.channel());
            field(g, "browser", t.browser());
            field(g, "deviceType", t.deviceType());
            if (t.attributes() != null && !t.attributes().isEmpty()) {
                g.writeObjectFieldStart("attributes");
                for (Map.Entry<String, String> e : new TreeMap<>(t.attributes()).entrySet()) {
                    field(g, e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
        });
    }

    static String event(EventItem e) {
        return write(g -> {
            field(g, "id", e.id());
            field(g, "timestamp", e.timestamp().toString());
            field(g, "merchantId", e.merchantId());
            field(g, "operation", e.operation());
            field(g, "outcome", e.outcome());
            field(g, "errorCode", e.errorCode());
            field(g, "country", e.country());
            field(g, "paymentMethod", e.paymentMethod());
            field(g, "channel", e.channel());
            field(g, "browser", e.browser());
            field(g, "deviceType", e.deviceType());
        });
    }

    static String outcome(OutcomeItem o) {
        return write(g -> {
            field(g, "outcome", o.outcome());
            field(g, "timestamp", o.timestamp().toString());
            field(g, "note", o.note());
        });
    }

    /** The body of {@code POST /api/v1/events/batch}: the events' own bodies in a JSON array. */
    static String batch(Iterable<String> eventBodies) {
        StringBuilder b = new StringBuilder(256 * 1024).append('[');
        for (String body : eventBodies) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(body);
        }
        return b.append(']').toString();
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
