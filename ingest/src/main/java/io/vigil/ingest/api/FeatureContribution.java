package io.vigil.ingest.api;

/**
 * How much one feature moved a model's score for one decision: its SHAP contribution (XGBoost's
 * {@code predictContrib}) in log-odds, positive towards fraud.
 *
 * @param value the feature's value in this decision, null when it was missing
 */
public record FeatureContribution(String feature, Double value, double contribution) {}
