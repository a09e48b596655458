/**
 * Scoring with risk models: loading the live and shadow XGBoost models the pattern store names, warming each before it
 * replaces the one before, scoring a decision with its probability and SHAP contributions, and checking a model file
 * before it may be registered.
 */
package io.vigil.scoring.inference;
