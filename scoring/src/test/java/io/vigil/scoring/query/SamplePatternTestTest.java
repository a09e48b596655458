package io.vigil.scoring.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.vigil.ingest.api.FindTransactionQuery;
import io.vigil.patterns.api.PatternTestResult;
import io.vigil.patterns.api.TestPatternQuery;
import io.vigil.scoring.features.InMemoryFeatureStore;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

/** The sample test's transaction: typed JSON with defaults and features given, checked by the API's rules, or recorded. */
class SamplePatternTestTest {

    private final QueryGateway queries = mock(QueryGateway.class);
    private final SamplePatternTest test = new SamplePatternTest(new InMemoryFeatureStore(), queries);

    @Test
    void aTypedTransactionNeedsOnlyAnAmountAndMayGiveFeatures() {
        PatternTestResult result = test.handle(new TestPatternQuery(
                "features.card.count_1h >= 7 && tx.amount > 100.0 && tx.currency == 'EUR'",
                "{\"amount\": 120.0, \"cardFingerprint\": \"c-1\", \"features\": {\"features.card.count_1h\": 7}}",
                null));

        assertThat(result.problems()).isEmpty();
        assertThat(result.matches()).isTrue();
        assertThat(result.transactionId()).isEqualTo("sample");
        assertThat(result.values())
                .containsEntry("features.card.count_1h", 7L)
                .containsEntry("tx.amount", 120.0)
                .containsEntry("tx.currency", "EUR");
    }

    @Test
    void aTransactionTheApiWouldRefuseIsRefusedWithItsFields() {
        PatternTestResult result =
                test.handle(new TestPatternQuery("tx.amount > 1.0", "{\"amount\": -5, \"country\": \"XX\"}", null));

        assertThat(result.matches()).isNull();
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).startsWith("amount "));
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).startsWith("country "));
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        PatternTestResult result = test.handle(new TestPatternQuery("tx.amount > 1.0", "amount=5", null));

        assertThat(result.problems()).singleElement().asString().startsWith("transaction is not a JSON object");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnknownRecordedTransactionIsRefused() {
        given(queries.query(any(FindTransactionQuery.class), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(Optional.empty()));

        PatternTestResult result = test.handle(new TestPatternQuery("tx.amount > 1.0", null, " tx-404 "));

        assertThat(result.problems()).containsExactly("transactionId: no transaction tx-404");
    }
}
