package io.vigil.tools;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The command-line options of a benchmark tool: {@code --name=value} or {@code --name value}, each name one the
 * tool knows. An unknown name or a value that is not a number where one is expected stops the tool with a message
 * that says which option and what it expected, instead of a run with the option silently ignored.
 */
final class BenchOptions {

    /** A mistake on the command line; the message is for the user. */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values;

    private BenchOptions(Map<String, String> values) {
        this.values = values;
    }

    /** Parses the arguments against the names the tool knows. */
    static BenchOptions parse(String[] args, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("options are --name=value or --name value; not understood: " + arg);
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (!known.contains(name)) {
                throw new UsageException(
                        "unknown option --" + name + "; known: --" + String.join(", --", new TreeSet<>(known)));
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < list.size() && !list.get(i + 1).startsWith("--")) {
                value = list.get(++i);
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
            values.put(name, value);
        }
        return new BenchOptions(values);
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    /** A comma-separated list of whole numbers. */
    List<Integer> integers(String name, String fallback) {
        String value = values.getOrDefault(name, fallback);
        try {
            return java.util.Arrays.stream(value.split(","))
                    .map(String::strip)
                    .map(Integer::parseInt)
                    .toList();
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be whole numbers separated by commas, not '" + value + "'");
        }
    }
}
