package io.vigil.analytics.notify;

import io.vigil.analytics.notify.AlertNotice.Reference;
import io.vigil.analytics.notify.AlertNotice.State;
import io.vigil.analytics.notify.AlertNotice.Unit;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Alerts as the tests need them. */
final class Notices {

    static final URI DETAIL =
            URI.create("https://vigil.example.com/monitors/auth-rate/alerts/a-7?minute=2025-03-04T14:07:00Z");
    static final URI CHART = URI.create("https://vigil.example.com/alerts/a-7/chart.png");

    private Notices() {}

    /** Merchant m-42's success rate in Sweden fell from 97.5 % to 91.2 %. */
    static AlertNotice firingRate() {
        return rate(State.FIRING, dimensions("merchant", "m-42", "country", "SE"));
    }

    static AlertNotice rate(State state, Map<String, String> dimensions) {
        return new AlertNotice(
                "a-7",
                "auth-rate",
                "Card authorization success",
                state,
                dimensions,
                "Authorization success rate",
                Unit.RATE,
                0.912,
                0.975,
                Reference.YESTERDAY,
                0.000032,
                7.43,
                Instant.parse("2025-03-04T14:07:00Z"),
                DETAIL,
                CHART);
    }

    static AlertNotice count(double value, double expected) {
        return new AlertNotice(
                "a-8",
                "tx-volume",
                "Transactions per minute",
                State.FIRING,
                dimensions("merchant", "m-42"),
                "Transactions",
                Unit.COUNT,
                value,
                expected,
                Reference.LAST_WEEK,
                Double.NaN,
                Double.NaN,
                Instant.parse("2025-03-04T14:07:00Z"),
                DETAIL,
                null);
    }

    static Map<String, String> dimensions(String... namesAndValues) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            dimensions.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return dimensions;
    }
}
