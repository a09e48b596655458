package io.vigil.analytics.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A dimension monitors can split a metric by, with its name in the API and in the rollup table. */
public enum Dimension {
    MERCHANT("merchant", "merchant_id"),
    COUNTRY("country", "country"),
    PAYMENT_METHOD("paymentMethod", "payment_method"),
    CHANNEL("channel", "channel"),
    BROWSER("browser", "browser"),
    DEVICE_TYPE("deviceType", "device_type");

    private final String wireName;
    private final String column;

    Dimension(String wireName, String column) {
        this.wireName = wireName;
        this.column = column;
    }

    public String wireName() {
        return wireName;
    }

    public String column() {
        return column;
    }

    public static Dimension fromWire(String name) {
        for (Dimension d : values()) {
            if (d.wireName.equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("dimension '" + name + "' is unknown; use one of "
                + Arrays.stream(values()).map(Dimension::wireName).collect(Collectors.joining(", ")));
    }
}
