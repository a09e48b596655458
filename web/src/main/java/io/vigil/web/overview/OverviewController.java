package io.vigil.web.overview;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.vigil.analytics.api.AlertPage;
import io.vigil.analytics.api.DecisionTraffic;
import io.vigil.analytics.api.FindAlertsQuery;
import io.vigil.analytics.api.FindDecisionTrafficQuery;
import io.vigil.ingest.api.DecisionLatency;
import io.vigil.ingest.api.FindDecisionLatencyQuery;
import io.vigil.ingest.api.FindReviewQueueQuery;
import io.vigil.ingest.api.ReviewQueueOrder;
import io.vigil.ingest.api.ReviewQueuePage;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The overview: decisions per second and per minute over the last hour by kind, the decision mix, this node's
 * decision latency, open alerts, the review queue's size and age, and the patterns that matched most. The page
 * refreshes its body with htmx every 5 seconds.
 */
@Controller
@RequestMapping("/overview")
class OverviewController {

    static final int MINUTES = 60;
    private static final String PAGE = "overview/overview";

    private final QueryGateway queries;
    private final Clock clock;

    @Autowired
    OverviewController(QueryGateway queries) {
        this(queries, Clock.systemUTC());
    }

    OverviewController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping
    String page(Model model) {
        fill(model);
        return PAGE;
    }

    @HxRequest
    @GetMapping
    String body(Model model) {
        fill(model);
        return PAGE + " :: content";
    }

    private void fill(Model model) {
        DecisionTraffic traffic = queries.query(
                        new FindDecisionTrafficQuery(MINUTES), ResponseTypes.instanceOf(DecisionTraffic.class))
                .join();
        DecisionLatency latency = queries.query(
                        new FindDecisionLatencyQuery(), ResponseTypes.instanceOf(DecisionLatency.class))
                .join();
        ReviewQueuePage queue = queries.query(
                        new FindReviewQueueQuery(null, null, null, null, ReviewQueueOrder.OLDEST, 0, 1),
                        ResponseTypes.instanceOf(ReviewQueuePage.class))
                .join();
        AlertPage alerts = queries.query(
                        new FindAlertsQuery("open", null, null, null, null, null, 0, 5),
                        ResponseTypes.instanceOf(AlertPage.class))
                .join();
        model.addAttribute("view", OverviewView.of(traffic, clock.instant()));
        model.addAttribute("latency", latency);
        model.addAttribute("queueSize", queue.total());
        model.addAttribute(
                "queueOldest",
                queue.items().isEmpty()
                        ? null
                        : OverviewView.age(Duration.between(queue.items().get(0).decidedAt(), clock.instant())));
        model.addAttribute("alerts", alerts);
    }
}
