package io.vigil.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The contract's JSON types on the API's request bodies, read with the strict copy of the application's mapper. */
class ApiRequestJsonTest {

    private static final String VALID = "{\"id\":\"tx-1\",\"timestamp\":\"2026-11-23T10:15:30Z\",\"amount\":129.90,"
            + "\"currency\":\"EUR\",\"merchantId\":\"m-42\",\"browser\":\"chrome\",\"attributes\":{\"any\":\"x\"}}";

    private final ObjectMapper application = Jackson2ObjectMapperBuilder.json().build();
    private final ObjectMapper strict = ApiRequestJson.strict(application);

    /** The valid body with one member's JSON replaced (a later duplicate member wins in Jackson). */
    private static String with(String field, String json) {
        return VALID.substring(0, VALID.length() - 1) + ",\"" + field + "\":" + json + "}";
    }

    @Test
    void aValidBodyIsRead() throws Exception {
        TransactionRequest request = strict.readValue(VALID, TransactionRequest.class);
        assertThat(request.id()).isEqualTo("tx-1");
        assertThat(request.amount()).isEqualByComparingTo("129.90");
        assertThat(request.attributes()).containsEntry("any", "x");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            id         | 12345
            id         | 1.5
            id         | true
            merchantId | false
            timestamp  | 1700000000
            currency   | 978
            browser    | 2
            """)
    void aNumberOrBooleanWhereTheContractSaysStringIsAWrongTypeNamingTheField(String field, String json) {
        MismatchedInputException e = catchThrowableOfType(
                MismatchedInputException.class, () -> strict.readValue(with(field, json), TransactionRequest.class));

        assertThat(e).as(field + ": " + json).isNotNull();
        assertThat(fieldOf(e)).isEqualTo(field);
        assertThat(e.getTargetType()).isEqualTo(String.class);
    }

    @Test
    void attributeValuesAreStringsToo() {
        MismatchedInputException e = catchThrowableOfType(
                MismatchedInputException.class,
                () -> strict.readValue(with("attributes", "{\"count\":3}"), TransactionRequest.class));
        assertThat(fieldOf(e)).isEqualTo("attributes.count");
    }

    @Test
    void anAmountIsANumberOrAStringButNotABoolean() throws Exception {
        assertThat(strict.readValue(with("amount", "\"129.90\""), TransactionRequest.class)
                        .amount())
                .isEqualByComparingTo("129.90");
        assertThat(strict.readValue(with("amount", "12"), TransactionRequest.class)
                        .amount())
                .isEqualByComparingTo("12");
        MismatchedInputException e = catchThrowableOfType(
                MismatchedInputException.class,
                () -> strict.readValue(with("amount", "true"), TransactionRequest.class));
        assertThat(e).isNotNull();
        assertThat(fieldOf(e)).isEqualTo("amount");
    }

    @Test
    void outcomesAndBatchesOfEventsAreStrictToo() {
        MismatchedInputException outcome = catchThrowableOfType(
                MismatchedInputException.class,
                () -> strict.readValue("{\"outcome\":\"chargeback\",\"note\":7}", OutcomeRequest.class));
        assertThat(fieldOf(outcome)).isEqualTo("note");

        String batch = "[{\"id\":\"ev-1\",\"operation\":\"order\"},{\"id\":\"ev-2\",\"operation\":1}]";
        MismatchedInputException inBatch = catchThrowableOfType(
                MismatchedInputException.class,
                () -> strict.readValue(batch, new TypeReference<List<EventRequest>>() {}));
        assertThat(fieldOf(inBatch)).isEqualTo("[1].operation");
    }

    @Test
    void theApplicationsMapperKeepsItsCoercionsForEverythingElse() throws Exception {
        String numericId = with("id", "12345");
        assertThat(application.readValue(numericId, TransactionRequest.class).id())
                .isEqualTo("12345");
        assertThat(application.readValue("{\"a\":1,\"b\":true}", new TypeReference<Map<String, String>>() {}))
                .containsEntry("a", "1")
                .containsEntry("b", "true");
    }

    @Test
    void theConverterReadsOnlyTheApiRequestsAndWritesNothing() throws Exception {
        var converter = new ApiRequestJson.RequestConverter(strict);
        Type batch = EventController.class.getDeclaredMethod("submitBatch", List.class)
                .getGenericParameterTypes()[0];

        assertThat(converter.canRead(TransactionRequest.class, MediaType.APPLICATION_JSON))
                .isTrue();
        assertThat(converter.canRead(OutcomeRequest.class, TransactionController.class, MediaType.APPLICATION_JSON))
                .isTrue();
        assertThat(converter.canRead(batch, EventController.class, MediaType.APPLICATION_JSON))
                .isTrue();
        assertThat(converter.canRead(Map.class, MediaType.APPLICATION_JSON)).isFalse();
        assertThat(converter.canRead(String.class, EventController.class, MediaType.APPLICATION_JSON))
                .isFalse();
        assertThat(converter.canRead(new TypeReference<List<String>>() {}.getType(), null, MediaType.APPLICATION_JSON))
                .isFalse();
        assertThat(converter.canWrite(TransactionRequest.class, MediaType.APPLICATION_JSON))
                .isFalse();
        assertThat(converter.canWrite(DecisionResponse.class, DecisionResponse.class, MediaType.APPLICATION_JSON))
                .isFalse();
    }

    /** The field as ApiProblems names it in the problem's {@code errors}. */
    private static String fieldOf(MismatchedInputException e) {
        assertThat(e).as("expected the body to be refused").isNotNull();
        return ApiProblems.fieldPath(e);
    }
}
