package io.vigil.patterns.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An analyst-defined feature, read in patterns as {@code features.custom.<name>}: over the transactions of one entity
 * (the transaction's customer, card, device, IP, e-mail or merchant) in a window of up to 30 days, the count, the
 * amount sum or mean, or the number of distinct values of a field, of those transactions the optional filter (an
 * expression over {@code tx.*} alone) accepts. Like the built-in features it describes the entity as it was before
 * the transaction being decided.
 *
 * @param name lower-case letters, digits and underscores, starting with a letter, at most 40 characters
 * @param entity {@code customer}, {@code card}, {@code device}, {@code ip}, {@code email} or {@code merchant}
 * @param aggregation what is computed
 * @param field for {@code distinct} only: the transaction field whose distinct values are counted ({@link #FIELDS})
 * @param windowMinutes the window, from 1 minute to 30 days (43,200 minutes)
 * @param filter a boolean expression over {@code tx.*}, or null or blank to count every transaction
 */
public record FeatureDefinition(
        String name, String entity, FeatureAggregation aggregation, String field, int windowMinutes, String filter) {

    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    public static final Set<String> ENTITIES = Set.of("customer", "card", "device", "ip", "email", "merchant");
    /** The fields a {@code distinct} feature can count. */
    public static final Set<String> FIELDS = Set.of(
            "customerId",
            "cardFingerprint",
            "cardBin",
            "deviceId",
            "ip",
            "email",
            "country",
            "merchantId",
            "paymentMethod",
            "channel",
            "currency");

    public static final int MAX_WINDOW_MINUTES = 30 * 24 * 60;
    public static final int MAX_FILTER_LENGTH = 1_000;

    public FeatureDefinition {
        filter = filter == null || filter.isBlank() ? null : filter.strip();
        field = field == null || field.isBlank() ? null : field.strip();
    }

    /**
     * A definition from what a person typed (the aggregation by name, the window as {@code 90m}, {@code 12h},
     * {@code 7d} or minutes), or a {@link PatternInvalidException} naming every problem.
     */
    public static FeatureDefinition of(
            String name, String entity, String aggregation, String field, String window, String filter) {
        int minutes = parseWindow(window);
        FeatureDefinition definition = new FeatureDefinition(
                name == null ? null : name.strip(),
                entity == null ? null : entity.strip(),
                FeatureAggregation.parse(aggregation),
                field,
                minutes,
                filter);
        List<String> problems = new ArrayList<>(definition.problems());
        if (minutes < 0) {
            problems.removeIf(p -> p.startsWith("window"));
            problems.add("window must be written like 90m, 12h or 7d (from 1 minute to 30 days)");
        }
        if (!problems.isEmpty()) {
            throw new PatternInvalidException(problems);
        }
        return definition;
    }

    /** {@code features.custom.<name>}. */
    public String qualifiedName() {
        return "features.custom." + name;
    }

    /** What is wrong with this definition, each a readable message naming its field; empty when nothing is. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add("name must be lower-case letters, digits and underscores, start with a letter and be at"
                    + " most 40 characters (it is read as features.custom.<name>)");
        }
        if (entity == null || !ENTITIES.contains(entity)) {
            problems.add("entity must be one of customer, card, device, ip, email, merchant");
        }
        if (aggregation == null) {
            problems.add("aggregation must be one of count, sum, avg, distinct");
        } else if (aggregation == FeatureAggregation.DISTINCT) {
            if (field == null || !FIELDS.contains(field)) {
                problems.add("field must name what distinct counts, one of "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        } else if (field != null) {
            problems.add("field is only for distinct (count, sum and avg are over the transactions' amounts)");
        }
        if (windowMinutes < 1 || windowMinutes > MAX_WINDOW_MINUTES) {
            problems.add("window must be from 1 minute to 30 days");
        }
        if (filter != null && filter.length() > MAX_FILTER_LENGTH) {
            problems.add("filter must be at most " + MAX_FILTER_LENGTH + " characters");
        }
        return problems;
    }

    /**
     * A window written {@code 90m}, {@code 12h} or {@code 7d} (or a bare number of minutes) in minutes; -1 when it is
     * not one.
     */
    public static int parseWindow(String window) {
        if (window == null || window.isBlank()) {
            return -1;
        }
        String w = window.strip().toLowerCase(java.util.Locale.ROOT);
        int unit = switch (w.charAt(w.length() - 1)) {
            case 'm' -> 1;
            case 'h' -> 60;
            case 'd' -> 1440;
            default -> 0;
        };
        String digits = unit == 0 ? w : w.substring(0, w.length() - 1);
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        long minutes = Long.parseLong(digits) * (unit == 0 ? 1 : unit);
        return minutes > Integer.MAX_VALUE ? -1 : (int) minutes;
    }

    /** The window as written back: {@code 7d}, {@code 12h} or {@code 90m}. */
    public static String formatWindow(int minutes) {
        if (minutes % 1440 == 0) {
            return minutes / 1440 + "d";
        }
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }
}
