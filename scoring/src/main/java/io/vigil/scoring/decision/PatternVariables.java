package io.vigil.scoring.decision;

import dev.cel.runtime.CelVariableResolver;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.scoring.features.FeatureSnapshot;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the variables of one evaluation on demand, and remembers the features a pattern read so that the
 * decision can say what the pattern saw.
 */
final class PatternVariables implements CelVariableResolver {

    private final TransactionDetails tx;
    private final FeatureSnapshot features;
    private final double modelScore;
    private Map<String, Object> seen;

    PatternVariables(TransactionDetails tx, FeatureSnapshot features) {
        this(tx, features, 0);
    }

    /** {@code modelScore}: the live model's score, read as {@code model.score} (0 when no model is live). */
    PatternVariables(TransactionDetails tx, FeatureSnapshot features, double modelScore) {
        this.tx = tx;
        this.features = features;
        this.modelScore = modelScore;
    }

    /** Starts recording the features read, for the next pattern. */
    void startRecording() {
        seen = new LinkedHashMap<>();
    }

    /** The features read since {@link #startRecording()}. */
    Map<String, Object> seen() {
        return seen;
    }

    @Override
    public Optional<Object> find(String name) {
        if (name.startsWith("features.")) {
            Object value = features.value(name);
            if (value != null && seen != null) {
                seen.put(name, value);
            }
            return Optional.ofNullable(value);
        }
        if (name.equals(PatternCompiler.MODEL_SCORE)) {
            if (seen != null) {
                seen.put(name, modelScore);
            }
            return Optional.of(modelScore);
        }
        return Optional.ofNullable(transactionField(name));
    }

    private Object transactionField(String name) {
        return switch (name) {
            case "tx.id" -> tx.transactionId();
            case "tx.amount" -> tx.amount().doubleValue();
            case "tx.currency" -> tx.currency();
            case "tx.merchantId" -> tx.merchantId();
            case "tx.customerId" -> text(tx.customerId());
            case "tx.cardFingerprint" -> text(tx.cardFingerprint());
            case "tx.cardBin" -> text(tx.cardBin());
            case "tx.deviceId" -> text(tx.deviceId());
            case "tx.ip" -> text(tx.ip());
            case "tx.email" -> text(tx.email());
            case "tx.country" -> text(tx.country());
            case "tx.paymentMethod" -> text(tx.paymentMethod());
            case "tx.channel" -> text(tx.channel());
            case "tx.browser" -> text(tx.browser());
            case "tx.deviceType" -> text(tx.deviceType());
            case "tx.hour" -> (long) tx.timestamp().atOffset(ZoneOffset.UTC).getHour();
            case "tx.attributes" -> tx.attributes();
            default -> null;
        };
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
