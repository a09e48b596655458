package io.vigil.analytics.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Rows in ClickHouse's TabSeparated input format: values separated by tabs, rows ended by a newline, and in strings
 * the backslash escapes of that format. Numbers are written in plain decimal notation, which every server version
 * parses; a row holds only strings, numbers and lists of strings for {@code Array(String)} columns (dates are already
 * formatted as {@code yyyy-MM-dd HH:mm:ss}).
 */
final class TabSeparated {

    private TabSeparated() {}

    static byte[] encode(List<Object[]> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 160);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append('\t');
                }
                append(out, row[i]);
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder out, Object value) {
        if (value instanceof String text) {
            escape(out, text);
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new IllegalArgumentException("not a finite number: " + d);
            }
            out.append(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
        } else if (value instanceof Float f) {
            append(out, f.doubleValue());
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else if (value instanceof Number) {
            out.append(value);
        } else if (value instanceof Boolean b) {
            out.append(b ? '1' : '0');
        } else if (value instanceof List<?> list) {
            // an Array(String): quoted items, with the quote and backslash escaped inside them as well
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "'" : ",'");
                escape(out, String.valueOf(list.get(i)));
                out.append('\'');
            }
            out.append(']');
        } else if (value == null) {
            throw new IllegalArgumentException("a null value: the analytics columns are not nullable");
        } else {
            escape(out, value.toString());
        }
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\0' -> out.append("\\0");
                case '\'' -> out.append("\\'");
                default -> out.append(c);
            }
        }
    }
}
