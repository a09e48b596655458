package io.vigil.web.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.vigil.analytics.api.Breakdown;
import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.FindBreakdownQuery;
import io.vigil.analytics.api.FindMonitorsQuery;
import io.vigil.analytics.api.MetricKind;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.MonitorList;
import io.vigil.analytics.api.MonitorRejectedException;
import io.vigil.analytics.api.MonitorStatus;
import io.vigil.analytics.api.MonitorSummary;
import io.vigil.analytics.api.Sensitivity;
import io.vigil.web.ConsoleMvcTestSupport;
import io.vigil.web.WithAndWithoutHtmx;
import io.vigil.web.config.ConsoleConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;

/** The drill-down of one series: its chart and the breakdown by each other dimension, with and without htmx. */
@WebMvcTest(SeriesController.class)
@Import(ConsoleConfig.class)
class SeriesControllerTest extends ConsoleMvcTestSupport {

    @WithAndWithoutHtmx
    void theDrillDownShowsTheChartAndABreakdownByEachOtherDimension(boolean htmx) throws Exception {
        answerMonitor(AUTH);
        answerBreakdowns();

        String html = render(
                get("/monitors/mon-auth/series")
                        .param("country", "SE")
                        .param("merchant", "m-1")
                        .param("paymentMethod", "")
                        .param("minute", "2026-11-23T10:15:42Z"),
                htmx);

        assertShape(html, htmx, "Monitors");
        assertThat(html)
                .contains(
                        ">Authorization success by merchant<",
                        ">authorization success rate<",
                        "2026-11-23 10:15",
                        "<img src=\"/charts/series.png?monitor=mon-auth&amp;merchant=m-1&amp;country=SE"
                                + "&amp;minute=2026-11-23T10:15:00Z\"");

        List<FindBreakdownQuery> breakdowns = queriedAll(FindBreakdownQuery.class);
        assertThat(breakdowns)
                .extracting(FindBreakdownQuery::dimension)
                .containsExactly("paymentMethod", "channel", "browser", "deviceType");
        assertThat(breakdowns).allSatisfy(q -> {
            assertThat(q.monitorId()).isEqualTo("mon-auth");
            assertThat(q.series()).containsExactly(Map.entry("merchant", "m-1"), Map.entry("country", "SE"));
            assertThat(q.minute()).isEqualTo(MINUTE);
        });

        assertThat(html).contains(">By browser<", ">By channel<").doesNotContain("By paymentMethod", "By deviceType");
        String chrome = rowOf(section(html, ">By browser<"), ">chrome<");
        assertThat(chrome).contains(">0.410<", ">100<", ">0.900<", ">98<", ">-0.490<");
    }

    @WithAndWithoutHtmx
    void theChartLinkEncodesTheSeriesValues(boolean htmx) throws Exception {
        answerMonitor(AUTH);
        answerBreakdowns();

        String html = render(
                get("/monitors/mon-auth/series")
                        .param("merchant", "m&1=a+b")
                        .param("country", "S E")
                        .param("minute", "2026-11-23T10:15:00Z"),
                htmx);

        assertThat(html)
                .contains("<img src=\"/charts/series.png?monitor=mon-auth&amp;merchant=m%261%3Da%2Bb&amp;country=S%20E"
                        + "&amp;minute=2026-11-23T10:15:00Z\"");
    }

    @WithAndWithoutHtmx
    void theDrillDownLeavesOutTheDimensionsTheMonitorIsLimitedTo(boolean htmx) throws Exception {
        MonitorSummary webOnly = new MonitorSummary(
                "mon-web",
                new MonitorDefinition(
                        "Web checkout by merchant",
                        "",
                        MetricKind.CONVERSION,
                        "order",
                        null,
                        List.of(Dimension.MERCHANT),
                        Map.of(Dimension.CHANNEL, "web"),
                        Direction.DROP,
                        Sensitivity.LOW,
                        0),
                MonitorStatus.ACTIVE,
                MINUTE,
                "console");
        answerMonitor(webOnly);
        answerBreakdowns();

        render(get("/monitors/mon-web/series").param("merchant", "m-1"), htmx);

        List<FindBreakdownQuery> breakdowns = queriedAll(FindBreakdownQuery.class);
        assertThat(breakdowns)
                .extracting(FindBreakdownQuery::dimension)
                .containsExactly("country", "paymentMethod", "browser", "deviceType");
        assertThat(breakdowns)
                .extracting(FindBreakdownQuery::minute)
                .allSatisfy(minute -> assertThat(minute.getEpochSecond() % 60).isZero());
    }

    @WithAndWithoutHtmx
    @SuppressWarnings("unchecked")
    void aMinuteWithoutTrafficSaysThereIsNothingToSplit(boolean htmx) throws Exception {
        answerMonitor(AUTH);
        given(queries.query(any(FindBreakdownQuery.class), any(ResponseType.class)))
                .willAnswer(invocation -> CompletableFuture.completedFuture(new Breakdown(
                        invocation.<FindBreakdownQuery>getArgument(0).dimension(), true, List.of())));

        String html = render(get("/monitors/mon-auth/series").param("merchant", "m-1"), htmx);

        assertShape(html, htmx, "Monitors");
        assertThat(html).contains("No traffic in this minute or the same").doesNotContain("<table");
    }

    @WithAndWithoutHtmx
    void aMinuteWithTrafficDoesNotSayThereIsNone(boolean htmx) throws Exception {
        answerMonitor(AUTH);
        answerBreakdowns();

        String html = render(get("/monitors/mon-auth/series").param("merchant", "m-1"), htmx);

        assertThat(html).contains(">By browser<").doesNotContain("No traffic in this minute");
    }

    @WithAndWithoutHtmx
    @SuppressWarnings("unchecked")
    void anUnknownMonitorIsExplained(boolean htmx) throws Exception {
        given(queries.query(eq(FindMonitorsQuery.one("mon-gone")), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(new MonitorList(List.of())));

        String html = render(get("/monitors/mon-gone/series").param("merchant", "m-1"), htmx);

        assertShape(html, htmx, "Monitors");
        assertThat(html)
                .contains("role=\"alert\"", "There is no monitor mon-gone.")
                .doesNotContain("<img");
        assertThat(queriedAll(FindBreakdownQuery.class)).isEmpty();
    }

    @WithAndWithoutHtmx
    @SuppressWarnings("unchecked")
    void aBreakdownOverItsValueCapIsExplainedAndTheOthersStillShow(boolean htmx) throws Exception {
        answerMonitor(AUTH);
        given(queries.query(any(FindBreakdownQuery.class), any(ResponseType.class)))
                .willAnswer(invocation -> {
                    FindBreakdownQuery query = invocation.getArgument(0);
                    if (query.dimension().equals("browser")) {
                        return CompletableFuture.failedFuture(
                                new MonitorRejectedException(List.of("the breakdown has more than 10000 values")));
                    }
                    List<Breakdown.Row> rows = query.dimension().equals("channel")
                            ? List.of(new Breakdown.Row("web", 0.5, 140, 0.9, 138))
                            : List.of();
                    return CompletableFuture.completedFuture(new Breakdown(query.dimension(), true, rows));
                });

        String html = render(
                get("/monitors/mon-auth/series")
                        .param("country", "SE")
                        .param("merchant", "m-1")
                        .param("minute", "2026-11-23T10:15:42Z"),
                htmx);

        assertShape(html, htmx, "Monitors");
        assertThat(html)
                .contains("No breakdown by browser: ", "the breakdown has more than 10000 values")
                .contains(">By channel<")
                .doesNotContain(">By browser<");
    }

    @SuppressWarnings("unchecked")
    private void answerMonitor(MonitorSummary monitor) {
        given(queries.query(eq(FindMonitorsQuery.one(monitor.monitorId())), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(new MonitorList(List.of(monitor))));
    }

    @SuppressWarnings("unchecked")
    private void answerBreakdowns() {
        given(queries.query(any(FindBreakdownQuery.class), any(ResponseType.class)))
                .willAnswer(invocation -> {
                    FindBreakdownQuery query = invocation.getArgument(0);
                    List<Breakdown.Row> rows = switch (query.dimension()) {
                        case "browser" ->
                            List.of(
                                    new Breakdown.Row("chrome", 0.41, 100, 0.9, 98),
                                    new Breakdown.Row("safari", 0.88, 40, Double.NaN, 0));
                        case "channel" -> List.of(new Breakdown.Row("web", 0.5, 140, 0.9, 138));
                        default -> List.of();
                    };
                    return CompletableFuture.completedFuture(new Breakdown(query.dimension(), true, rows));
                });
    }
}
