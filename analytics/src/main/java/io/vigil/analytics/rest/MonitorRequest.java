package io.vigil.analytics.rest;

import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.MaintenanceWindow;
import io.vigil.analytics.api.MetricKind;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.MonitorDraft;
import io.vigil.analytics.api.MonitorRejectedException;
import io.vigil.analytics.api.Sensitivity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A monitor as the API writes it, with the dimension, metric, direction and sensitivity names in lower
 * case ({@code "dimensions": ["merchant", "country"]}). What it leaves out takes the defaults of {@link MonitorDraft},
 * the same as in the console.
 */
record MonitorRequest(
        String id,
        String name,
        String description,
        String metric,
        String operation,
        String toOperation,
        List<String> dimensions,
        Map<String, String> filter,
        String direction,
        String sensitivity,
        Long minVolume,
        List<MaintenanceWindow> maintenanceWindows) {

    MonitorDefinition toDefinition() {
        List<String> problems = new ArrayList<>();
        MetricKind kind = parse(problems, () -> MetricKind.fromWire(orDefault(metric, "")));
        List<Dimension> dims = new ArrayList<>();
        for (String d : dimensions == null ? List.<String>of() : dimensions) {
            Dimension parsed = parse(problems, () -> Dimension.fromWire(d));
            if (parsed != null) {
                dims.add(parsed);
            }
        }
        Map<Dimension, String> fixed = new LinkedHashMap<>();
        if (filter != null) {
            filter.forEach((k, v) -> {
                Dimension parsed = parse(problems, () -> Dimension.fromWire(k));
                if (parsed != null && v != null && !v.isBlank()) {
                    fixed.put(parsed, v);
                }
            });
        }
        Direction dir = isBlank(direction) ? null : parse(problems, () -> enumValue(Direction.class, direction));
        Sensitivity sens =
                isBlank(sensitivity) ? null : parse(problems, () -> enumValue(Sensitivity.class, sensitivity));
        MonitorDefinition definition = new MonitorDraft(
                        name,
                        description,
                        kind,
                        operation,
                        toOperation,
                        dims,
                        fixed,
                        dir,
                        sens,
                        minVolume,
                        maintenanceWindows)
                .withDefaults();
        if (!problems.isEmpty()) {
            problems.addAll(definition.problems().stream()
                    .filter(p -> !p.startsWith("metric") && !p.startsWith("direction") && !p.startsWith("sensitivity"))
                    .toList());
            throw new MonitorRejectedException(problems);
        }
        return definition;
    }

    private static <T> T parse(List<String> problems, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException(type.getSimpleName().toLowerCase(Locale.ROOT) + " '" + value
                    + "' is unknown; use one of " + String.join(", ", names));
        }
    }

    private static String orDefault(String value, String fallback) {
        return isBlank(value) ? fallback : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
