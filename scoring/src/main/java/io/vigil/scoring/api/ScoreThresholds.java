package io.vigil.scoring.api;

/**
 * Where a score (0..100) turns a decision: at or above {@code review} a transaction goes to review, at or above
 * {@code decline} it is declined, as the patterns' effects allow.
 */
public record ScoreThresholds(double review, double decline) {

    /** The decision a score alone would give: {@code approve}, {@code review} or {@code decline}. */
    public String decisionOf(double score) {
        return score >= decline ? "decline" : score >= review ? "review" : "approve";
    }
}
