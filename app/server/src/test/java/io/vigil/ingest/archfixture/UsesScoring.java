package io.vigil.ingest.archfixture;

import io.vigil.scoring.config.ScoringSettings;

/** A deliberate violation of the module graph (ingest depends on nobody). Only for ModuleBoundariesTest. */
public class UsesScoring {

    public double threshold(ScoringSettings settings) {
        return settings.reviewThreshold();
    }
}
