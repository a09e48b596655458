package io.vigil.scoring.features;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.patterns.api.FeatureDefinition;
import io.vigil.patterns.api.FeatureStates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The analyst-defined features this node holds ({@code features.custom.<name>}), beside the built-in ones of the same
 * {@link InMemoryFeatureStore}: counted with every recorded transaction, read by patterns once backfilled. The set of
 * features follows the pattern set; a feature whose definition is new is registered and must be backfilled
 * ({@link CustomFeatureBackfill}) before patterns read it.
 */
public final class CustomFeatures {

    private static final String PREFIX = "features.custom.";

    private final Clock clock;
    private volatile Map<String, AnalystFeature> features = Map.of();
    private volatile AnalystFeature[] all = new AnalystFeature[0];

    CustomFeatures(Clock clock) {
        this.clock = clock;
    }

    /**
     * Makes the given definitions the features held: new ones are registered (counting live from now on, not ready),
     * ones no longer defined are forgotten, ones unchanged keep their state. Returns the newly registered ones, which
     * the caller backfills.
     *
     * @param filters compiles a feature's filter (null for none) into a predicate over the transaction
     */
    public synchronized List<Registered> define(
            List<FeatureDefinition> definitions, Function<String, Predicate<TransactionDetails>> filters) {
        Map<String, AnalystFeature> next = new LinkedHashMap<>();
        List<Registered> added = new ArrayList<>();
        for (FeatureDefinition definition : definitions) {
            AnalystFeature known = features.get(definition.name());
            if (known != null && known.definition().equals(definition)) {
                next.put(definition.name(), known);
                continue;
            }
            Predicate<TransactionDetails> filter =
                    definition.filter() == null ? null : filters.apply(definition.filter());
            AnalystFeature feature = new AnalystFeature(definition, filter, clock.instant());
            next.put(definition.name(), feature);
            added.add(new Registered(feature));
        }
        for (AnalystFeature old : features.values()) {
            if (next.get(old.name()) != old) {
                old.remove();
            }
        }
        features = Map.copyOf(next);
        all = next.values().toArray(new AnalystFeature[0]);
        return added;
    }

    /**
     * Defines the features as ready at once, with nothing to backfill: for a replay (a backtest) that feeds the
     * history through this store itself, from before its range.
     */
    public synchronized void defineReplayed(
            List<FeatureDefinition> definitions, Function<String, Predicate<TransactionDetails>> filters) {
        for (Registered r : define(definitions, filters)) {
            r.feature.ready(Long.MIN_VALUE / 2);
        }
    }

    /** A feature just registered, to be backfilled; opaque outside this package. */
    public static final class Registered {
        final AnalystFeature feature;

        Registered(AnalystFeature feature) {
            this.feature = feature;
        }

        public String name() {
            return feature.name();
        }
    }

    /** The definitions held, ready or not. */
    public List<FeatureDefinition> definitions() {
        return features.values().stream().map(AnalystFeature::definition).toList();
    }

    /** True when every named feature ({@code features.custom.<name>} or the bare name) is held and backfilled. */
    public boolean ready(List<String> names) {
        Map<String, AnalystFeature> f = features;
        for (String name : names) {
            AnalystFeature feature = f.get(name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name);
            if (feature == null || !feature.ready()) {
                return false;
            }
        }
        return true;
    }

    void record(TransactionDetails tx, int minute) {
        AnalystFeature[] features = all;
        if (features.length == 0) {
            return;
        }
        long now = clock.millis();
        for (AnalystFeature feature : features) {
            feature.recordLive(tx, minute, now);
        }
    }

    /** The value of {@code features.custom.<name>}, or null when no such feature is held. */
    Object value(String qualifiedName, TransactionDetails tx, int minute) {
        AnalystFeature feature = features.get(qualifiedName.substring(PREFIX.length()));
        return feature == null ? null : feature.value(tx, minute);
    }

    static boolean isCustom(String qualifiedName) {
        return qualifiedName.startsWith(PREFIX);
    }

    int expireIdle(int watermarkMinute) {
        int removed = 0;
        for (AnalystFeature feature : all) {
            removed += feature.expireIdle(watermarkMinute);
        }
        return removed;
    }

    /** Each feature's backfill progress, entities and memory per entity on this node. */
    public FeatureStates states() {
        List<FeatureStates.State> states = new ArrayList<>();
        for (AnalystFeature f : all) {
            states.add(new FeatureStates.State(
                    f.name(), f.ready(), f.progress(), f.backfilled(), f.entities(), f.bytesPerEntity()));
        }
        return new FeatureStates(states);
    }
}
