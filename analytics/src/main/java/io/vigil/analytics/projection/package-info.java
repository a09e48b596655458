/**
 * Projects transactions, decisions and operational events from the event store into ClickHouse, each row exactly once.
 */
package io.vigil.analytics.projection;
