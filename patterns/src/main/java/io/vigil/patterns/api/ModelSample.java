package io.vigil.patterns.api;

import java.util.List;

/**
 * One row the trainer scored itself: the feature values in the model's feature order ({@code null} for a missing
 * value) and the probability the trainer's own library gave. An import is refused when Vigil scores a sample
 * differently.
 */
public record ModelSample(List<Double> values, double prediction) {

    public ModelSample {
        values = values == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
}
