package io.vigil.patterns.api;

import java.util.List;

/**
 * Checks a model file with the scoring code that will run it (implemented by scoring): every feature is one Vigil
 * computes, the file loads and scores, and each sample's prediction is reproduced within {@value #TOLERANCE}.
 * Injected into the model's command handler, as {@link PatternCheck} is into the pattern's.
 */
public interface ModelCheck {

    double TOLERANCE = 1e-6;

    /** What is wrong with this model, each problem named; empty when it may be registered. */
    List<String> problems(byte[] model, List<String> features, List<ModelSample> samples);
}
