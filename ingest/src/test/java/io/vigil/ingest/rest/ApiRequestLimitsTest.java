package io.vigil.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vigil.ingest.config.IngestLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** What one request body can make the API's parser do: bounded depth, numbers, strings and batch items. */
class ApiRequestLimitsTest {

    private static final String EVENT = "{\"id\":\"ev-%d\",\"timestamp\":\"2026-11-23T10:15:30Z\","
            + "\"merchantId\":\"m-42\",\"operation\":\"order\",\"outcome\":\"success\"}";

    private final ObjectMapper application = Jackson2ObjectMapperBuilder.json().build();
    private final ObjectMapper strict = ApiRequestJson.strict(application, IngestLimits.DEFAULTS);
    private final JavaType event = strict.constructType(EventRequest.class);

    @Test
    void deepNestingIsRefusedByTheParser() {
        // in a member the request does not have: skipped, but still tokenised
        String deep = "{\"id\":\"tx-1\",\"extra\":" + "[".repeat(40) + "]".repeat(40) + "}";
        assertThatThrownBy(() -> strict.readValue(deep, TransactionRequest.class))
                .isInstanceOf(StreamConstraintsException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void aLongNumberIsRefusedByTheParser() {
        String longNumber = "{\"id\":\"tx-1\",\"amount\":1" + "0".repeat(60) + "}";
        assertThatThrownBy(() -> strict.readValue(longNumber, TransactionRequest.class))
                .isInstanceOf(StreamConstraintsException.class)
                .hasMessageContaining("Number value length");
    }

    @Test
    void aLongStringOrFieldNameIsRefusedByTheParser() {
        String longString = "{\"id\":\"" + "x".repeat(20_000) + "\"}";
        // a string is refused as the member is read: the parser's error comes wrapped with the member's path
        assertThatThrownBy(() -> strict.readValue(longString, TransactionRequest.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("String value length (20000) exceeds the maximum allowed (16384");
        String longName = "{\"" + "n".repeat(20_000) + "\":1}";
        assertThatThrownBy(() -> strict.readValue(longName, TransactionRequest.class))
                .isInstanceOf(StreamConstraintsException.class)
                .hasMessageContaining("Name length");
    }

    @Test
    void theApplicationsOwnMapperKeepsJacksonsDefaults() throws Exception {
        String deep = "[".repeat(40) + "]".repeat(40);
        assertThat(application.readTree(deep).isArray()).isTrue();
    }

    @Test
    void aBatchIsReadItemByItemWithNullsAndIndexes() throws Exception {
        String batch = "[" + EVENT.formatted(1) + ",null," + EVENT.formatted(3) + "]";

        List<Object> items = read(batch, 10);

        assertThat(items).hasSize(3);
        assertThat(items.get(1)).isNull();
        assertThat(((EventRequest) items.get(2)).id()).isEqualTo("ev-3");
    }

    @Test
    void aWrongTypeInABatchNamesItsIndex() {
        String batch = "[" + EVENT.formatted(1) + "," + EVENT.formatted(2).replace("\"order\"", "7") + "]";
        assertThatThrownBy(() -> read(batch, 10))
                .isInstanceOfSatisfying(
                        MismatchedInputException.class,
                        e -> assertThat(ApiProblems.fieldPath(e)).isEqualTo("[1].operation"));
    }

    @Test
    void theItemPastTheCapStopsTheReadBeforeTheRestIsParsed() {
        // the batch goes on with bytes that are not JSON at all: the read stops before it gets there
        String batch = "[" + EVENT.formatted(1) + "," + EVENT.formatted(2) + "," + EVENT.formatted(3)
                + ", this is {{ not json";
        assertThatThrownBy(() -> read(batch, 2))
                .isInstanceOfSatisfying(
                        InvalidBatchException.class,
                        e -> assertThat(e.violations().get(0).message())
                                .isEqualTo("a batch holds 1 to 2 events, this one has more"));
    }

    @Test
    void aBatchOf10001IsRefusedAfterReadingOnlyWhatTheCapNeeds() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 10_001; i++) {
            json.append(i == 0 ? "" : ",").append(EVENT.formatted(i));
        }
        byte[] head = json.toString().getBytes(StandardCharsets.UTF_8);
        AtomicLong consumed = new AtomicLong();
        // after 10,001 events, a megabyte more of events follows: little of it may be read
        InputStream body = new InputStream() {
            private final InputStream first = new ByteArrayInputStream(head);
            private final byte[] more = ("," + EVENT.formatted(0)).getBytes(StandardCharsets.UTF_8);
            private long position;

            @Override
            public int read() throws IOException {
                consumed.incrementAndGet();
                int b = first.read();
                if (b >= 0) {
                    return b;
                }
                return more[(int) (position++ % more.length)];
            }
        };

        assertThatThrownBy(() -> ApiRequestJson.RequestConverter.readBatch(strict, event, body, 10_000))
                .isInstanceOf(InvalidBatchException.class);
        assertThat(consumed.get()).isLessThan(head.length + 16_000L);
    }

    private List<Object> read(String json, int max) throws IOException {
        return ApiRequestJson.RequestConverter.readBatch(
                strict, event, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), max);
    }
}
