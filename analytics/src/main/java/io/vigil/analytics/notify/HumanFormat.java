package io.vigil.analytics.notify;

import io.vigil.analytics.notify.AlertNotice.Unit;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers as a person on call reads them: rates in percent, counts whole with thousands separators, changes signed.
 * Always in one locale ({@link Locale#ROOT}: {@code 12,345.6}), because one message goes to a whole team.
 */
final class HumanFormat {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private HumanFormat() {}

    /** {@code 97.3%} for a rate of 0.973, {@code 12,345} for a count, {@code 1,234.5} for a number; "n/a" for NaN. */
    static String value(double value, Unit unit) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        return switch (unit) {
            case RATE -> percent(value * 100);
            case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(value));
            case NUMBER -> new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
        };
    }

    /**
     * One decimal, or two near 0 % and 100 %, where success and error rates live and a tenth of a percent hides the
     * difference between 99.95 % and 99.99 %.
     */
    private static String percent(double percent) {
        if (percent == 0 || percent == 100) {
            return String.format(Locale.ROOT, "%.0f%%", percent);
        }
        int decimals = percent > 99 || percent < 1 ? 2 : 1;
        return String.format(Locale.ROOT, "%." + decimals + "f%%", percent);
    }

    /**
     * How far the value is from the expected one, relative to the expected one: {@code -6.5%}. For rates the
     * difference in percentage points follows, since "-6.5%" of a success rate is easily misread as points: {@code
     * -6.5% (-6.3 pp)}. Null when there is nothing to compare with (expected is NaN or zero).
     */
    static String change(double value, double expected, Unit unit) {
        if (!Double.isFinite(value) || !Double.isFinite(expected) || expected == 0) {
            return null;
        }
        String relative = signed((value - expected) / Math.abs(expected) * 100, 1) + "%";
        if (unit != Unit.RATE) {
            return relative;
        }
        double points = (value - expected) * 100;
        return relative + " (" + signed(points, Math.abs(points) < 1 ? 2 : 1) + " pp)";
    }

    private static String signed(double number, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", number);
        if (text.matches("-?0\\.?0*")) {
            return text.replace("-", "");
        }
        return number > 0 ? "+" + text : text;
    }

    /** {@code 0.031}, or {@code 3.2e-05} below a thousandth; "n/a" for NaN. */
    static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return "n/a";
        }
        return p >= 0.001 || p == 0 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.1e", p);
    }

    /** {@code 7.4}; "n/a" for NaN. */
    static String score(double score) {
        return Double.isFinite(score) ? String.format(Locale.ROOT, "%.1f", score) : "n/a";
    }

    /**
     * The alert in one sentence, for places that show only text: Slack's notification fallback and the generic
     * webhook's {@code summary}.
     */
    static String summary(AlertNotice notice) {
        StringBuilder text = new StringBuilder();
        boolean firing = notice.state() == AlertNotice.State.FIRING;
        text.append(firing ? "Firing: " : "Resolved: ")
                .append(notice.metric())
                .append(" for ")
                .append(notice.series())
                .append(firing ? " was " : " is back to normal: ")
                .append(value(notice.value(), notice.unit()))
                .append(" at ")
                .append(minute(notice.minute()));
        if (Double.isFinite(notice.expected())) {
            text.append("; expected ")
                    .append(value(notice.expected(), notice.unit()))
                    .append(" from ")
                    .append(notice.reference().phrase());
            String change = change(notice.value(), notice.expected(), notice.unit());
            if (firing && change != null) {
                text.append(", a change of ").append(change);
            }
        }
        return text.append(". Monitor: ")
                .append(notice.monitorName())
                .append('.')
                .toString();
    }

    /** {@code 2025-03-04 14:07 UTC}. */
    static String minute(Instant minute) {
        return MINUTE.format(minute);
    }
}
