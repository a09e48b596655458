package io.vigil.ingest.api;

/**
 * One operational event of {@code POST /api/v1/events} as the client sent it, before any rule is checked: the
 * contract's field names, {@code null} for an absent field. {@link ApiRules#event} checks it.
 */
public interface EventFields {

    String id();

    String timestamp();

    String merchantId();

    String operation();

    String outcome();

    String errorCode();

    String country();

    String paymentMethod();

    String channel();

    String browser();

    String deviceType();
}
