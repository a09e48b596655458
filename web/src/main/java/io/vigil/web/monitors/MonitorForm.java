package io.vigil.web.monitors;

import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.MetricKind;
import io.vigil.analytics.api.MonitorDraft;
import io.vigil.analytics.api.Sensitivity;
import java.util.List;

/**
 * The new-monitor form as the page posts it, with the metric, dimension, direction and sensitivity names as the
 * options' values. Blank fields are left out of the draft, so they take the defaults the REST API gives too.
 */
record MonitorForm(
        String name,
        String metric,
        String operation,
        String toOperation,
        List<String> dimensions,
        String sensitivity,
        String direction,
        Long minVolume) {

    /**
     * The monitor this form describes.
     *
     * @throws IllegalArgumentException naming the valid values, for the first unknown metric, dimension, direction
     *     or sensitivity
     */
    MonitorDraft draft() {
        MetricKind kind = MetricKind.fromWire(metric);
        List<Dimension> dims = dimensions == null
                ? List.of()
                : dimensions.stream().map(Dimension::fromWire).toList();
        return new MonitorDraft(
                name,
                null,
                kind,
                operation,
                toOperation,
                dims,
                null,
                isBlank(direction) ? null : Direction.fromWire(direction),
                isBlank(sensitivity) ? null : Sensitivity.fromWire(sensitivity),
                minVolume,
                null);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
