package io.vigil.tools.patterns;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * The patterns as code: {@code {"patterns": [{"id", "name", "description", "expression", "effect", "mode"}]}}, the
 * published set as {@code patterns export} writes it and {@code patterns import} reads it. Keys are written in a fixed
 * order and patterns sorted by id, so that the file diffs well in git.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PatternFile(List<Entry> patterns) {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    PatternFile {
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
    }

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
        if (!problems.isEmpty()) {
            throw new IOException(String.join("; ", problems));
        }
        return read;
    }

    String write() throws IOException {
        return JSON.writeValueAsString(this) + "\n";
    }
}
