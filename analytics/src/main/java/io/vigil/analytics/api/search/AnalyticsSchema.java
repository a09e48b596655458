package io.vigil.analytics.api.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The statements of Vigil's ClickHouse schema ({@code /clickhouse/schema.sql}), for one database: what Vigil runs at
 * start and what the search benchmark takes its tables from, so both always have the same tables.
 */
public final class AnalyticsSchema {

    private AnalyticsSchema() {}

    /** Every statement, comments removed, with {@code ${database}} replaced. */
    public static List<String> statements(String database) {
        try (InputStream in = AnalyticsSchema.class.getResourceAsStream("/clickhouse/schema.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("(?m)^\\s*--.*$", "")
                    .replace("${database}", database);
            return Arrays.stream(sql.split(";"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the ClickHouse schema", e);
        }
    }
}
