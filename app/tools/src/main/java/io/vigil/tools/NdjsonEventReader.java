package io.vigil.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * NDJSON (JSON Lines): one event object per line, with the contract's field names. Fields that are not event fields
 * are ignored, as Vigil ignores them. Every event field is a JSON string in the contract: a number, boolean, object or
 * array there is an error of the line, as Vigil answers it with a 400 (a number or boolean is kept as its text, so
 * that the line's other rules are checked on what the file says).
 */
final class NdjsonEventReader implements EventReader {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String ARRAY_HINT = "the import reads one event object per line (NDJSON), not a JSON array;"
            + " convert the file with jq -c '.[]'";

    private final BufferedReader in;
    private long line;

    NdjsonEventReader(BufferedReader in) {
        this.in = in;
    }

    @Override
    public SourceLine next() throws IOException {
        for (String text = in.readLine(); text != null; text = in.readLine()) {
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (!text.isBlank()) {
                return parse(line, text);
            }
        }
        return null;
    }

    /** One line of NDJSON as an event line. */
    static SourceLine parse(long line, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            if (line == 1 && text.strip().startsWith("[")) {
                return SourceLine.unreadable(line, ARRAY_HINT);
            }
            return SourceLine.unreadable(line, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node.isArray()) {
            return SourceLine.unreadable(line, ARRAY_HINT);
        }
        if (!node.isObject()) {
            return SourceLine.unreadable(line, "must be a JSON object, one event per line");
        }
        String[] values = new String[ImportedEvent.FIELDS.size()];
        List<Problem> problems = new ArrayList<>(0);
        for (int i = 0; i < values.length; i++) {
            String field = ImportedEvent.FIELDS.get(i);
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isValueNode()) {
                values[i] = value.asText();
            }
            if (!value.isTextual()) {
                problems.add(new Problem(field, "has the wrong type, expected a string"));
            }
        }
        return new SourceLine(line, ImportedEvent.of(line, values), problems);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
