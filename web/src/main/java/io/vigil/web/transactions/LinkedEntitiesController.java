package io.vigil.web.transactions;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.vigil.analytics.api.FindLinkedEntitiesQuery;
import io.vigil.analytics.api.LinkedEntities;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A transaction's linked entities: the customers, cards, devices, e-mails and IPs within two hops over the 30 days up
 * to it, as a graph (drawn by {@code /js/link-graph.js} with ECharts) and a table with the fraud labelled around them.
 * The transaction page loads the fragment with htmx once it is shown, so ClickHouse's answer never holds the page.
 */
@Controller
class LinkedEntitiesController {

    private static final String PAGE = "transactions/linked";

    private final QueryGateway queries;

    LinkedEntitiesController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/transactions/{id}/linked")
    String page(@PathVariable String id, Model model) {
        fill(id, model);
        return PAGE;
    }

    @HxRequest
    @GetMapping("/transactions/{id}/linked")
    String fragment(@PathVariable String id, Model model) {
        fill(id, model);
        return PAGE + " :: linked";
    }

    private void fill(String id, Model model) {
        LinkedEntities linked = queries.query(
                        new FindLinkedEntitiesQuery(id), ResponseTypes.instanceOf(LinkedEntities.class))
                .join();
        model.addAttribute("transactionId", id);
        model.addAttribute("linked", linked);
        model.addAttribute("graph", LinkGraph.json(linked));
        model.addAttribute("rows", LinkGraph.rows(linked));
    }
}
