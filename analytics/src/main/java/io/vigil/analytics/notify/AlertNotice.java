package io.vigil.analytics.notify;

import java.time.Instant;
import java.util.Map;

/**
 * Everything a notification says about an alert, whatever its format.
 *
 * @param state firing or resolved
 * @param value the minute's value (a rate 0..1 or a count); NaN when unknown (a manual resolution)
 */
public record AlertNotice(
        String alertId,
        String monitorId,
        String monitorName,
        String state,
        Map<String, String> series,
        String metricLabel,
        double value,
        double expected,
        String reference,
        double pValue,
        double score,
        Instant minute,
        String detailUrl,
        String chartUrl) {

    /** "merchant=m-42, country=SE", or "all traffic". */
    public String seriesLabel() {
        if (series.isEmpty()) {
            return "all traffic";
        }
        StringBuilder label = new StringBuilder();
        series.forEach((k, v) -> label.append(label.length() == 0 ? "" : ", ")
                .append(k)
                .append('=')
                .append(v));
        return label.toString();
    }

    /** True when the metric is a rate (0..1), so it is shown as a percentage. */
    public boolean isRate() {
        return metricLabel.endsWith("rate");
    }

    /** A value formatted for people: a percentage for rates, a whole number for counts, "n/a" when unknown. */
    public String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return isRate() ? String.format(java.util.Locale.ROOT, "%.1f%%", v * 100) : String.format("%,.0f", v);
    }
}
