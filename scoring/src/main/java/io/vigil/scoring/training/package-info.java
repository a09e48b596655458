/**
 * Training and evaluating a risk model: a time-ordered replay of the event store through the model features, with
 * labels applied when they were reported; gradient-boosted trees (XGBoost); metrics on a held-out slice beside the
 * live patterns; the runs in PostgreSQL; the training set as CSV.
 */
package io.vigil.scoring.training;
