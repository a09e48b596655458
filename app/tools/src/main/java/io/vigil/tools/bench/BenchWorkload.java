package io.vigil.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the scoring benchmark asks Vigil to evaluate: analyst-defined features and active patterns.
 *
 * <p>The first four patterns read built-in features and fire on the generated traffic (card-testing bursts, device
 * farms, new device and country, amounts far above habit). Custom features {@code bench_0 … bench_<n-1>} cycle
 * through ten definitions over every entity, every aggregation, windows from an hour to a week, two of them with a
 * filter. Patterns beyond the first four are generated: each reads one custom feature (when there are any) and a
 * built-in one, with thresholds that ordinary traffic seldom reaches, so that they are evaluated on every decision
 * and add a few points of score now and then, as a large analyst-written set does.
 */
final class BenchWorkload {

    /** The four feature-reading patterns every run publishes. */
    static final List<Pattern> BASE_PATTERNS = List.of(
            new Pattern("bench-card-velocity", "Card velocity", "features.card.count_5m >= 5", "score+40"),
            new Pattern(
                    "bench-device-farm",
                    "Device shared by many cards",
                    "features.device.distinct_cards_24h >= 5",
                    "review"),
            new Pattern(
                    "bench-new-device-country",
                    "New device in a new country",
                    "features.customer.new_device && features.customer.new_country && tx.amount > 200.0",
                    "score+30"),
            new Pattern(
                    "bench-amount-habit",
                    "Amount far above habit",
                    "features.customer.count_24h >= 3 && features.customer.amount_zscore > 4.0",
                    "score+25"));

    /** Ten definitions over every entity and aggregation; {@code threshold} is where a pattern over it fires. */
    private static final List<Feature> TEMPLATES = List.of(
            new Feature("card", "count", null, "1h", "tx.amount < 5.0", "8"),
            new Feature("customer", "sum", null, "24h", null, "5000.0"),
            new Feature("customer", "avg", null, "7d", null, "900.0"),
            new Feature("device", "distinct", "cardFingerprint", "24h", null, "4"),
            new Feature("ip", "distinct", "customerId", "24h", null, "4"),
            new Feature("email", "count", null, "7d", null, "60"),
            new Feature("merchant", "sum", null, "1h", "tx.channel == \"web\"", "500000.0"),
            new Feature("card", "distinct", "merchantId", "24h", null, "6"),
            new Feature("customer", "distinct", "country", "7d", null, "3"),
            new Feature("ip", "count", null, "1h", null, "40"));

    private static final String[] BUILT_IN = {
        "features.card.count_1h >= 3",
        "features.customer.count_24h >= 2",
        "tx.amount > 300.0",
        "features.device.count_15m >= 2",
        "features.customer.new_device"
    };

    private BenchWorkload() {}

    /** A custom feature to define through {@code POST /api/v1/features}. */
    record Feature(String entity, String aggregation, String field, String window, String filter, String threshold) {

        String json(String name) {
            return "{\"name\":\"" + name + "\",\"entity\":\"" + entity + "\",\"aggregation\":\"" + aggregation + "\""
                    + (field == null ? "" : ",\"field\":\"" + field + "\"") + ",\"window\":\"" + window + "\""
                    + (filter == null ? "" : ",\"filter\":\"" + filter.replace("\"", "\\\"") + "\"")
                    + ",\"description\":\"defined by ./vigil bench scoring\"}";
        }
    }

    /** A pattern as the benchmark writes it into the pattern store. */
    record Pattern(String id, String name, String expression, String effect) {

        String json() {
            return "{\"type\":\"pattern\",\"name\":\"" + name + "\",\"expression\":\""
                    + expression.replace("\"", "\\\"") + "\",\"effect\":\"" + effect
                    + "\",\"mode\":\"active\",\"version\":1}";
        }
    }

    static String featureName(int i) {
        return "bench_" + i;
    }

    static Feature feature(int i) {
        return TEMPLATES.get(i % TEMPLATES.size());
    }

    /** The benchmark's active patterns: the four base ones, then generated ones up to {@code count}. */
    static List<Pattern> patterns(int count, int customFeatures) {
        List<Pattern> patterns = new ArrayList<>(BASE_PATTERNS.subList(0, Math.min(count, BASE_PATTERNS.size())));
        for (int j = BASE_PATTERNS.size(); j < count; j++) {
            String builtIn = BUILT_IN[j % BUILT_IN.length];
            String expression;
            if (customFeatures > 0) {
                int k = j % customFeatures;
                expression = "features.custom." + featureName(k) + " >= "
                        + feature(k).threshold() + " && " + builtIn;
            } else {
                expression = "features.card.count_24h >= " + (10 + j) + " && " + builtIn;
            }
            patterns.add(new Pattern(
                    generatedId(j),
                    String.format(Locale.ROOT, "Generated pattern %d", j),
                    expression,
                    "score+" + (5 + j % 10)));
        }
        return patterns;
    }

    static String generatedId(int j) {
        return "bench-gen-" + j;
    }
}
