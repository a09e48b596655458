package io.vigil.analytics.query;

import io.vigil.analytics.api.FindTransactionsQuery;
import io.vigil.analytics.api.TransactionSearchPage;
import io.vigil.analytics.api.search.TransactionSearch;
import io.vigil.analytics.config.ClickHouseSettings;
import io.vigil.analytics.store.ClickHouse;
import java.time.Clock;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers {@link FindTransactionsQuery} from ClickHouse's search tables, with the SQL of {@link TransactionSearch}. */
@Component
class TransactionSearchQueryHandler {

    private final ClickHouse clickHouse;
    private final TransactionSearch search;
    private final Clock clock = Clock.systemUTC();

    TransactionSearchQueryHandler(ClickHouse clickHouse, ClickHouseSettings settings) {
        this.clickHouse = clickHouse;
        this.search = new TransactionSearch(settings.database());
    }

    @QueryHandler
    TransactionSearchPage handle(FindTransactionsQuery query) throws Exception {
        return search.run(query, clock.instant(), clickHouse::textRows);
    }
}
