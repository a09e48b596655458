package io.vigil.patterns.api;

import java.time.Instant;

/**
 * One backtest run of a pattern.
 *
 * @param version the published version tested; {@code null} when the draft or an expression given directly was
 * @param subject what was tested: {@code draft}, {@code version} or {@code expression}
 * @param expression the expression tested, as it was when the run started
 * @param progress the share of the work done, 0 to 1: the run reads the event store twice (labels, then the
 *     transactions) from the range's warm-up to the head, and this is how far it has read
 * @param result the counts so far (final once the run is no longer running); {@code null} before the first
 * @param error why the run failed; {@code null} otherwise
 */
public record PatternBacktest(
        String runId,
        String patternId,
        Integer version,
        String subject,
        String expression,
        String effect,
        Instant from,
        Instant to,
        BacktestStatus status,
        double progress,
        String requestedBy,
        Instant startedAt,
        Instant finishedAt,
        BacktestResult result,
        String error) {}
