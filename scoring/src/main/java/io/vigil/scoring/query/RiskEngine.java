package io.vigil.scoring.query;

import dev.cel.runtime.CelEvaluationException;
import io.vigil.ingest.api.Decision;
import io.vigil.ingest.api.DecisionReason;
import io.vigil.ingest.api.RiskDecision;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.patterns.api.PatternMode;
import io.vigil.scoring.config.ScoringSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the active patterns against one transaction and turns their effects into a decision: the score is the sum
 * of {@code score+N} effects (capped at 100), compared with the review and decline thresholds; a forced review or
 * decline wins over a lower decision from the score.
 */
final class RiskEngine {

    private static final Logger log = LoggerFactory.getLogger(RiskEngine.class);

    private final ScoringSettings settings;
    private final Clock clock;

    RiskEngine(ScoringSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    RiskDecision decide(CompiledPatternSet patterns, TransactionDetails transaction) {
        Map<String, Object> activation = Map.of("tx", variables(transaction));
        double score = 0;
        Decision forced = Decision.APPROVE;
        List<DecisionReason> reasons = new ArrayList<>();
        for (CompiledPattern pattern : patterns.patterns()) {
            if (pattern.definition().mode() != PatternMode.ACTIVE || !matches(pattern, activation)) {
                continue;
            }
            score += pattern.effect().scoreDelta();
            if (pattern.effect().forced() != null) {
                forced = stricter(forced, pattern.effect().forced());
            }
            reasons.add(new DecisionReason(
                    pattern.definition().id(),
                    pattern.definition().name(),
                    pattern.definition().effect()));
        }
        score = Math.min(100, score);
        Decision decision = stricter(forced, fromScore(score));
        return new RiskDecision(decision, score, reasons, patterns.version(), false, clock.instant());
    }

    /** The decision given when no pattern set can be evaluated. */
    RiskDecision fallback(long patternSetVersion) {
        return new RiskDecision(settings.fallbackDecision(), 0, List.of(), patternSetVersion, true, clock.instant());
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

    private static boolean matches(CompiledPattern pattern, Map<String, Object> activation) {
        try {
            return Boolean.TRUE.equals(pattern.program().eval(activation));
        } catch (CelEvaluationException e) {
            // e.g. a pattern reading an attribute this transaction does not carry: it does not match
            log.debug("Pattern {} did not evaluate: {}", pattern.definition().id(), e.getMessage());
            return false;
        }
    }

    /** The {@code tx} variable of the pattern language: every submitted field, absent text as "". */
    static Map<String, Object> variables(TransactionDetails t) {
        Map<String, Object> tx = new HashMap<>();
        tx.put("id", t.transactionId());
        tx.put("amount", t.amount().doubleValue());
        tx.put("currency", t.currency());
        tx.put("merchantId", t.merchantId());
        tx.put("customerId", text(t.customerId()));
        tx.put("cardFingerprint", text(t.cardFingerprint()));
        tx.put("cardBin", text(t.cardBin()));
        tx.put("deviceId", text(t.deviceId()));
        tx.put("ip", text(t.ip()));
        tx.put("email", text(t.email()));
        tx.put("country", text(t.country()));
        tx.put("paymentMethod", text(t.paymentMethod()));
        tx.put("channel", text(t.channel()));
        tx.put("browser", text(t.browser()));
        tx.put("deviceType", text(t.deviceType()));
        tx.put("attributes", t.attributes());
        return tx;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
