package io.vigil.scoring.features;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Every feature the pattern language offers, as {@code features.<entity>.<name>} with its CEL type. Patterns are
 * type-checked against this list, so a misspelt feature is a compile error, not a silent false.
 *
 * <ul>
 *   <li>every entity ({@link EntityKind}): {@code count_1m, count_5m, count_15m, count_1h, count_24h} (int) and
 *       {@code amount_1m ... amount_24h} (double, in the transactions' own currency units)
 *   <li>customer: {@code new_device, new_country} (bool), {@code home_country} (string, the first country seen),
 *       {@code distinct_countries_24h} (int), {@code amount_ratio} (amount / the customer's mean amount) and
 *       {@code amount_zscore} (double)
 *   <li>device: {@code distinct_cards_24h, distinct_customers_24h} (int)
 *   <li>linked entities over 30 days ({@link EntityLinks}), as {@code features.graph.<from>_<to>s} and
 *       {@code features.graph.<from>_fraud_<to>s} (int) for every two of customer, card, device, ip and email
 *       ({@code features.graph.device_fraud_cards}: cards used with this device that a fraud label marked), and
 *       {@code features.graph.entities_2hop}, {@code features.graph.fraud_entities_2hop} (int)
 * </ul>
 *
 * All values describe the entity as it was before the transaction being decided.
 */
public final class FeatureSchema {

    static final int[] WINDOWS = {1, 5, 15, 60, 1440};
    static final String[] WINDOW_NAMES = {"1m", "5m", "15m", "1h", "24h"};

    /** Computes one feature from the entity's state (null when the transaction names no such entity). */
    interface Feature {
        Object value(EntityState state, FeatureSnapshot snapshot);
    }

    record Declared(EntityKind kind, CelType type, Feature feature) {}

    private static final String GRAPH = "features.graph.";

    private static final Map<String, Declared> FEATURES = declare();

    private FeatureSchema() {}

    /** Qualified name ({@code features.card.count_5m}) to its CEL type. */
    public static Map<String, CelType> types() {
        Map<String, CelType> types = new LinkedHashMap<>();
        FEATURES.forEach((name, d) -> types.put(name, d.type()));
        return types;
    }

    static Declared lookup(String qualifiedName) {
        return FEATURES.get(qualifiedName);
    }

    private static Map<String, Declared> declare() {
        Map<String, Declared> f = new LinkedHashMap<>();
        for (EntityKind kind : EntityKind.values()) {
            for (int i = 0; i < WINDOWS.length; i++) {
                int window = WINDOWS[i];
                put(
                        f,
                        kind,
                        "count_" + WINDOW_NAMES[i],
                        SimpleType.INT,
                        (s, snap) -> s == null ? 0L : (long) s.count(window, snap.minute()));
                put(
                        f,
                        kind,
                        "amount_" + WINDOW_NAMES[i],
                        SimpleType.DOUBLE,
                        // sums are kept in single precision: shown to the cent, exact to about 7 significant digits
                        (s, snap) -> s == null ? 0.0 : Math.round(s.sum(window, snap.minute()) * 100) / 100.0);
            }
        }
        EntityKind c = EntityKind.CUSTOMER;
        put(
                f,
                c,
                "new_device",
                SimpleType.BOOL,
                (s, snap) -> s == null
                        ? snap.transaction().deviceId() != null
                        : snap.customer().newDevice());
        put(
                f,
                c,
                "new_country",
                SimpleType.BOOL,
                (s, snap) -> s == null
                        ? snap.transaction().country() != null
                        : snap.customer().newCountry());
        put(
                f,
                c,
                "home_country",
                SimpleType.STRING,
                (s, snap) -> s == null ? "" : snap.customer().homeCountry());
        put(
                f,
                c,
                "distinct_countries_24h",
                SimpleType.INT,
                (s, snap) -> s == null ? 0L : (long) snap.customer().distinctCountries24h());
        put(
                f,
                c,
                "amount_ratio",
                SimpleType.DOUBLE,
                (s, snap) -> s == null ? 1.0 : snap.customer().amountRatio());
        put(
                f,
                c,
                "amount_zscore",
                SimpleType.DOUBLE,
                (s, snap) -> s == null ? 0.0 : snap.customer().amountZscore());
        EntityKind d = EntityKind.DEVICE;
        put(
                f,
                d,
                "distinct_cards_24h",
                SimpleType.INT,
                (s, snap) -> s == null ? 0L : (long) s.distinctCards(snap.minute()));
        put(
                f,
                d,
                "distinct_customers_24h",
                SimpleType.INT,
                (s, snap) -> s == null ? 0L : (long) s.distinctCustomers(snap.minute()));
        for (EntityKind from : EntityLinks.KINDS) {
            for (EntityKind to : EntityLinks.KINDS) {
                if (from != to) {
                    graph(
                            f,
                            from,
                            from.label() + "_" + to.label() + "s",
                            snap -> snap.graph().linked(from, to));
                    graph(
                            f,
                            from,
                            from.label() + "_fraud_" + to.label() + "s",
                            snap -> snap.graph().linkedFraud(from, to));
                }
            }
        }
        graph(f, d, "entities_2hop", snap -> snap.graph().twoHop());
        graph(f, d, "fraud_entities_2hop", snap -> snap.graph().twoHopFraud());
        return Collections.unmodifiableMap(f);
    }

    /** The qualified names of the linked-entity features, {@code features.graph.*}. */
    public static boolean isGraph(String qualifiedName) {
        return qualifiedName.startsWith(GRAPH);
    }

    private static void graph(
            Map<String, Declared> f, EntityKind kind, String name, ToIntFunction<FeatureSnapshot> count) {
        f.put(GRAPH + name, new Declared(kind, SimpleType.INT, (s, snap) -> (long) count.applyAsInt(snap)));
    }

    private static void put(Map<String, Declared> f, EntityKind kind, String name, CelType type, Feature feature) {
        f.put("features." + kind.label() + "." + name, new Declared(kind, type, feature));
    }
}
