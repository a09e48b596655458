package io.vigil.analytics.notify;

import java.time.Duration;

/** How one delivery attempt went: 2xx is success; {@code status} is -1 when no HTTP answer came. */
public record DeliveryResult(boolean success, int status, String error, Duration duration) {}
