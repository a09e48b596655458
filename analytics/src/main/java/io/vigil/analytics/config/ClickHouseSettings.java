package io.vigil.analytics.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the analytics store lives, and how the projections batch into it. Every insert costs ClickHouse tens of
 * milliseconds of CPU whatever its size, so after a small batch a projection waits before the next one, which then
 * carries more rows: {@code projectionPause} for operational events (short, since the monitors read them within a
 * second), {@code transactionProjectionPause} for transactions, decisions and their authorization rows. The URL is a
 * ClickHouse HTTP endpoint in the {@code ru.yandex} driver's form; it works with ClickHouse 18.16 and current servers
 * alike.
 */
@ConfigurationProperties("vigil.clickhouse")
public record ClickHouseSettings(
        @DefaultValue("jdbc:clickhouse://127.0.0.1:18123") String url,
        @DefaultValue("vigil") String database,
        @DefaultValue("default") String user,
        @DefaultValue("") String password,
        @DefaultValue("30000") int socketTimeoutMillis,
        @DefaultValue("200ms") java.time.Duration projectionPause,
        @DefaultValue("400ms") java.time.Duration transactionProjectionPause) {}
