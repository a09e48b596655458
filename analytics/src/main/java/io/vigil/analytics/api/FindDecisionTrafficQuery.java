package io.vigil.analytics.api;

/**
 * The decisions of the last {@code minutes} minutes (1 to 180), minute by minute, and the patterns that matched most
 * in them: answered with {@link DecisionTraffic}, what the console's overview draws.
 */
public record FindDecisionTrafficQuery(int minutes) {

    public static final int MAX_MINUTES = 180;

    public FindDecisionTrafficQuery {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("minutes must be from 1 to " + MAX_MINUTES + ", not " + minutes);
        }
    }
}
