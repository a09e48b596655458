package io.vigil.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark's figures in the order they were measured, printed for people and written as JSON for the report, and
 * the time-stamped progress lines every benchmark prints while it runs.
 */
final class BenchResults {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final PrintStream out;

    BenchResults(PrintStream out) {
        this.out = out;
    }

    /** Records a figure; a number that is not finite is written as null. */
    void put(String key, Object value) {
        figures.put(key, value instanceof Double d && (d.isNaN() || d.isInfinite()) ? null : value);
    }

    /** A line of progress, after the time of day. */
    void progress(String format, Object... args) {
        out.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] "
                + String.format(Locale.ROOT, format, args));
    }

    /** Prints the figures (lists and maps only in the file) and writes them all to {@code file} as JSON. */
    void write(String title, Path file) throws IOException {
        out.println();
        out.println(title);
        figures.forEach((key, value) -> {
            if (!(value instanceof List) && !(value instanceof Map)) {
                out.printf(Locale.ROOT, "  %-36s %s%n", key, value);
            }
        });
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, JSON.writeValueAsString(figures) + "\n");
        out.println("  written to " + file);
    }

    /** Two decimals are all a figure needs. */
    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
