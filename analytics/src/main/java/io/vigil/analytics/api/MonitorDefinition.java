package io.vigil.analytics.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a monitor watches: one metric over every combination of its dimensions' values that has traffic.
 *
 * @param dimensions the series are split by these, in order; the first is the parent (usually the merchant): when a
 *     whole parent is anomalous it alerts once on the parent instead of once per child
 * @param filter fixed dimension values the monitor is limited to (e.g. {@code merchant = m-42}); may be empty
 * @param minVolume attempts a reference minute needs before it is compared with (0 = the detector's default), so
 *     small partners do not page anyone on noise
 * @param maintenanceWindows recurring windows (a partner's weekly maintenance, say) in which this monitor's alerts
 *     open silenced
 */
public record MonitorDefinition(
        String name,
        String description,
        MetricKind metric,
        String operation,
        String toOperation,
        List<Dimension> dimensions,
        Map<Dimension, String> filter,
        Direction direction,
        Sensitivity sensitivity,
        long minVolume,
        List<MaintenanceWindow> maintenanceWindows) {

    /**
     * What a monitor can count: the operational events clients send ({@code session}, {@code authorization} (each
     * decision counts as one too), {@code order}) and the risk models' verdicts ({@code model}, {@code model_shadow}:
     * success when the model's score alone would approve).
     */
    public static final Set<String> OPERATIONS = Set.of("session", "authorization", "order", "model", "model_shadow");

    /** A definition without maintenance windows. */
    public MonitorDefinition(
            String name,
            String description,
            MetricKind metric,
            String operation,
            String toOperation,
            List<Dimension> dimensions,
            Map<Dimension, String> filter,
            Direction direction,
            Sensitivity sensitivity,
            long minVolume) {
        this(
                name,
                description,
                metric,
                operation,
                toOperation,
                dimensions,
                filter,
                direction,
                sensitivity,
                minVolume,
                List.of());
    }

    public MonitorDefinition {
        maintenanceWindows = maintenanceWindows == null ? List.of() : List.copyOf(maintenanceWindows);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        filter = filter == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(filter));
        description = description == null ? "" : description;
    }

    /** Every broken rule, as readable sentences; empty when the definition is valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("name is required");
        } else {
            addIfAny(problems, MonitoringRules.textProblem("name", name, MonitoringRules.MAX_NAME, false));
        }
        addIfAny(
                problems,
                MonitoringRules.textProblem("description", description, MonitoringRules.MAX_DESCRIPTION, true));
        if (metric == null) {
            problems.add("metric is required (count, conversion or funnel)");
        }
        if (operation == null || !OPERATIONS.contains(operation)) {
            problems.add("operation must be one of session, authorization, order, model, model_shadow");
        }
        if (metric == MetricKind.FUNNEL) {
            if (toOperation == null || !OPERATIONS.contains(toOperation)) {
                problems.add("a funnel needs toOperation, one of session, authorization, order, model, model_shadow");
            } else if (toOperation.equals(operation)) {
                problems.add("a funnel goes from one operation to another");
            }
        } else if (toOperation != null && !toOperation.isBlank()) {
            problems.add("toOperation is only for funnel metrics");
        }
        if (new HashSet<>(dimensions).size() != dimensions.size()) {
            problems.add("dimensions must not repeat");
        }
        if (dimensions.size() > 4) {
            problems.add("at most 4 dimensions");
        }
        filter.forEach((d, value) -> {
            if (dimensions.contains(d)) {
                problems.add("dimension " + d.wireName() + " cannot be both split by and filtered on");
            }
            addIfAny(
                    problems,
                    MonitoringRules.textProblem(
                            "filter." + d.wireName(), value, MonitoringRules.MAX_DIMENSION_VALUE, false));
        });
        if (direction == null) {
            problems.add("direction is required (drop, spike or both)");
        }
        if (sensitivity == null) {
            problems.add("sensitivity is required (low, medium or high)");
        }
        if (minVolume < 0) {
            problems.add("minVolume must not be negative");
        } else if (minVolume > MonitoringRules.MAX_MIN_VOLUME) {
            problems.add("minVolume must be at most " + MonitoringRules.MAX_MIN_VOLUME);
        }
        if (maintenanceWindows.size() > 20) {
            problems.add("at most 20 maintenance windows");
        }
        for (int i = 0; i < maintenanceWindows.size(); i++) {
            addIfAny(
                    problems,
                    MonitoringRules.textProblem(
                            "maintenanceWindows[" + i + "].label",
                            maintenanceWindows.get(i).label(),
                            MonitoringRules.MAX_WINDOW_LABEL,
                            false));
        }
        return problems;
    }

    private static void addIfAny(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }

    /** True for rates (successes over attempts), false for counts. */
    public boolean isRate() {
        return metric != MetricKind.COUNT;
    }

    /** A label for charts and messages, e.g. "authorization conversion". */
    public String metricLabel() {
        return switch (metric) {
            case COUNT -> operation + " count";
            case CONVERSION -> operation + " success rate";
            case FUNNEL -> operation + " → " + toOperation + " rate";
        };
    }
}
