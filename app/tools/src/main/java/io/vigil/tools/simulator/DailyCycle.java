package io.vigil.tools.simulator;

/**
 * How busy shopping is over a day in local time, relative to the evening peak: nearly quiet from two to five in the
 * morning, rising through the day, highest around eight in the evening. The shape follows the usual e-commerce curve;
 * exact figures matter less than that night and day are clearly apart, which monitors and charts rely on.
 */
final class DailyCycle {

    /** Relative volume in the middle of each local hour, 00-01 to 23-24. */
    private static final double[] HOURLY = {
        0.25, 0.14, 0.08, 0.05, 0.05, 0.08, 0.18, 0.32, 0.45, 0.55, 0.62, 0.68,
        0.75, 0.72, 0.70, 0.70, 0.74, 0.80, 0.88, 0.96, 1.00, 0.92, 0.70, 0.45
    };

    private DailyCycle() {}

    /** The relative volume at an instant, for a place with the given offset from UTC. */
    static double at(long epochMillis, int utcOffsetHours) {
        double hour = Math.floorMod(epochMillis + utcOffsetHours * 3_600_000L, 86_400_000L) / 3_600_000.0;
        // linear between the middles of two hours
        double position = hour - 0.5;
        int lower = (int) StrictMath.floor(position);
        double fraction = position - lower;
        double a = HOURLY[Math.floorMod(lower, 24)];
        double b = HOURLY[Math.floorMod(lower + 1, 24)];
        return a + (b - a) * fraction;
    }
}
