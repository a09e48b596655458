package io.vigil.web.transactions;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.vigil.analytics.api.FindTransactionsQuery;
import io.vigil.analytics.api.SearchSort;
import io.vigil.analytics.api.TransactionSearchHit;
import io.vigil.analytics.api.TransactionSearchPage;
import io.vigil.web.ConsoleMvcTestSupport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.hamcrest.Matchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The console's transaction search, each case with and without htmx's HX-Request header. */
@WebMvcTest(SearchPageController.class)
class SearchPageControllerTest extends ConsoleMvcTestSupport {

    private static final TransactionSearchHit HIT = new TransactionSearchHit(
            "tx-000123",
            Instant.parse("2026-11-23T10:15:30Z"),
            Instant.parse("2026-11-23T10:15:31Z"),
            "m-42",
            new BigDecimal("1500"),
            "EUR",
            "c-981",
            "card-7f3a",
            "d-19",
            "ann@example.com",
            "203.0.113.7",
            "SE",
            "card",
            "web",
            "review",
            20.0,
            false,
            List.of("p-high-amount"),
            "chargeback");

    @ParameterizedTest(name = "htmx: {0}")
    @ValueSource(booleans = {false, true})
    void aSearchShowsItsRowsLinkedToTheirTransactionAndThePagesAround(boolean htmx) throws Exception {
        answer(new TransactionSearchPage(List.of(HIT), 1, 25, "-score", true));

        mvc.perform(request(
                        get("/transactions?cardFingerprint=card-7f3a&sort=-score&size=25&page=1&from=2026-11-23T10:00"),
                        htmx))
                .andExpect(status().isOk())
                .andExpect(view().name(htmx ? "transactions/search :: results" : "transactions/search"))
                .andExpect(content()
                        .string(
                                htmx
                                        ? Matchers.not(Matchers.containsString("<html"))
                                        : Matchers.containsString("name=\"cardFingerprint\" value=\"card-7f3a\"")))
                .andExpect(content().string(Matchers.containsString("href=\"/transactions/tx-000123\"")))
                .andExpect(content().string(Matchers.containsString("1,500.00 EUR")))
                .andExpect(content().string(Matchers.containsString(">chargeback<")))
                .andExpect(content().string(Matchers.containsString("rel=\"prev\"")))
                .andExpect(
                        content()
                                .string(
                                        Matchers.containsString(
                                                "hx-get=\"/transactions?cardFingerprint=card-7f3a&amp;from=2026-11-23T10%3A00&amp;sort=-score&amp;page=2&amp;size=25\"")));
        verify(queries)
                .query(
                        argThat((FindTransactionsQuery q) -> "card-7f3a".equals(q.cardFingerprint())
                                && q.sort() == SearchSort.SCORE_DESC
                                && q.page() == 1
                                && q.size() == 25
                                && Instant.parse("2026-11-23T10:00:00Z").equals(q.from())),
                        any(ResponseType.class));
    }

    @ParameterizedTest(name = "htmx: {0}")
    @ValueSource(booleans = {false, true})
    void aRefusedFilterIsShownAndNothingIsSearched(boolean htmx) throws Exception {
        mvc.perform(request(get("/transactions?minScore=lots"), htmx))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("minScore must be a number")))
                .andExpect(content()
                        .string(
                                htmx
                                        ? Matchers.not(Matchers.containsString("<form"))
                                        : Matchers.containsString("<form")));
        verify(queries, never()).query(any(FindTransactionsQuery.class), any(ResponseType.class));
    }

    @ParameterizedTest(name = "htmx: {0}")
    @ValueSource(booleans = {false, true})
    void noMatchSaysSo(boolean htmx) throws Exception {
        answer(new TransactionSearchPage(List.of(), 0, 50, "-time", false));

        mvc.perform(request(get("/transactions?label=none"), htmx))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("No transaction matches")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("rel=\"next\""))));
    }

    private MockHttpServletRequestBuilder request(MockHttpServletRequestBuilder request, boolean htmx) {
        return asOnThePage(htmx ? request.header("HX-Request", "true") : request);
    }

    @SuppressWarnings("unchecked")
    private void answer(TransactionSearchPage page) {
        given(queries.query(any(FindTransactionsQuery.class), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(page));
    }
}
