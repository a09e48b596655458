package io.vigil.access.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps secrets out of the audit trail: in a JSON tree, the value of every field whose name contains {@code password},
 * {@code secret}, {@code hash} or {@code token} (whatever the case, at any depth) becomes {@code "[redacted]"}.
 */
final class Redaction {

    static final String REDACTED = "[redacted]";

    private static final List<String> SECRET_WORDS = List.of("password", "secret", "hash", "token");

    private Redaction() {}

    /** Whether a field of this name holds a secret. */
    static boolean secret(String fieldName) {
        String name = fieldName.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(name::contains);
    }

    /** Redacts the tree in place and answers it. */
    static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (secret(field.getKey())) {
                    field.setValue(TextNode.valueOf(REDACTED));
                } else {
                    redact(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(Redaction::redact);
        }
        return node;
    }
}
