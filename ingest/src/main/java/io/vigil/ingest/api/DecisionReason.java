package io.vigil.ingest.api;

import java.util.Map;

/**
 * One pattern that matched, with its effect as written in the pattern ({@code score+20}, {@code review},
 * {@code decline}) and the feature values it read when it matched ({@code features.card.count_5m -> 4}).
 */
public record DecisionReason(String patternId, String name, String effect, Map<String, Object> features) {

    public DecisionReason {
        features = features == null ? Map.of() : Map.copyOf(features);
    }

    public DecisionReason(String patternId, String name, String effect) {
        this(patternId, name, effect, Map.of());
    }
}
