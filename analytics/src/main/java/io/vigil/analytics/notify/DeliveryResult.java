package io.vigil.analytics.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How one attempt to deliver a notification went, in terms an operator can act on: kept with the delivery so that
 * the console can show why an alert did not arrive ("HTTP 404: no_service", "could not connect to hooks.example.com").
 *
 * @param success whether the receiver answered with a 2xx status
 * @param status the HTTP status, or -1 when no response came (connection refused, timeout)
 * @param error what went wrong, readable; null on success
 * @param duration how long the attempt took, from sending to the answer or the failure
 */
public record DeliveryResult(boolean success, int status, String error, Duration duration) {

    public DeliveryResult {
        Objects.requireNonNull(duration, "duration");
        if (success == (error != null)) {
            throw new IllegalArgumentException("a delivery has an error exactly when it fails");
        }
    }

    static DeliveryResult delivered(int status, Duration duration) {
        return new DeliveryResult(true, status, null, duration);
    }

    static DeliveryResult failed(int status, String error, Duration duration) {
        return new DeliveryResult(false, status, error, duration);
    }
}
