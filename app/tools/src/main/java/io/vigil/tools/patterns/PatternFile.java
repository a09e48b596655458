package io.vigil.tools.patterns;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The published set as code, as {@code patterns export} writes it and {@code patterns import} reads it:
 * {@code {"features": [...], "lists": [...], "patterns": [{"id", "name", "description", "expression", "effect",
 * "mode"}]}}. Features and lists are optional (a file of patterns alone is a valid file). Keys are written in a fixed
 * order, features sorted by name, lists by list and kind, their values and patterns by id, so that the file diffs well
 * in git.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"features", "lists", "patterns"})
record PatternFile(List<Feature> features, List<ValueList> lists, List<Entry> patterns) {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    PatternFile {
        features = features == null ? List.of() : List.copyOf(features);
        lists = lists == null ? List.of() : List.copyOf(lists);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
    }

    PatternFile(List<Entry> patterns) {
        this(List.of(), List.of(), patterns);
    }

    /** An analyst-defined feature, as {@code POST /api/v1/features} takes it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "entity", "aggregation", "field", "window", "filter", "description"})
    record Feature(
            String name,
            String entity,
            String aggregation,
            String field,
            String window,
            String filter,
            String description) {}

    /** The entries of one allow or block list of one kind. */
    @JsonPropertyOrder({"list", "kind", "entries"})
    record ValueList(String list, String kind, List<ListValue> entries) {

        ValueList {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    /** One listed value, with its expiry (ISO-8601, or none) and reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"value", "expiresAt", "reason"})
    record ListValue(String value, String expiresAt, String reason) {}

    /**
     * One pattern.
     *
     * @param mode {@code active}, {@code shadow} or {@code off}: the mode it is published in
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String id, String name, String description, String expression, String effect, String mode) {

        /** Whether a published version says the same (the mode is not the pattern's content: it is set on publish). */
        boolean sameContent(String name, String description, String expression, String effect) {
            return this.name.equals(name)
                    && (this.description == null ? "" : this.description).equals(description == null ? "" : description)
                    && this.expression.equals(expression)
                    && this.effect.equals(effect);
        }
    }

    /** Reads a file, or says what is wrong with it: a missing field, a duplicate id, a mode that is none of three. */
    static PatternFile read(Path file) throws IOException {
        PatternFile read = JSON.readValue(Files.readAllBytes(file), PatternFile.class);
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < read.patterns().size(); i++) {
            Entry e = read.patterns().get(i);
            String where = "pattern " + (i + 1) + (e.id() == null ? "" : " (" + e.id() + ")");
            if (e.id() == null || e.id().isBlank()) {
                problems.add(where + " has no id");
            } else if (!ids.add(e.id())) {
                problems.add(where + " repeats an id");
            }
            if (e.name() == null || e.expression() == null || e.effect() == null) {
                problems.add(where + " needs name, expression and effect");
            }
            if (e.mode() != null && !List.of("active", "shadow", "off").contains(e.mode())) {
                problems.add(where + " has mode '" + e.mode() + "', not active, shadow or off");
            }
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < read.features().size(); i++) {
            Feature f = read.features().get(i);
            String where = "feature " + (i + 1) + (f.name() == null ? "" : " (" + f.name() + ")");
            if (f.name() == null || f.entity() == null || f.aggregation() == null || f.window() == null) {
                problems.add(where + " needs name, entity, aggregation and window");
            } else if (!names.add(f.name())) {
                problems.add(where + " repeats a name");
            }
        }
        for (int i = 0; i < read.lists().size(); i++) {
            ValueList l = read.lists().get(i);
            if (l.list() == null || l.kind() == null) {
                problems.add("list " + (i + 1) + " needs list (allow or block) and kind");
            } else if (l.entries().stream()
                    .anyMatch(e -> e.value() == null || e.value().isBlank())) {
                problems.add("list " + l.list() + "/" + l.kind() + " has an entry without a value");
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(String.join("; ", problems));
        }
        return read;
    }

    String write() throws IOException {
        return JSON.writeValueAsString(this) + "\n";
    }
}
