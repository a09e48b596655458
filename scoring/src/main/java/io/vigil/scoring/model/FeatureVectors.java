package io.vigil.scoring.model;

import io.vigil.ingest.api.TransactionDetails;
import io.vigil.scoring.features.FeatureSnapshot;
import java.util.List;

/** {@link ModelInputs} over one {@link EntityHistory}: the node's own online, or a replay's. */
public final class FeatureVectors implements ModelInputs {

    private final EntityHistory history;

    public FeatureVectors(EntityHistory history) {
        this.history = history;
    }

    @Override
    public float[] vector(List<String> names, TransactionDetails tx, FeatureSnapshot snapshot) {
        float[] values = new float[names.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ModelFeatures.column(names.get(i)).value(tx, snapshot, history);
        }
        return values;
    }
}
