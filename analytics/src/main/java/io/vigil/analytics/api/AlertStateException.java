package io.vigil.analytics.api;

/** An operator's command does not fit the alert's current state, e.g. acknowledging an incident twice. */
public class AlertStateException extends RuntimeException {

    public AlertStateException(String alertId, String problem) {
        super("alert " + alertId + " " + problem);
    }
}
