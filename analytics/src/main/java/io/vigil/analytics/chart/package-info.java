/** Draws the PNG chart of a monitored series that travels with an alert. */
package io.vigil.analytics.chart;
