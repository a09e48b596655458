package io.vigil.analytics.api;

import java.util.List;
import java.util.Map;

/**
 * A monitor as its author writes it, through the REST API or the console, before the defaults are filled in. Every
 * component but the name, metric and operation may be {@code null} (left out); {@link #withDefaults()} fills them in,
 * so the API and the console give a monitor the same defaults from this one place:
 *
 * <ul>
 *   <li>direction: {@link Direction#DROP drop} for rates (conversion, funnel), {@link Direction#BOTH both} for counts;
 *   <li>sensitivity: {@link Sensitivity#MEDIUM medium};
 *   <li>minimum volume: 0, the detector's default;
 *   <li>no description, no {@code toOperation} (a blank one counts as left out), no dimensions, no filter, no
 *       maintenance windows.
 * </ul>
 *
 * The draft does not validate: {@link MonitorDefinition#problems()} does, on the definition it gives.
 */
public record MonitorDraft(
        String name,
        String description,
        MetricKind metric,
        String operation,
        String toOperation,
        List<Dimension> dimensions,
        Map<Dimension, String> filter,
        Direction direction,
        Sensitivity sensitivity,
        Long minVolume,
        List<MaintenanceWindow> maintenanceWindows) {

    /** The sensitivity of a monitor that does not choose one. */
    public static final Sensitivity DEFAULT_SENSITIVITY = Sensitivity.MEDIUM;

    /** The minimum volume of a monitor that does not choose one: 0, which uses the detector's default. */
    public static final long DEFAULT_MIN_VOLUME = 0;

    /**
     * The direction of a monitor that does not choose one: a count matters both ways (traffic lost or a flood of
     * declines), a rate when it drops. A missing metric counts as a rate; the definition then reports it missing.
     */
    public static Direction defaultDirection(MetricKind metric) {
        return metric == MetricKind.COUNT ? Direction.BOTH : Direction.DROP;
    }

    /** A draft with only what a monitor needs; everything else takes its default. */
    public static MonitorDraft of(String name, MetricKind metric, String operation) {
        return new MonitorDraft(name, null, metric, operation, null, null, null, null, null, null, null);
    }

    /** The definition this draft describes, with the defaults for whatever it leaves out. */
    public MonitorDefinition withDefaults() {
        return new MonitorDefinition(
                name,
                description,
                metric,
                operation,
                toOperation == null || toOperation.isBlank() ? null : toOperation,
                dimensions,
                filter,
                direction != null ? direction : defaultDirection(metric),
                sensitivity != null ? sensitivity : DEFAULT_SENSITIVITY,
                minVolume != null ? minVolume : DEFAULT_MIN_VOLUME,
                maintenanceWindows);
    }
}
