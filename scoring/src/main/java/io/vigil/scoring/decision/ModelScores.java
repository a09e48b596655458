package io.vigil.scoring.decision;

import io.vigil.ingest.api.ModelScore;

/**
 * The models' scores of one transaction: the live one's (the decision's score starts from it; null when no model is
 * live) and the shadow one's (recorded only; null when none).
 */
public record ModelScores(ModelScore live, ModelScore shadow) {

    public static final ModelScores NONE = new ModelScores(null, null);

    /** What patterns read as {@code model.score}: the live model's score, 0 when there is none. */
    public double liveScore() {
        return live == null ? 0 : live.score();
    }
}
