package io.vigil.analytics.rest;

import io.vigil.analytics.api.FindTransactionsQuery;
import io.vigil.analytics.api.MonitoringRules;
import io.vigil.analytics.api.SearchSort;
import io.vigil.analytics.api.TransactionSearchPage;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/transactions}: transaction search over ClickHouse (a key with the {@code read} scope, as for
 * {@code GET /api/v1/transactions/{id}}). Every filter given must hold; texts match whole values. Paged with
 * {@code page} (from 0) and {@code size} (1 to 200, 50 by default) up to the first 10,000 rows of a search, and sorted
 * by {@code sort}: {@code time}, {@code score} or {@code amount}, descending with a leading {@code -} ({@code -time}
 * by default). A bad parameter is a 400 problem naming it. A transaction is found once ClickHouse has it, shortly
 * after its decision.
 */
@RestController
@RequestMapping(path = "/api/v1/transactions", produces = MediaType.APPLICATION_JSON_VALUE)
class TransactionSearchController {

    private final QueryGateway queries;

    TransactionSearchController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    TransactionSearchPage search(
            @RequestParam(required = false) String id,
            @RequestParam(required = false) String customerId,
            @RequestParam(required = false) String cardFingerprint,
            @RequestParam(required = false) String deviceId,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String ip,
            @RequestParam(required = false) String merchantId,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String patternId,
            @RequestParam(required = false) String label,
            @RequestParam(required = false) Double minScore,
            @RequestParam(required = false) Double maxScore,
            @RequestParam(required = false) Double minAmount,
            @RequestParam(required = false) Double maxAmount,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + FindTransactionsQuery.DEFAULT_SIZE) int size) {
        Instant now = Instant.now();
        MonitoringRules.time("from", from, now);
        MonitoringRules.time("to", to, now);
        FindTransactionsQuery query = new FindTransactionsQuery(
                id,
                customerId,
                cardFingerprint,
                deviceId,
                email,
                ip,
                merchantId,
                decision,
                patternId,
                label,
                minScore,
                maxScore,
                minAmount,
                maxAmount,
                from,
                to,
                SearchSort.parse("sort", sort),
                page,
                size);
        return queries.query(query, ResponseTypes.instanceOf(TransactionSearchPage.class))
                .join();
    }
}
