package io.vigil.web.transactions;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.vigil.analytics.api.FindLatestTransactionsQuery;
import io.vigil.analytics.api.LatestTransactions;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's start page: live traffic, newest first, refreshed by htmx every two seconds. */
@Controller
class TransactionsController {

    static final int PAGE_SIZE = 50;

    private final QueryGateway queries;

    TransactionsController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/")
    String page(Model model) {
        model.addAttribute("transactions", latest().transactions());
        return "transactions/list";
    }

    @HxRequest
    @GetMapping("/")
    String table(Model model) {
        model.addAttribute("transactions", latest().transactions());
        return "transactions/list :: table";
    }

    private LatestTransactions latest() {
        return queries.query(
                        new FindLatestTransactionsQuery(PAGE_SIZE), ResponseTypes.instanceOf(LatestTransactions.class))
                .join();
    }
}
