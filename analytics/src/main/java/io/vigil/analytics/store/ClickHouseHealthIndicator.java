package io.vigil.analytics.store;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Reports the analytics store as {@code clickHouse} in {@code /actuator/health}. */
@Component
class ClickHouseHealthIndicator extends AbstractHealthIndicator {

    private final ClickHouse clickHouse;

    ClickHouseHealthIndicator(ClickHouse clickHouse) {
        super("ClickHouse health check failed");
        this.clickHouse = clickHouse;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.up().withDetail("version", clickHouse.ping());
    }
}
