package io.vigil.scoring.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.vigil.ingest.api.ApiRules;
import io.vigil.ingest.api.FieldViolation;
import io.vigil.ingest.api.FindTransactionQuery;
import io.vigil.ingest.api.TransactionDetails;
import io.vigil.ingest.api.TransactionFields;
import io.vigil.ingest.api.TransactionView;
import io.vigil.patterns.api.PatternTestResult;
import io.vigil.patterns.api.TestPatternQuery;
import io.vigil.scoring.decision.SampleEvaluation;
import io.vigil.scoring.features.FeatureStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers {@link TestPatternQuery}: the sample transaction, typed as JSON or a recorded one, checked by the API's
 * rules, its features read from this node's feature store as they are now (as a new transaction of the same entities
 * would see them, without changing them) unless given, and the expression evaluated and explained.
 */
@Component
class SamplePatternTest {

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final FeatureStore features;
    private final QueryGateway queries;
    private final Clock clock;

    SamplePatternTest(FeatureStore features, QueryGateway queries) {
        this.features = features;
        this.queries = queries;
        this.clock = Clock.systemUTC();
    }

    /** An evaluation that knows the analyst features this node holds, so a draft may read them. */
    private SampleEvaluation evaluation() {
        return new SampleEvaluation(features.custom().definitions());
    }

    /**
     * A transaction as the test box takes it: the API's fields (the id, time, currency and merchant given defaults
     * before it is read) and the features to use instead of the store's. The contract's field list, as every reader of
     * the API's transaction has it.
     */
    record Sample(
            String id,
            String timestamp,
            BigDecimal amount,
            String currency,
            String merchantId,
            String customerId,
            String cardFingerprint,
            String cardBin,
            String deviceId,
            String ip,
            String email,
            String country,
            String paymentMethod,
            String channel,
            String browser,
            String deviceType,
            Map<String, String> attributes,
            Map<String, Object> features)
            implements TransactionFields {}

    @QueryHandler
    PatternTestResult handle(TestPatternQuery query) {
        if (query.expression() == null || query.expression().isBlank()) {
            return PatternTestResult.refused(List.of("expression is required"));
        }
        if (query.transactionId() != null && !query.transactionId().isBlank()) {
            Optional<TransactionView> recorded = queries.query(
                            new FindTransactionQuery(query.transactionId().strip()),
                            ResponseTypes.optionalInstanceOf(TransactionView.class))
                    .join();
            if (recorded.isEmpty()) {
                return PatternTestResult.refused(List.of(
                        "transactionId: no transaction " + query.transactionId().strip()));
            }
            TransactionDetails tx = recorded.get().transaction();
            return evaluation().evaluate(query.expression(), tx, features.read(tx), Map.of());
        }
        if (query.transaction() == null || query.transaction().isBlank()) {
            return PatternTestResult.refused(List.of("transaction is required: a JSON object, or a transactionId"));
        }
        Sample sample;
        try {
            if (!(JSON.readTree(query.transaction()) instanceof ObjectNode typed)) {
                return PatternTestResult.refused(List.of("transaction must be a JSON object"));
            }
            typed.putIfAbsent("id", TextNode.valueOf("sample"));
            typed.putIfAbsent("timestamp", TextNode.valueOf(clock.instant().toString()));
            typed.putIfAbsent("currency", TextNode.valueOf("EUR"));
            typed.putIfAbsent("merchantId", TextNode.valueOf("m-sample"));
            sample = JSON.treeToValue(typed, Sample.class);
        } catch (JsonProcessingException e) {
            return PatternTestResult.refused(List.of(
                    "transaction is not a JSON object of the API's transaction fields: " + e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        for (FieldViolation violation : ApiRules.transaction(sample, clock.instant())) {
            problems.add(violation.field() + " " + violation.message());
        }
        Map<String, Object> given = sample.features() == null ? Map.of() : sample.features();
        problems.addAll(SampleEvaluation.featureProblems(given));
        if (!problems.isEmpty()) {
            return PatternTestResult.refused(problems);
        }
        TransactionDetails tx = sample.details();
        return evaluation().evaluate(query.expression(), tx, features.read(tx), given);
    }
}
