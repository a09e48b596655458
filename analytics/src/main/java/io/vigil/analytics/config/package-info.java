/**
 * Analytics' Spring and Axon configuration: ClickHouse and monitoring settings, notification routes and the
 * projections' error handling.
 */
package io.vigil.analytics.config;
