package io.vigil.analytics.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The y axis of a chart: a range that starts and ends on round numbers, and ticks at a round step (1, 2, 2.5 or 5
 * times a power of ten), so that a reader can interpolate without arithmetic. Works in display units: a rate of
 * 0.973 arrives here as 97.3.
 */
record AxisScale(double low, double high, double step, boolean percent) {

    private static final double[] NICE = {1, 2, 2.5, 5, 10};

    /**
     * A scale that holds every value from {@code min} to {@code max} with at most about {@code ticks} intervals.
     * Percentages stay within 0–100 and non-negative data never gets a negative axis; a flat series gets some room
     * around it rather than a zero-height range.
     */
    static AxisScale covering(double min, double max, int ticks, boolean percent) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            return new AxisScale(0, percent ? 100 : 1, percent ? 20 : 0.2, percent);
        }
        double floor = min >= 0 ? 0 : Double.NEGATIVE_INFINITY;
        double ceiling = percent && max <= 100 ? 100 : Double.POSITIVE_INFINITY;
        if (max - min < 1e-9 * Math.max(1, Math.abs(max))) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.05;
            min = Math.max(floor, min - pad);
            max = Math.min(ceiling, max + pad);
        }
        double step = niceStep((max - min) / Math.max(1, ticks));
        double low = Math.max(floor, Math.floor(min / step + 1e-9) * step);
        double high = Math.min(ceiling, Math.ceil(max / step - 1e-9) * step);
        if (high <= low) {
            high = low + step;
        }
        return new AxisScale(low, high, step, percent);
    }

    static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double nice : NICE) {
            if (nice * magnitude >= rough * (1 - 1e-9)) {
                return nice * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** The tick values from {@link #low} to {@link #high}, both included. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long count = Math.round((high - low) / step);
        for (long i = 0; i <= count; i++) {
            double tick = low + i * step;
            ticks.add(Math.abs(tick) < step * 1e-9 ? 0.0 : tick); // no "-0.0" label
        }
        return ticks;
    }

    /** Where {@code value} falls between {@link #low} (0) and {@link #high} (1). */
    double fraction(double value) {
        return (value - low) / (high - low);
    }

    /** A tick label: {@code 97.5%}, {@code 12,500}, {@code 1.5M}, with as many decimals as the step needs. */
    String label(double value) {
        if (percent) {
            return String.format(Locale.ROOT, "%." + decimals(step) + "f%%", value);
        }
        double largest = Math.max(Math.abs(low), Math.abs(high));
        if (largest >= 1e6) {
            return String.format(Locale.ROOT, "%." + decimals(step / 1e6) + "fM", value / 1e6);
        }
        if (largest >= 1e4) {
            return String.format(Locale.ROOT, "%." + decimals(step / 1e3) + "fk", value / 1e3);
        }
        return String.format(Locale.ROOT, "%,." + decimals(step) + "f", value);
    }

    /** The fewest decimals that write every multiple of {@code step} exactly. */
    static int decimals(double step) {
        for (int d = 0; d < 10; d++) {
            double scaled = step * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                return d;
            }
        }
        return 10;
    }
}
