package io.vigil.analytics.api;

import io.vigil.analytics.detect.SeriesDetector;

/**
 * A monitor's detector, as other modules and the offline tools may use it: it judges one closing minute of a series
 * against the minute before, the same minute yesterday and the same minute last week, exactly as a live monitor does.
 * Instances are immutable and thread-safe.
 */
public interface MinuteDetector {

    /**
     * Judges the minute that just closed. Pass {@link Sample#NONE} for a reference minute without data, and
     * {@code Sample.count(0)} for a current minute without events.
     */
    Verdict evaluate(Sample current, Sample previous, Sample yesterday, Sample lastWeek);

    /** The detector a monitor of this kind, direction and sensitivity uses; {@code minVolume} null for the default. */
    static MinuteDetector of(SampleKind kind, Direction direction, Sensitivity sensitivity, Long minVolume) {
        return minVolume == null
                ? new SeriesDetector(kind, direction, sensitivity)
                : new SeriesDetector(kind, direction, sensitivity, minVolume);
    }
}
