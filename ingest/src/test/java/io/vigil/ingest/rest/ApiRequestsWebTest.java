package io.vigil.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.ingest.api.OperationalEventsRecorded;
import io.vigil.ingest.config.IngestLimits;
import io.vigil.ingest.config.IngestSettings;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Wrong JSON types in the API's request bodies are the contract's 400 problem naming the field; nothing is sent. */
@WebMvcTest(controllers = {TransactionController.class, EventController.class})
@EnableConfigurationProperties(IngestLimits.class)
class ApiRequestsWebTest {

    private static final String TRANSACTION = "{\"id\":\"tx-1\",\"timestamp\":\"2026-11-23T10:15:30Z\","
            + "\"amount\":129.90,\"currency\":\"EUR\",\"merchantId\":\"m-42\"}";
    private static final String EVENT = "{\"id\":\"ev-1\",\"timestamp\":\"2026-11-23T10:15:30Z\","
            + "\"merchantId\":\"m-42\",\"operation\":\"order\",\"outcome\":\"success\"}";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper application;

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    QueryGateway queries;

    @MockitoBean
    DecisionAdmission admission;

    @MockitoBean
    MeterRegistry meters;

    @MockitoBean
    DecisionLatencyWindow recent;

    /** The ingest settings with their defaults, which the event controller reads its window from. */
    @TestConfiguration
    static class Settings {

        @Bean
        IngestSettings ingestSettings() {
            return new IngestSettings(
                    24, Duration.ofMillis(10), Duration.ofDays(9), Duration.ofDays(8), Duration.ofMillis(25), 500);
        }
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static void assertWrongType(ResultActions response, String field, String expected) throws Exception {
        response.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/validation"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value("has the wrong type, expected " + expected))
                .andExpect(jsonPath("$.detail").value(field + " has the wrong type, expected " + expected));
    }

    @Test
    void aNumericIdIsA400NamingTheId() throws Exception {
        assertWrongType(postJson("/api/v1/transactions", TRANSACTION.replace("\"tx-1\"", "12345")), "id", "a string");
        verifyNoInteractions(admission, commands);
    }

    @Test
    void aBooleanAmountIsA400NamingTheAmount() throws Exception {
        assertWrongType(postJson("/api/v1/transactions", TRANSACTION.replace("129.90", "true")), "amount", "a number");
        verifyNoInteractions(admission, commands);
    }

    @Test
    void aBooleanMerchantOrNumericCountryIsA400Too() throws Exception {
        assertWrongType(
                postJson("/api/v1/transactions", TRANSACTION.replace("\"m-42\"", "true")), "merchantId", "a string");
        assertWrongType(
                postJson("/api/v1/transactions", TRANSACTION.replace("}", ",\"country\":752}")), "country", "a string");
    }

    @Test
    void anAmountThatIsNotANumberKeepsItsMessage() throws Exception {
        postJson("/api/v1/transactions", TRANSACTION.replace("129.90", "\"ten\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"))
                .andExpect(jsonPath("$.errors[0].message").value("has an invalid value ten"));
    }

    @Test
    void aNumericNoteOfAnOutcomeIsA400() throws Exception {
        assertWrongType(
                postJson("/api/v1/transactions/tx-1/outcome", "{\"outcome\":\"chargeback\",\"note\":42}"),
                "note",
                "a string");
        verifyNoInteractions(commands);
    }

    @Test
    void aWrongTypeInABatchNamesTheItemAndField() throws Exception {
        assertWrongType(
                postJson("/api/v1/events/batch", "[" + EVENT + "," + EVENT.replace("\"order\"", "7") + "]"),
                "[1].operation",
                "a string");
        assertWrongType(postJson("/api/v1/events", EVENT.replace("\"ev-1\"", "1")), "id", "a string");
        verifyNoInteractions(commands);
    }

    @Test
    void validEventsAreStillAcceptedAndAnsweredInJson() throws Exception {
        given(commands.sendAndWait(any())).willReturn(new OperationalEventsRecorded(2, 0));

        postJson("/api/v1/events/batch", "[" + EVENT + "," + EVENT.replace("ev-1", "ev-2") + "]")
                .andExpect(status().isAccepted())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.accepted").value(2));
    }

    @Test
    void theApplicationsMapperIsNotMadeStrict() throws Exception {
        // it also reads Axon's events and the stores' JSON: the strictness is for the API's request bodies only
        assertThat(application
                        .readValue(EVENT.replace("\"ev-1\"", "1"), EventRequest.class)
                        .id())
                .isEqualTo("1");
    }

    @Test
    void aBatchOver10000EventsIsA400BeforeAnythingIsSent() throws Exception {
        String batch = "[" + (EVENT + ",").repeat(10_000) + EVENT + "]";
        postJson("/api/v1/events/batch", batch)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/validation"))
                .andExpect(jsonPath("$.errors[0].index").value(-1))
                .andExpect(jsonPath("$.errors[0].message").value("a batch holds 1 to 10000 events, this one has more"));
        verifyNoInteractions(commands);
    }

    @Test
    void deepNestingAndLongNumbersAre400Problems() throws Exception {
        postJson(
                        "/api/v1/transactions",
                        TRANSACTION.replace("}", ",\"extra\":" + "[".repeat(50) + "]".repeat(50) + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/malformed"));
        postJson("/api/v1/transactions", TRANSACTION.replace("129.90", "1" + "0".repeat(100)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/malformed"));
        verifyNoInteractions(admission, commands);
    }

    @Test
    void anAbnormalSpellingOfAnApiPathIsA400AndNothingIsSent() throws Exception {
        mvc.perform(post("/api/v1/./transactions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(TRANSACTION))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/malformed"));
        verifyNoInteractions(admission, commands);
    }
}
