package io.vigil.web.transactions;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.vigil.analytics.api.FindLatestTransactionsQuery;
import io.vigil.analytics.api.LatestTransactions;
import io.vigil.analytics.api.TransactionSummary;
import io.vigil.web.ConsoleMvcTestSupport;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;

/** The live traffic page, each case with and without htmx's HX-Request header. */
@WebMvcTest(TransactionsController.class)
class TransactionsControllerTest extends ConsoleMvcTestSupport {

    private static final TransactionSummary REVIEWED = new TransactionSummary(
            "tx-000123",
            Instant.parse("2026-11-23T10:15:30Z"),
            Instant.parse("2026-11-23T10:15:31Z"),
            "m-42",
            1500.0,
            "EUR",
            "SE",
            "card",
            "web",
            "review",
            20.0,
            false,
            List.of("p-high-amount", "p-card-testing"));

    @Test
    void aFullLoadRendersThePageWithTheTable() throws Exception {
        answer(CompletableFuture.completedFuture(new LatestTransactions(List.of(REVIEWED))));

        mvc.perform(asOnThePage(get("/")))
                .andExpect(status().isOk())
                .andExpect(view().name("transactions/list"))
                .andExpect(content().string(Matchers.containsString("<html")))
                .andExpect(content().string(Matchers.containsString("hx-trigger=\"every 2s\"")))
                .andExpect(content().string(Matchers.containsString("data-transaction-id=\"tx-000123\"")))
                .andExpect(content().string(Matchers.containsString("1,500.00 EUR")))
                .andExpect(content().string(Matchers.containsString("decision review")))
                .andExpect(content().string(Matchers.containsString(">p-high-amount, p-card-testing<")));
    }

    @Test
    void anHtmxRefreshRendersOnlyTheTable() throws Exception {
        answer(CompletableFuture.completedFuture(new LatestTransactions(List.of(REVIEWED))));

        mvc.perform(asOnThePage(get("/").header("HX-Request", "true")))
                .andExpect(status().isOk())
                .andExpect(view().name("transactions/list :: table"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))))
                .andExpect(content().string(Matchers.containsString("data-transaction-id=\"tx-000123\"")));
    }

    @Test
    void anEmptyStoreExplainsHowToSendTheFirstTransaction() throws Exception {
        answer(CompletableFuture.completedFuture(new LatestTransactions(List.of())));

        mvc.perform(asOnThePage(get("/")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("No transactions yet")));
        mvc.perform(asOnThePage(get("/").header("HX-Request", "true")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("No transactions yet")));
    }

    @Test
    void anUnavailableStoreShowsAReadableMessage() throws Exception {
        answer(CompletableFuture.failedFuture(new IllegalStateException("ClickHouse is not reachable")));

        mvc.perform(asOnThePage(get("/")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(Matchers.containsString("<html")))
                .andExpect(content().string(Matchers.containsString("ClickHouse is not reachable")));
        mvc.perform(asOnThePage(get("/").header("HX-Request", "true")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))))
                .andExpect(content().string(Matchers.containsString("ClickHouse is not reachable")));
    }

    @SuppressWarnings("unchecked")
    private void answer(CompletableFuture<LatestTransactions> result) {
        given(queries.query(
                        eq(new FindLatestTransactionsQuery(TransactionsController.PAGE_SIZE)), any(ResponseType.class)))
                .willReturn(result);
    }
}
