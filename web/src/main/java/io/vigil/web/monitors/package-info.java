/** The monitors page: the monitors, the series anomalous now, creating, pausing and backtesting a monitor. */
package io.vigil.web.monitors;
