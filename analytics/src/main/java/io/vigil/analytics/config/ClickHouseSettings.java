package io.vigil.analytics.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the analytics store lives. The URL is a ClickHouse HTTP endpoint in the {@code ru.yandex} driver's form; it
 * works with ClickHouse 18.16 and current servers alike.
 */
@ConfigurationProperties("vigil.clickhouse")
public record ClickHouseSettings(
        @DefaultValue("jdbc:clickhouse://127.0.0.1:18123") String url,
        @DefaultValue("vigil") String database,
        @DefaultValue("default") String user,
        @DefaultValue("") String password,
        @DefaultValue("30000") int socketTimeoutMillis) {}
