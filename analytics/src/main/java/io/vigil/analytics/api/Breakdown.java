package io.vigil.analytics.api;

import java.util.List;

/** The answer to {@link FindBreakdownQuery}. */
public record Breakdown(String dimension, boolean percent, List<Row> rows) {

    /** One value of the dimension: the metric and volume now and yesterday (NaN when there was no traffic). */
    public record Row(String value, double now, long volumeNow, double yesterday, long volumeYesterday) {

        public boolean hasNow() {
            return !Double.isNaN(now);
        }

        public boolean hasYesterday() {
            return !Double.isNaN(yesterday);
        }

        public double change() {
            return Double.isNaN(now) || Double.isNaN(yesterday) ? 0 : now - yesterday;
        }
    }
}
