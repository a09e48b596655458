/**
 * Analytics' Spring configuration: ClickHouse and monitoring settings and the notification routes (every processing
 * group's error handling is the server's, {@code io.vigil.config}).
 */
package io.vigil.analytics.config;
