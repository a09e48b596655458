package io.vigil.scoring.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many pattern backtests run, over how much history, and how many are kept.
 *
 * @param maxConcurrent the most backtests one Vigil runs at once; a start beyond is refused (503) until one ends.
 *     Each holds a feature store of its own, as big as the traffic of its range needs
 * @param maxRange the longest time range of one backtest
 * @param keptRuns the runs kept with each pattern, newest first; older finished ones are removed
 */
@ConfigurationProperties("vigil.scoring.backtest")
public record BacktestSettings(
        @DefaultValue("2") int maxConcurrent,
        @DefaultValue("31d") Duration maxRange,
        @DefaultValue("20") int keptRuns) {

    public BacktestSettings {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("vigil.scoring.backtest.max-concurrent must be at least 1");
        }
        if (maxRange.isNegative() || maxRange.isZero()) {
            throw new IllegalArgumentException("vigil.scoring.backtest.max-range must be positive");
        }
        if (keptRuns < 1) {
            throw new IllegalArgumentException("vigil.scoring.backtest.kept-runs must be at least 1");
        }
    }
}
