package io.vigil.tools.simulator;

import java.time.Instant;

/**
 * An operational event for {@code POST /api/v1/events/batch}: one step of a checkout (session, authorization, order)
 * and whether it worked. {@code errorCode} is set only on failures.
 */
public record EventItem(
        String id,
        Instant timestamp,
        String merchantId,
        String operation,
        String outcome,
        String errorCode,
        String country,
        String paymentMethod,
        String channel,
        String browser,
        String deviceType)
        implements SimulationItem {

    public static final String SESSION = "session";
    public static final String AUTHORIZATION = "authorization";
    public static final String ORDER = "order";
    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    @Override
    public Kind kind() {
        return Kind.EVENT;
    }

    public boolean succeeded() {
        return SUCCESS.equals(outcome);
    }

    @Override
    public String toJson() {
        return ItemJson.event(this);
    }
}
