package io.vigil.patterns.api;

import java.time.Instant;

/**
 * Starts a backtest of a pattern over recorded transactions: they are replayed in time order through scoring's
 * feature code and the pattern is evaluated beside the live set. Handled by scoring, which answers at once (the run
 * goes on in the background) and keeps the run with the pattern; read it with {@link FindPatternBacktestQuery}.
 *
 * @param runId the new run's id, chosen by the sender
 * @param version a published version to test; {@code null} for the draft (or the live version when there is no
 *     draft)
 * @param expression an expression to test instead of the pattern's, {@code null} for the pattern's own
 * @param effect the effect with {@code expression}; {@code null} for the pattern's own
 * @param from the first transaction time replayed (inclusive)
 * @param to the end of the range (exclusive)
 */
public record StartPatternBacktestCommand(
        String runId, String patternId, Integer version, String expression, String effect, Instant from, Instant to) {}
