package io.vigil.analytics.api;

/** The series the last evaluation found anomalous, across monitors. Answered with {@link MonitorAnomalies}. */
public record FindAnomaliesQuery() {}
