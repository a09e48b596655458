package io.vigil.scoring.decision;

import io.vigil.ingest.api.Decision;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a matching pattern does: add to the score, or force a decision. */
record PatternEffect(double scoreDelta, Decision forced) {

    private static final Pattern SCORE = Pattern.compile("score\\+(\\d{1,3}(\\.\\d+)?)");

    /** Parses {@code score+N}, {@code review} or {@code decline}. */
    static PatternEffect parse(String effect) {
        if (effect == null) {
            throw new IllegalArgumentException("effect is required: score+N, review or decline");
        }
        if (effect.equals("review")) {
            return new PatternEffect(0, Decision.REVIEW);
        }
        if (effect.equals("decline")) {
            return new PatternEffect(0, Decision.DECLINE);
        }
        Matcher m = SCORE.matcher(effect);
        if (m.matches() && Double.parseDouble(m.group(1)) <= 100) {
            return new PatternEffect(Double.parseDouble(m.group(1)), null);
        }
        throw new IllegalArgumentException(
                "effect '" + effect + "' is not one of score+N (N from 0 to 100), review, decline");
    }
}
