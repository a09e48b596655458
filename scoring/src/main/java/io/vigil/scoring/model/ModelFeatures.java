package io.vigil.scoring.model;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import io.vigil.ingest.api.Channel;
import io.vigil.ingest.api.PaymentMethod;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.scoring.features.EntityKind;
import io.vigil.scoring.features.FeatureSchema;
import io.vigil.scoring.features.FeatureSnapshot;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numeric features a risk model may use, in a stable order (new features are only ever added at the end of a
 * group, never renamed). Every value describes the transaction and its entities as they were before it; a value that
 * cannot be known is {@link Float#NaN}, which XGBoost treats as missing.
 *
 * <ul>
 *   <li>{@code tx.amount}, {@code tx.log_amount} (ln(1 + amount)), {@code tx.hour_utc} (0..23), {@code tx.weekday}
 *       (1 Monday .. 7 Sunday, UTC), {@code tx.cross_border} (1 when the country differs from the customer's home
 *       country, 0 when the same, missing when either is unknown), {@code tx.has_device}, {@code tx.has_email},
 *       {@code tx.has_ip} (0/1);
 *   <li>one-hot {@code tx.channel.<channel>} ({@code web, app, in_store, other}) and {@code tx.method.<method>}
 *       ({@code card, pay_later, installments, bank_transfer, wallet, other}): 1 for the transaction's, else 0;
 *   <li>every numeric or boolean built-in feature of the pattern language ({@code features.card.count_5m}, ...,
 *       booleans as 0/1), as {@link FeatureSchema} computes it, except the linked-entity ones
 *       ({@code features.graph.*}): a training replay holds neither 30 days of links nor the labels as they were
 *       known at each transaction, so a model would be trained on other values than it is scored on;
 *   <li>long windows for customer, card and merchant ({@link EntityHistory}): {@code long.<entity>.count_7d},
 *       {@code count_30d}, {@code amount_7d}, {@code amount_30d} and {@code amount_ratio_30d} (amount / the mean
 *       amount of the last 30 days, missing when there was none);
 *   <li>label risk for merchant, card, device, customer, IP and e-mail: {@code labels.<entity>.fraud_7d} and
 *       {@code fraud_28d} (transactions of the entity labelled fraud, counted from the day each label was reported)
 *       and {@code fraud_share_7d}, {@code fraud_share_28d} (those counts over the entity's transactions in the same
 *       days, at most 1).
 * </ul>
 *
 * A feature of an entity the transaction does not name (no device, say) is missing, except the built-in features,
 * which read as the pattern language reads them (0 counts).
 */
public final class ModelFeatures {

    /** Computes one feature. */
    interface Column {
        float value(TransactionDetails tx, FeatureSnapshot snapshot, EntityHistory history);
    }

    private static final Map<String, Column> COLUMNS = declare();
    private static final List<String> NAMES = List.copyOf(COLUMNS.keySet());

    private ModelFeatures() {}

    /** Every model feature, in the stable order. */
    public static List<String> names() {
        return NAMES;
    }

    /** Whether a model may use a feature of this name. */
    public static boolean known(String name) {
        return COLUMNS.containsKey(name);
    }

    static Column column(String name) {
        Column column = COLUMNS.get(name);
        if (column == null) {
            throw new IllegalArgumentException("no model feature " + name);
        }
        return column;
    }

    private static Map<String, Column> declare() {
        Map<String, Column> c = new LinkedHashMap<>();
        c.put(
                "tx.amount",
                (tx, s, h) -> tx.amount() == null ? Float.NaN : tx.amount().floatValue());
        c.put(
                "tx.log_amount",
                (tx, s, h) -> tx.amount() == null
                        ? Float.NaN
                        : (float) Math.log1p(Math.max(0, tx.amount().doubleValue())));
        c.put("tx.hour_utc", (tx, s, h) -> Math.floorMod(tx.timestamp().getEpochSecond(), 86_400L) / 3_600);
        // 1970-01-01 was a Thursday (4)
        c.put(
                "tx.weekday",
                (tx, s, h) -> Math.floorMod(Math.floorDiv(tx.timestamp().getEpochSecond(), 86_400L) + 3, 7) + 1);
        c.put("tx.cross_border", (tx, s, h) -> {
            Object home = s.value("features.customer.home_country");
            if (tx.country() == null || !(home instanceof String h2) || h2.isEmpty()) {
                return Float.NaN;
            }
            return tx.country().equals(h2) ? 0f : 1f;
        });
        c.put("tx.has_device", (tx, s, h) -> tx.deviceId() == null ? 0f : 1f);
        c.put("tx.has_email", (tx, s, h) -> tx.email() == null ? 0f : 1f);
        c.put("tx.has_ip", (tx, s, h) -> tx.ip() == null ? 0f : 1f);
        for (Channel channel : Channel.values()) {
            String wire = channel.wireName();
            c.put("tx.channel." + wire, (tx, s, h) -> wire.equals(tx.channel()) ? 1f : 0f);
        }
        for (PaymentMethod method : PaymentMethod.values()) {
            String wire = method.wireName();
            c.put("tx.method." + wire, (tx, s, h) -> wire.equals(tx.paymentMethod()) ? 1f : 0f);
        }
        FeatureSchema.types().forEach((name, type) -> {
            if (numeric(type) && !FeatureSchema.isGraph(name)) {
                c.put(name, (tx, s, h) -> number(s.value(name)));
            }
        });
        for (EntityKind kind : EntityKind.values()) {
            if (EntityHistory.keepsAmounts(kind)) {
                String p = "long." + kind.label() + ".";
                c.put(p + "count_7d", entity(kind, (tx, d, day) -> d == null ? 0 : d.count(7, day)));
                c.put(p + "count_30d", entity(kind, (tx, d, day) -> d == null ? 0 : d.count(30, day)));
                c.put(p + "amount_7d", entity(kind, (tx, d, day) -> d == null ? 0 : (float) d.sum(7, day)));
                c.put(p + "amount_30d", entity(kind, (tx, d, day) -> d == null ? 0 : (float) d.sum(30, day)));
                c.put(p + "amount_ratio_30d", entity(kind, (tx, d, day) -> {
                    int n = d == null ? 0 : d.count(30, day);
                    double sum = n == 0 ? 0 : d.sum(30, day);
                    return n == 0 || sum <= 0 || tx.amount() == null
                            ? Float.NaN
                            : (float) (tx.amount().doubleValue() / (sum / n));
                }));
            }
        }
        for (EntityKind kind : EntityKind.values()) {
            String p = "labels." + kind.label() + ".";
            c.put(p + "fraud_7d", entity(kind, (tx, d, day) -> d == null ? 0 : d.frauds(7, day)));
            c.put(p + "fraud_share_7d", entity(kind, (tx, d, day) -> share(d, 7, day)));
            c.put(p + "fraud_28d", entity(kind, (tx, d, day) -> d == null ? 0 : d.frauds(28, day)));
            c.put(p + "fraud_share_28d", entity(kind, (tx, d, day) -> share(d, 28, day)));
        }
        return Collections.unmodifiableMap(c);
    }

    private static boolean numeric(CelType type) {
        return type == SimpleType.INT || type == SimpleType.DOUBLE || type == SimpleType.BOOL;
    }

    private static float number(Object value) {
        if (value instanceof Number n) {
            return n.floatValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1f : 0f;
        }
        return Float.NaN;
    }

    private static float share(EntityHistory.Daily d, int days, int day) {
        if (d == null) {
            return 0;
        }
        int frauds = d.frauds(days, day);
        int count = d.count(days, day);
        return frauds == 0 ? 0 : count == 0 ? 1 : Math.min(1f, (float) frauds / count);
    }

    /** A feature of one entity's history at the transaction's day. */
    private interface EntityValue {
        float value(TransactionDetails tx, EntityHistory.Daily state, int day);
    }

    private static Column entity(EntityKind kind, EntityValue value) {
        return (tx, s, h) -> {
            String key = kind.keyOf(tx);
            return key == null ? Float.NaN : value.value(tx, h.state(kind, key), h.dayOf(tx.timestamp()));
        };
    }
}
