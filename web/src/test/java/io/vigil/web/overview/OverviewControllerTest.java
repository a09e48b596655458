package io.vigil.web.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.vigil.analytics.api.AlertPage;
import io.vigil.analytics.api.AlertSummary;
import io.vigil.analytics.api.DecisionTraffic;
import io.vigil.analytics.api.FindAlertsQuery;
import io.vigil.analytics.api.FindDecisionTrafficQuery;
import io.vigil.ingest.api.DecisionLatency;
import io.vigil.ingest.api.FindDecisionLatencyQuery;
import io.vigil.ingest.api.FindReviewQueueQuery;
import io.vigil.ingest.api.ReviewQueuePage;
import io.vigil.web.ConsoleMvcTestSupport;
import io.vigil.web.WithAndWithoutHtmx;
import io.vigil.web.config.ConsoleConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;

/** The overview, for every signed-in role, with and without htmx's HX-Request header (its 5-second refresh). */
@WebMvcTest(OverviewController.class)
@Import(ConsoleConfig.class)
class OverviewControllerTest extends ConsoleMvcTestSupport {

    private static DecisionTraffic anHour() {
        Instant now = Instant.now();
        long current = now.getEpochSecond() / 60 * 60;
        List<DecisionTraffic.Minute> minutes = new ArrayList<>();
        for (int i = 59; i >= 0; i--) {
            Instant minute = Instant.ofEpochSecond(current - i * 60L);
            // 600 decisions in the last complete minute: 10 a second
            minutes.add(
                    i == 1
                            ? new DecisionTraffic.Minute(minute, 540, 50, 10, 2)
                            : new DecisionTraffic.Minute(minute, 100, 0, 0, 0));
        }
        return new DecisionTraffic(minutes, List.of(new DecisionTraffic.PatternCount("p-card-velocity", 42)));
    }

    @WithAndWithoutHtmx
    void showsTheRateTheMixTheLatencyTheQueueAndTheAlerts(boolean htmx) throws Exception {
        answer(FindDecisionTrafficQuery.class, anHour());
        answer(FindDecisionLatencyQuery.class, new DecisionLatency(5_000, 0.9, 3.1, 8.2));
        answer(FindReviewQueueQuery.class, new ReviewQueuePage(List.of(), 0, 0, 1));
        answer(
                FindAlertsQuery.class,
                new AlertPage(
                        List.of(new AlertSummary(
                                "a-1",
                                1,
                                "auth",
                                "Authorization success",
                                Map.of("merchant", "m-42"),
                                "merchant=m-42",
                                "firing",
                                MINUTE,
                                MINUTE,
                                DROP,
                                false,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)),
                        1,
                        0,
                        5));

        String html = render(get("/overview"), htmx);

        assertShape(html, htmx, "Overview");
        assertThat(html)
                .contains("<span class=\"figure\">10.0</span>", "8.2 ms", "p50 <span>0.9</span>", "<span>3.1</span>")
                .contains("id=\"decisions-chart\"", "<rect class=\"approve\"", "<rect class=\"review\"")
                .contains("approve <span>6440</span>", "review <span>50</span>", "decline <span>10</span>")
                .contains("2 by the fallback rule", "p-card-velocity", ">42<", "Authorization success")
                .contains("merchant=m-42");
        if (!htmx) {
            assertThat(html).contains("hx-trigger=\"every 5s\"");
        }
    }

    @WithAndWithoutHtmx
    void aQuietVigilSaysWhatToDo(boolean htmx) throws Exception {
        answer(
                FindDecisionTrafficQuery.class,
                new DecisionTraffic(List.of(new DecisionTraffic.Minute(Instant.now(), 0, 0, 0, 0)), List.of()));
        answer(FindDecisionLatencyQuery.class, new DecisionLatency(0, 0, 0, 0));
        answer(FindReviewQueueQuery.class, new ReviewQueuePage(List.of(), 0, 0, 1));
        answer(FindAlertsQuery.class, new AlertPage(List.of(), 0, 0, 5));

        String html = render(get("/overview"), htmx);

        assertThat(html)
                .contains("No decision in the last hour", "no decision on this node in the last minute")
                .contains("No active pattern matched", "No open alert")
                .doesNotContain("id=\"decisions-chart\"");
    }

    @WithAndWithoutHtmx
    void everyRoleMaySeeIt(boolean htmx) throws Exception {
        signedIn = VIEWER;
        aQuietVigilSaysWhatToDo(htmx);
    }

    @org.junit.jupiter.api.Test
    void agesReadAsPeopleSayThem() {
        assertThat(OverviewView.age(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(OverviewView.age(Duration.ofMinutes(7))).isEqualTo("7 min");
        assertThat(OverviewView.age(Duration.ofMinutes(185))).isEqualTo("3 h 05 min");
        assertThat(OverviewView.age(Duration.ofHours(52))).isEqualTo("2 d 4 h");
    }
}
