package io.vigil.web.transactions;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.vigil.analytics.api.FindLinkedEntitiesQuery;
import io.vigil.analytics.api.LinkedEntities;
import io.vigil.web.ConsoleMvcTestSupport;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.hamcrest.Matchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A transaction's linked entities: the graph's data, the table, the fraud around; with and without htmx. */
@WebMvcTest(LinkedEntitiesController.class)
class LinkedEntitiesControllerTest extends ConsoleMvcTestSupport {

    private static final Instant TO = Instant.parse("2026-11-30T12:00:00Z");

    private static final LinkedEntities FARM = new LinkedEntities(
            "tx-9",
            TO.minusSeconds(30L * 86_400),
            TO,
            List.of(
                    new LinkedEntities.Entity("card", "fresh-card", 0, 1, 0, TO),
                    new LinkedEntities.Entity("device", "d-1", 0, 7, 0, TO),
                    new LinkedEntities.Entity("card", "card-0", 1, 3, 1, TO.minusSeconds(86_400)),
                    new LinkedEntities.Entity("device", "d-0 & co", 2, 6, 1, TO.minusSeconds(2 * 86_400))),
            List.of(
                    new LinkedEntities.Link("card:fresh-card", "device:d-1", 1),
                    new LinkedEntities.Link("card:card-0", "device:d-1", 1),
                    new LinkedEntities.Link("card:card-0", "device:d-0 & co", 2)),
            2,
            false);

    @ParameterizedTest(name = "htmx: {0}")
    @ValueSource(booleans = {false, true})
    void theNeighbourhoodIsAGraphAndATableWithTheFraudAroundIt(boolean htmx) throws Exception {
        answer(FARM);

        mvc.perform(request(get("/transactions/tx-9/linked"), htmx))
                .andExpect(status().isOk())
                .andExpect(view().name(htmx ? "transactions/linked :: linked" : "transactions/linked"))
                .andExpect(content()
                        .string(
                                htmx
                                        ? Matchers.not(Matchers.containsString("<html"))
                                        : Matchers.containsString("/js/link-graph.js")))
                .andExpect(content().string(Matchers.containsString("class=\"chart tall link-graph\"")))
                // the graph's JSON, escaped in its attribute
                .andExpect(
                        content()
                                .string(
                                        Matchers.containsString(
                                                "{&quot;source&quot;:&quot;card:card-0&quot;,&quot;target&quot;:&quot;device:d-0 &amp; co&quot;,&quot;transactions&quot;:2}")))
                .andExpect(content().string(Matchers.containsString("&quot;fraud&quot;:1")))
                .andExpect(content().string(Matchers.containsString("<strong>2</strong> linked")))
                .andExpect(
                        content().string(Matchers.containsString("<tr class=\"fraud\" data-entity=\"card:card-0\">")))
                .andExpect(content().string(Matchers.containsString("href=\"/transactions?deviceId=d-0%20%26%20co\"")))
                .andExpect(content().string(Matchers.containsString("<td>this transaction</td>")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("larger than shown"))));
        verify(queries)
                .query(
                        argThat((FindLinkedEntitiesQuery q) -> q.transactionId().equals("tx-9")),
                        any(ResponseType.class));
    }

    @ParameterizedTest(name = "htmx: {0}")
    @ValueSource(booleans = {false, true})
    void aTransactionNotInTheSearchTablesYetSaysSo(boolean htmx) throws Exception {
        answer(LinkedEntities.none("tx-new"));

        mvc.perform(request(get("/transactions/tx-new/linked"), htmx))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Nothing linked yet")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-graph"))));
    }

    private MockHttpServletRequestBuilder request(MockHttpServletRequestBuilder request, boolean htmx) {
        return asOnThePage(htmx ? request.header("HX-Request", "true") : request);
    }

    @SuppressWarnings("unchecked")
    private void answer(LinkedEntities linked) {
        given(queries.query(any(FindLinkedEntitiesQuery.class), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(linked));
    }
}
