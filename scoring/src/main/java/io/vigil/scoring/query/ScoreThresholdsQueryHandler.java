package io.vigil.scoring.query;

import io.vigil.scoring.api.FindScoreThresholdsQuery;
import io.vigil.scoring.api.ScoreThresholds;
import io.vigil.scoring.config.ScoringSettings;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the thresholds of {@code vigil.scoring}, so that other modules judge a model's score as scoring does. */
@Component
class ScoreThresholdsQueryHandler {

    private final ScoreThresholds thresholds;

    ScoreThresholdsQueryHandler(ScoringSettings settings) {
        this.thresholds = new ScoreThresholds(settings.reviewThreshold(), settings.declineThreshold());
    }

    @QueryHandler
    ScoreThresholds handle(FindScoreThresholdsQuery query) {
        return thresholds;
    }
}
