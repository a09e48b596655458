package io.vigil.patterns.api;

import java.util.List;

/** The analyst-defined features as one scoring node holds them. */
public record FeatureStates(List<State> features) {

    public FeatureStates {
        features = List.copyOf(features);
    }

    /**
     * A feature's status as the API and the console show it: {@code archived}, {@code pending} (the node has not
     * received it yet: no state), {@code backfilling} or {@code ready}.
     */
    public static String status(boolean archived, State state) {
        if (archived) {
            return "archived";
        }
        return state == null ? "pending" : state.ready() ? "ready" : "backfilling";
    }

    /**
     * One feature on this node.
     *
     * @param ready true once its backfill from the event store is complete: only then do patterns read it
     * @param progress share of the backfill's time range read, 0 to 1
     * @param backfilled transactions counted by the backfill
     * @param entities entities the feature holds a state for
     * @param bytesPerEntity memory of one entity's state, estimated from its layout (key and map entry included)
     */
    public record State(
            String name, boolean ready, double progress, long backfilled, long entities, long bytesPerEntity) {}
}
