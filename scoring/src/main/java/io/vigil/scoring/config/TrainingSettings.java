package io.vigil.scoring.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How model trainings run (docs/models.md, "Training").
 *
 * @param maxConcurrent the most trainings one Vigil runs at once; a start beyond is refused until one ends
 * @param maxRows the most rows (transactions of the range) one training holds in memory, about 0.5 KB each; a range
 *     with more fails with a message saying so
 * @param threads the threads XGBoost trains with
 */
@ConfigurationProperties("vigil.scoring.training")
public record TrainingSettings(
        @DefaultValue("1") int maxConcurrent,
        @DefaultValue("1000000") int maxRows,
        @DefaultValue("1") int threads) {

    public TrainingSettings {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("vigil.scoring.training.max-concurrent must be at least 1");
        }
        if (maxRows < 100) {
            throw new IllegalArgumentException("vigil.scoring.training.max-rows must be at least 100");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("vigil.scoring.training.threads must be at least 1");
        }
    }
}
