package io.vigil.scoring.model;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.scoring.features.FeatureSnapshot;
import java.util.List;

/** The values of model features for one transaction, online and in a training replay alike. */
public interface ModelInputs {

    /**
     * The values of {@code names} (see {@link ModelFeatures}) for a transaction about to be decided, as its entities
     * were before it; {@link Float#NaN} where a value is missing. Cheap enough for the decision path: no I/O, no
     * allocation beyond the array, no lock held longer than one entity's read.
     *
     * @throws IllegalArgumentException when a name is not a model feature
     */
    float[] vector(List<String> names, TransactionDetails tx, FeatureSnapshot snapshot);
}
