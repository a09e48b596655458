package io.vigil.scoring.decision;

import dev.cel.runtime.CelEvaluationException;
import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.DecisionReason;
import io.vigil.ingest.api.ListHit;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.patterns.api.PatternMode;
import io.vigil.scoring.config.ScoringSettings;
import io.vigil.scoring.features.FeatureSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the active patterns (those reading an analyst feature once it is backfilled on this node) against one transaction and turns their effects into a decision: the score is the live
 * model's score (its probability × 100; 0 when no model is live) plus the sum of {@code score+N} effects (capped at
 * 100), compared with the review and decline thresholds; a forced review or
 * decline wins over a lower decision from the score. Lists come last: a block list hit declines, and an allow list
 * hit approves unless a block list also hits. Patterns are still evaluated then, for the explanation.
 */
public final class RiskEngine {

    private static final Logger log = LoggerFactory.getLogger(RiskEngine.class);

    private final ScoringSettings settings;
    private final Clock clock;

    public RiskEngine(ScoringSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public RiskDecision decide(CompiledPatternSet patterns, TransactionDetails transaction, FeatureSnapshot features) {
        return decide(patterns, transaction, features, ModelScores.NONE);
    }

    /**
     * Decides with the models' scores: the live model's score (its probability × 100) is where the score starts,
     * and what patterns read as {@code model.score}; the shadow model's is recorded only.
     */
    public RiskDecision decide(
            CompiledPatternSet patterns, TransactionDetails transaction, FeatureSnapshot features, ModelScores models) {
        PatternVariables variables = new PatternVariables(transaction, features, models.liveScore());
        double score = models.liveScore();
        Decision forced = Decision.APPROVE;
        List<DecisionReason> reasons = new ArrayList<>();
        List<DecisionReason> shadowHits = new ArrayList<>();
        for (CompiledPattern pattern : patterns.patterns()) {
            PatternMode mode = pattern.definition().mode();
            if (mode == PatternMode.OFF || !features.customReady(pattern.customFeatures())) {
                continue;
            }
            variables.startRecording();
            if (!matches(pattern, variables)) {
                continue;
            }
            DecisionReason reason = new DecisionReason(
                    pattern.definition().id(),
                    pattern.definition().name(),
                    pattern.definition().effect(),
                    variables.seen());
            if (mode == PatternMode.SHADOW) {
                shadowHits.add(reason);
                continue;
            }
            score += pattern.effect().scoreDelta();
            if (pattern.effect().forced() != null) {
                forced = stricter(forced, pattern.effect().forced());
            }
            reasons.add(reason);
        }
        score = Math.min(100, score);
        Decision decision = stricter(forced, fromScore(score));
        Instant now = clock.instant();
        List<ListHit> listHits = patterns.lists().hits(transaction, now);
        decision = fromLists(listHits, decision);
        return new RiskDecision(
                decision,
                score,
                reasons,
                patterns.version(),
                false,
                now,
                shadowHits,
                listHits,
                models.live(),
                models.shadow());
    }

    /** The decision given when no pattern set can be evaluated. */
    public RiskDecision fallback(long patternSetVersion) {
        return new RiskDecision(settings.fallbackDecision(), 0, List.of(), patternSetVersion, true, clock.instant());
    }

    /**
     * The decision given when the patterns could not be evaluated in time (or failed) but the lists are at hand:
     * the lists still apply (they are one lookup each), otherwise the configured fallback decision.
     */
    public RiskDecision fallback(CompiledPatternSet patterns, TransactionDetails transaction) {
        Instant now = clock.instant();
        List<ListHit> listHits = patterns.lists().hits(transaction, now);
        return new RiskDecision(
                fromLists(listHits, settings.fallbackDecision()),
                0,
                List.of(),
                patterns.version(),
                true,
                now,
                List.of(),
                listHits);
    }

    /** A block list hit declines; otherwise an allow list hit approves; otherwise the decision stands. */
    private static Decision fromLists(List<ListHit> listHits, Decision otherwise) {
        if (listHits.stream().anyMatch(hit -> hit.list().equals("block"))) {
            return Decision.DECLINE;
        }
        return listHits.isEmpty() ? otherwise : Decision.APPROVE;
    }

    private Decision fromScore(double score) {
        if (score >= settings.declineThreshold()) {
            return Decision.DECLINE;
        }
        return score >= settings.reviewThreshold() ? Decision.REVIEW : Decision.APPROVE;
    }

    private static Decision stricter(Decision a, Decision b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static boolean matches(CompiledPattern pattern, PatternVariables variables) {
        try {
            return Boolean.TRUE.equals(pattern.program().eval(variables));
        } catch (CelEvaluationException e) {
            // e.g. a pattern reading an attribute this transaction does not carry: it does not match
            log.debug("Pattern {} did not evaluate: {}", pattern.definition().id(), e.getMessage());
            return false;
        }
    }
}
