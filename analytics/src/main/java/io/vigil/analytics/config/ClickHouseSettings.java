package io.vigil.analytics.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the analytics store lives, and how the projection batches into it ({@code projectionPause}: after a batch
 * of under 500 events the projection waits this long so that the next insert carries more rows). The URL is a ClickHouse HTTP endpoint in the {@code ru.yandex} driver's form; it
 * works with ClickHouse 18.16 and current servers alike.
 */
@ConfigurationProperties("vigil.clickhouse")
public record ClickHouseSettings(
        @DefaultValue("jdbc:clickhouse://127.0.0.1:18123") String url,
        @DefaultValue("vigil") String database,
        @DefaultValue("default") String user,
        @DefaultValue("") String password,
        @DefaultValue("30000") int socketTimeoutMillis,
        @DefaultValue("200ms") java.time.Duration projectionPause) {}
