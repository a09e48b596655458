package io.vigil.web.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.vigil.analytics.api.AcknowledgeAlertCommand;
import io.vigil.analytics.api.AlertPage;
import io.vigil.analytics.api.AlertStateException;
import io.vigil.analytics.api.AlertSummary;
import io.vigil.analytics.api.AnomalousSeries;
import io.vigil.analytics.api.BacktestMonitorQuery;
import io.vigil.analytics.api.BacktestResult;
import io.vigil.analytics.api.Breakdown;
import io.vigil.analytics.api.CreateMonitorCommand;
import io.vigil.analytics.api.DeleteMonitorCommand;
import io.vigil.analytics.api.DeliveryList;
import io.vigil.analytics.api.DeliveryStatus;
import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.FindAlertsQuery;
import io.vigil.analytics.api.FindAnomaliesQuery;
import io.vigil.analytics.api.FindBreakdownQuery;
import io.vigil.analytics.api.FindDeliveriesQuery;
import io.vigil.analytics.api.FindMonitorsQuery;
import io.vigil.analytics.api.MetricKind;
import io.vigil.analytics.api.MonitorAnomalies;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.MonitorList;
import io.vigil.analytics.api.MonitorRejectedException;
import io.vigil.analytics.api.MonitorStatus;
import io.vigil.analytics.api.MonitorSummary;
import io.vigil.analytics.api.Observation;
import io.vigil.analytics.api.PauseMonitorCommand;
import io.vigil.analytics.api.ResolveAlertCommand;
import io.vigil.analytics.api.ResumeMonitorCommand;
import io.vigil.analytics.api.RetryDeliveryCommand;
import io.vigil.analytics.api.Sensitivity;
import io.vigil.analytics.api.SilenceAlertCommand;
import io.vigil.analytics.api.UnsilenceAlertCommand;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The monitoring pages of the console: monitors, alerts and the drill-down of one series. Pages are requested with
 * and without htmx's HX-Request header; the forms post only through htmx, so their cases carry the header.
 */
@WebMvcTest(MonitoringController.class)
class MonitoringControllerTest {

    /** Runs a case twice: as a full page load and as an htmx request. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ParameterizedTest(name = "HX-Request: {0}")
    @ValueSource(booleans = {false, true})
    @interface WithAndWithoutHtmx {}

    private static final Instant MINUTE = Instant.parse("2026-11-23T10:15:00Z");

    private static final MonitorSummary AUTH = new MonitorSummary(
            "mon-auth",
            new MonitorDefinition(
                    "Authorization success by merchant",
                    "",
                    MetricKind.CONVERSION,
                    "authorization",
                    null,
                    List.of(Dimension.MERCHANT, Dimension.COUNTRY),
                    Map.of(),
                    Direction.DROP,
                    Sensitivity.MEDIUM,
                    0),
            MonitorStatus.ACTIVE,
            MINUTE.minus(Duration.ofDays(2)),
            "console");

    private static final MonitorSummary DECLINES = new MonitorSummary(
            "mon-declines",
            new MonitorDefinition(
                    "Declines by payment method",
                    "",
                    MetricKind.COUNT,
                    "authorization",
                    null,
                    List.of(Dimension.PAYMENT_METHOD),
                    Map.of(),
                    Direction.SPIKE,
                    Sensitivity.HIGH,
                    20),
            MonitorStatus.PAUSED,
            MINUTE.minus(Duration.ofDays(1)),
            "alice");

    private static final Observation DROP = new Observation(0.412, 0.9, Observation.YESTERDAY, 0.0001, 87, 340);

    private static final MonitorAnomalies ONE_ANOMALY = new MonitorAnomalies(
            MINUTE,
            Map.of("mon-auth", 12),
            List.of(new AnomalousSeries("mon-auth", series("merchant", "m-1", "country", "SE"), MINUTE, DROP)));

    private static final MonitorAnomalies NO_ANOMALIES = new MonitorAnomalies(null, Map.of(), List.of());

    private static final AlertSummary FIRING = new AlertSummary(
            "a-1",
            1,
            "mon-auth",
            "Authorization success by merchant",
            series("merchant", "m-1", "country", "SE"),
            "merchant=m-1, country=SE",
            "firing",
            MINUTE,
            MINUTE.plusSeconds(62),
            DROP,
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    private static final AlertSummary ACKNOWLEDGED_AND_SILENCED = new AlertSummary(
            "a-2",
            3,
            "mon-auth",
            "Authorization success by merchant",
            series("merchant", "m-7"),
            "merchant=m-7",
            "acknowledged",
            MINUTE,
            MINUTE.plusSeconds(61),
            DROP,
            true,
            "silenced by alice: deploy in progress",
            "alice",
            MINUTE.plusSeconds(120),
            null,
            null,
            null,
            "until 2026-11-23 12:00 UTC");

    private static final AlertSummary RESOLVED_BY_HAND = new AlertSummary(
            "a-3",
            1,
            "mon-declines",
            "Declines by payment method",
            series("paymentMethod", "card"),
            "paymentMethod=card",
            "resolved",
            MINUTE.minus(Duration.ofHours(1)),
            MINUTE.minus(Duration.ofHours(1)),
            DROP,
            false,
            null,
            null,
            null,
            MINUTE.minus(Duration.ofMinutes(30)),
            "bob",
            false,
            null);

    private static final AlertSummary RECOVERED = new AlertSummary(
            "a-4",
            2,
            "mon-declines",
            "Declines by payment method",
            series("paymentMethod", "wallet"),
            "paymentMethod=wallet",
            "resolved",
            MINUTE.minus(Duration.ofHours(2)),
            MINUTE.minus(Duration.ofHours(2)),
            DROP,
            false,
            null,
            null,
            null,
            MINUTE.minus(Duration.ofMinutes(90)),
            null,
            true,
            null);

    private static final DeliveryStatus FAILED = new DeliveryStatus(
            "d-1",
            "a-1",
            1,
            "firing",
            "https://hooks.example/ops",
            "slack",
            "failed",
            5,
            500,
            "HTTP 500 from hooks.example: internal_error",
            MINUTE.plusSeconds(63),
            null,
            null);

    private static final DeliveryStatus DELIVERED = new DeliveryStatus(
            "d-2",
            "a-2",
            3,
            "firing",
            "https://pager.example/hook",
            "webhook",
            "delivered",
            1,
            200,
            null,
            MINUTE.plusSeconds(62),
            MINUTE.plusSeconds(62),
            null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QueryGateway queries;

    @MockitoBean
    CommandGateway commands;

    // ---- monitors

    @WithAndWithoutHtmx
    void listsTheMonitorsAndTheSeriesAnomalousNow(boolean htmx) throws Exception {
        answer(FindMonitorsQuery.class, new MonitorList(List.of(AUTH, DECLINES)));
        answer(FindAnomaliesQuery.class, ONE_ANOMALY);

        String html = render(get("/monitors"), htmx);

        assertShape(html, htmx, "Monitors");
        assertThat(html).contains("Minute evaluated last:", "2026-11-23 10:15");
        String anomalies = section(html, "id=\"anomalies\"");
        assertThat(anomalies)
                .contains(
                        ">Authorization success by merchant<",
                        "href=\"/monitors/mon-auth/series?minute=2026-11-23T10:15:00Z&amp;merchant=m-1&amp;country=SE",
                        "merchant=m-1, country=SE",
                        ">0.412<",
                        ">0.900<",
                        ">yesterday<",
                        ">87<");

        String auth = rowOf(html, "data-monitor-id=\"mon-auth\"");
        assertThat(auth)
                .contains(
                        ">Authorization success by merchant<",
                        ">authorization success rate<",
                        ">merchant, country<",
                        ">medium<",
                        ">12<",
                        ">active<",
                        "hx-post=\"/monitors/mon-auth/pause\"",
                        "hx-post=\"/monitors/mon-auth/delete\"",
                        "hx-get=\"/monitors/mon-auth/backtest?days=7\"")
                .doesNotContain("/resume");
        String declines = rowOf(html, "data-monitor-id=\"mon-declines\"");
        assertThat(declines)
                .contains(
                        ">Declines by payment method<",
                        ">authorization count<",
                        ">paymentMethod<",
                        ">high<",
                        ">–<",
                        ">paused<",
                        "hx-post=\"/monitors/mon-declines/resume\"",
                        "hx-post=\"/monitors/mon-declines/delete\"")
                .doesNotContain("/pause");

        if (htmx) {
            assertThat(html).doesNotContain("Create monitor");
        } else {
            assertThat(html).contains("hx-post=\"/monitors\"", "Create monitor");
            for (Dimension d : Dimension.values()) {
                assertThat(html).contains("name=\"dimensions\" value=\"" + d.wireName() + "\"");
            }
        }
    }

    @WithAndWithoutHtmx
    @SuppressWarnings("unchecked")
    void aBacktestListsTheAlertsTheMonitorWouldHaveRaised(boolean htmx) throws Exception {
        answerMonitorsPage();
        given(queries.query(eq(FindMonitorsQuery.one("mon-auth")), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(new MonitorList(List.of(AUTH))));
        answer(
                BacktestMonitorQuery.class,
                new BacktestResult(
                        10_080,
                        12,
                        List.of(
                                new BacktestResult.Incident(
                                        series("merchant", "m-1", "country", "SE"),
                                        MINUTE,
                                        MINUTE.plus(Duration.ofMinutes(15)),
                                        DROP),
                                new BacktestResult.Incident(
                                        series("merchant", "m-2", "country", "DE"),
                                        MINUTE.plus(Duration.ofHours(1)),
                                        null,
                                        DROP)),
                        null));
        Instant before = Instant.now().truncatedTo(ChronoUnit.MINUTES);

        String html = render(get("/monitors/mon-auth/backtest").param("days", "30"), htmx);

        assertShape(html, htmx, "Monitors");
        String backtest = html.substring(html.indexOf("id=\"backtest\""));
        assertThat(backtest)
                .contains(
                        "Authorization success by merchant",
                        "last <span>7</span> days",
                        ">10080<",
                        ">12<",
                        "merchant=m-1, country=SE",
                        "2026-11-23 10:15",
                        "2026-11-23 10:30",
                        "merchant=m-2, country=DE",
                        "still open",
                        ">0.412<",
                        ">0.900<",
                        ">yesterday<");
        BacktestMonitorQuery query = queried(BacktestMonitorQuery.class);
        assertThat(query.monitorId()).isEqualTo("mon-auth");
        assertThat(query.definition()).isNull();
        assertThat(Duration.between(query.from(), query.to())).isEqualTo(Duration.ofDays(7));
        assertThat(query.to())
                .isBetween(before, Instant.now())
                .isEqualTo(query.to().truncatedTo(ChronoUnit.MINUTES));
        if (htmx) {
            assertThat(html).doesNotContain("id=\"monitor-list\"");
        } else {
            assertThat(html).contains("id=\"monitor-list\"", "Create monitor");
        }
    }

    @WithAndWithoutHtmx
    void aBacktestThatCannotRunSaysWhy(boolean htmx) throws Exception {
        answerMonitorsPage();
        answer(BacktestMonitorQuery.class, new BacktestResult(0, 0, List.of(), "no monitor mon-gone"));

        String html = render(get("/monitors/mon-gone/backtest"), htmx);

        assertThat(html)
                .contains("role=\"alert\"", "The backtest could not run: no monitor mon-gone")
                .doesNotContain("id=\"backtest-incidents\"", "would have raised no alert");
    }

    @WithAndWithoutHtmx
    void withoutMonitorsOrAnomaliesExplainsWhatToDo(boolean htmx) throws Exception {
        answer(FindMonitorsQuery.class, new MonitorList(List.of()));
        answer(FindAnomaliesQuery.class, NO_ANOMALIES);

        String html = render(get("/monitors"), htmx);

        assertShape(html, htmx, "Monitors");
        assertThat(html)
                .contains("No series is anomalous in the last evaluated minute.", "No monitors yet.")
                .doesNotContain("Minute evaluated last", "id=\"anomalies\"", "id=\"monitor-list\"");
    }

    @Test
    void aValidFormCreatesTheMonitorItDescribes() throws Exception {
        answerMonitorsPage();

        String html = render(
                post("/monitors")
                        .param("name", "Funnel from session to order")
                        .param("metric", "funnel")
                        .param("operation", "session")
                        .param("toOperation", "order")
                        .param("dimensions", "country", "merchant", "browser")
                        .param("sensitivity", "high")
                        .param("direction", "")
                        .param("minVolume", "50"),
                true);

        CreateMonitorCommand command = sent(CreateMonitorCommand.class);
        assertThat(command.monitorId()).startsWith("mon-");
        assertThat(command.by()).isEqualTo("console");
        MonitorDefinition definition = command.definition();
        assertThat(definition.name()).isEqualTo("Funnel from session to order");
        assertThat(definition.metric()).isEqualTo(MetricKind.FUNNEL);
        assertThat(definition.operation()).isEqualTo("session");
        assertThat(definition.toOperation()).isEqualTo("order");
        assertThat(definition.dimensions()).containsExactly(Dimension.COUNTRY, Dimension.MERCHANT, Dimension.BROWSER);
        assertThat(definition.filter()).isEmpty();
        assertThat(definition.direction()).isEqualTo(Direction.DROP);
        assertThat(definition.sensitivity()).isEqualTo(Sensitivity.HIGH);
        assertThat(definition.minVolume()).isEqualTo(50);
        assertThat(definition.problems()).isEmpty();

        assertShape(html, true, "Monitors");
        assertThat(html)
                .contains("Funnel from session to order", "created; it is evaluated from the next minute.")
                .doesNotContain("role=\"alert\"");
    }

    @Test
    void aCountMonitorWatchesBothWaysUnlessTheFormSaysOtherwise() throws Exception {
        answerMonitorsPage();

        render(
                post("/monitors")
                        .param("name", "Sessions")
                        .param("metric", "count")
                        .param("operation", "session"),
                true);
        MonitorDefinition byDefault = sent(CreateMonitorCommand.class).definition();
        assertThat(byDefault.direction()).isEqualTo(Direction.BOTH);
        assertThat(byDefault.sensitivity()).isEqualTo(Sensitivity.MEDIUM);
        assertThat(byDefault.dimensions()).isEmpty();
        assertThat(byDefault.toOperation()).isNull();

        clearInvocations(commands);
        render(
                post("/monitors")
                        .param("name", "Sessions")
                        .param("metric", "count")
                        .param("operation", "session")
                        .param("direction", "spike"),
                true);
        assertThat(sent(CreateMonitorCommand.class).definition().direction()).isEqualTo(Direction.SPIKE);
    }

    @Test
    void aDefinitionTheMonitorRejectsShowsItsProblems() throws Exception {
        answerMonitorsPage();
        willThrow(new MonitorRejectedException(List.of(
                        "a funnel needs toOperation, one of session, authorization, order", "at most 4 dimensions")))
                .given(commands)
                .sendAndWait(any());

        String html = render(
                post("/monitors")
                        .param("name", "Broken funnel")
                        .param("metric", "funnel")
                        .param("operation", "session")
                        .param("dimensions", "merchant", "country", "browser", "channel", "deviceType"),
                true);

        assertShape(html, true, "Monitors");
        assertThat(html)
                .contains(
                        "role=\"alert\"",
                        "The monitor was not created: a funnel needs toOperation, one of session,"
                                + " authorization, order; at most 4 dimensions.")
                .doesNotContain("created; it is evaluated");
        assertThat(rowOf(html, "data-monitor-id=\"mon-auth\"")).contains("Authorization success by merchant");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            metric      | ratio    | metric 'ratio' is unknown; use count, conversion or funnel
            dimensions  | region   | dimension 'region' is unknown; use one of merchant, country
            sensitivity | extreme  | unknown sensitivity 'extreme'; valid values: low, medium, high
            direction   | sideways | unknown direction 'sideways'; valid values: drop, spike, both
            """)
    void aFormWithAnUnknownValueIsExplainedAndSendsNothing(String field, String value, String explanation)
            throws Exception {
        answerMonitorsPage();
        Map<String, String> form = new LinkedHashMap<>(
                Map.of("name", "Auth", "metric", "conversion", "operation", "authorization", "dimensions", "merchant"));
        form.put(field, value);
        MockHttpServletRequestBuilder request = post("/monitors");
        form.forEach(request::param);

        String html = render(request, true);

        verifyNoInteractions(commands);
        assertShape(html, true, "Monitors");
        assertThat(html)
                .contains("role=\"alert\"", "The monitor was not created: " + HtmlUtils.htmlEscape(explanation));
        assertThat(html).doesNotContain("No enum constant", "created; it is evaluated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pause", "resume", "delete"})
    void aMonitorButtonSendsItsCommand(String action) throws Exception {
        answerMonitorsPage();

        String html = render(post("/monitors/mon-auth/" + action), true);

        Object expected = switch (action) {
            case "pause" -> new PauseMonitorCommand("mon-auth", "console");
            case "resume" -> new ResumeMonitorCommand("mon-auth", "console");
            default -> new DeleteMonitorCommand("mon-auth", "console");
        };
        assertThat(sent(Object.class)).isEqualTo(expected);
        assertShape(html, true, "Monitors");
        assertThat(html).contains("data-monitor-id=\"mon-auth\"").doesNotContain("role=\"alert\"");
    }

    @Test
    void aMonitorActionTheMonitorRejectsIsExplained() throws Exception {
        answerMonitorsPage();
        willThrow(new MonitorRejectedException(List.of("monitor mon-auth is deleted")))
                .given(commands)
                .sendAndWait(any());

        String html = render(post("/monitors/mon-auth/resume"), true);

        assertShape(html, true, "Monitors");
        assertThat(html).contains("role=\"alert\"", "monitor mon-auth is deleted");
    }

    @Test
    void anUnknownMonitorActionSendsNothing() throws Exception {
        answerMonitorsPage();

        String html = render(post("/monitors/mon-auth/archive"), true);

        verifyNoInteractions(commands);
        assertThat(html).contains("role=\"alert\"", "Unknown action archive");
    }

    // ---- alerts

    @WithAndWithoutHtmx
    void listsAlertsWithTheirStateSilenceAndActions(boolean htmx) throws Exception {
        answer(
                FindAlertsQuery.class,
                new AlertPage(List.of(FIRING, ACKNOWLEDGED_AND_SILENCED, RESOLVED_BY_HAND, RECOVERED), 4, 0, 50));
        answer(FindDeliveriesQuery.class, new DeliveryList(List.of(FAILED, DELIVERED)));

        String html = render(get("/alerts"), htmx);

        assertShape(html, htmx, "Alerts");
        assertThat(html).contains("4 alerts, page 1 of 1");

        String firing = rowOf(html, "data-alert-id=\"a-1\"");
        assertThat(firing)
                .contains(
                        "2026-11-23 10:16:02",
                        ">Authorization success by merchant<",
                        "href=\"/monitors/mon-auth/series?minute=2026-11-23T10:15:00Z&amp;merchant=m-1&amp;country=SE",
                        ">merchant=m-1, country=SE</a>",
                        "class=\"state firing\"",
                        ">0.412<",
                        ">0.900<",
                        ">87<",
                        "href=\"/charts/alert.png?id=a-1&amp;incident=1\"",
                        "value=\"acknowledge\">Acknowledge<",
                        "value=\"resolve\">Resolve<",
                        "value=\"silence-1h\"",
                        "value=\"silence-resolved\"")
                .doesNotContain("value=\"unsilence\"", ">silenced<");

        String acknowledged = rowOf(html, "data-alert-id=\"a-2\"");
        assertThat(acknowledged)
                .contains(
                        "class=\"state acknowledged\"",
                        ">merchant=m-7</a>",
                        "title=\"silenced by alice: deploy in progress\">silenced<",
                        ">until 2026-11-23 12:00 UTC<",
                        "value=\"resolve\"",
                        "value=\"unsilence\">Unsilence<")
                .doesNotContain("value=\"acknowledge\"", "value=\"silence-1h\"", "value=\"silence-resolved\"");

        String resolved = rowOf(html, "data-alert-id=\"a-3\"");
        assertThat(resolved)
                .contains("class=\"state resolved\"", ">paymentMethod=card</a>", ">resolved by bob<")
                .doesNotContain("<button", "<form");
        String recovered = rowOf(html, "data-alert-id=\"a-4\"");
        assertThat(recovered).contains(">recovered<").doesNotContain("<button", "<form");

        String deliveries = section(html, "id=\"deliveries\"");
        String failed = rowOf(deliveries, ">a-1 #1<");
        assertThat(failed)
                .contains(
                        ">slack https://hooks.example/ops<",
                        "class=\"delivery failed\"",
                        ">5<",
                        ">HTTP 500 from hooks.example: internal_error<",
                        "name=\"deliveryId\" value=\"d-1\"",
                        "value=\"retry\">Send again<");
        String delivered = rowOf(deliveries, ">a-2 #3<");
        assertThat(delivered).contains("class=\"delivery delivered\"").doesNotContain("Send again", "<form");
    }

    @WithAndWithoutHtmx
    void withoutAlertsOrDeliveriesSaysSo(boolean htmx) throws Exception {
        answer(FindAlertsQuery.class, new AlertPage(List.of(), 0, 0, 50));
        answer(FindDeliveriesQuery.class, new DeliveryList(List.of()));

        String html = render(get("/alerts"), htmx);

        assertShape(html, htmx, "Alerts");
        assertThat(html)
                .contains("No alerts match.", "No notifications sent yet", "vigil.monitoring.routes")
                .doesNotContain("id=\"alert-list\"", "id=\"deliveries\"");
    }

    @WithAndWithoutHtmx
    void theFiltersChooseTheAlertsAsked(boolean htmx) throws Exception {
        answer(FindAlertsQuery.class, new AlertPage(List.of(), 0, 0, 50));
        answer(FindDeliveriesQuery.class, new DeliveryList(List.of()));

        render(get("/alerts"), htmx);
        FindAlertsQuery byDefault = queried(FindAlertsQuery.class);
        assertThat(byDefault.state()).isEqualTo("open");
        assertThat(byDefault.text()).isNull();
        assertThat(byDefault.page()).isZero();

        clearInvocations(queries);
        String html = render(get("/alerts").param("state", "acknowledged").param("q", "m-7"), htmx);
        FindAlertsQuery acknowledged = queried(FindAlertsQuery.class);
        assertThat(acknowledged.state()).isEqualTo("acknowledged");
        assertThat(acknowledged.text()).isEqualTo("m-7");
        if (!htmx) {
            assertThat(html).contains("value=\"acknowledged\" selected", "name=\"q\" value=\"m-7\"");
        }

        clearInvocations(queries);
        render(get("/alerts").param("state", "all").param("page", "2"), htmx);
        FindAlertsQuery all = queried(FindAlertsQuery.class);
        assertThat(all.state()).as("all states").isNull();
        assertThat(all.page()).isEqualTo(2);
    }

    @Test
    void acknowledgeSendsAnAcknowledgementByTheConsole() throws Exception {
        answerAlertsPage();
        Instant before = Instant.now();

        String html = alertAction("acknowledge");

        AcknowledgeAlertCommand command = sent(AcknowledgeAlertCommand.class);
        assertThat(command.alertId()).isEqualTo("a-1");
        assertThat(command.by()).isEqualTo("console");
        assertThat(command.note()).isNull();
        assertThat(command.at()).isBetween(before, Instant.now());
        assertShape(html, true, "Alerts");
        assertThat(html).doesNotContain("role=\"alert\"");
        FindAlertsQuery reloaded = queried(FindAlertsQuery.class);
        assertThat(reloaded.state()).as("the filters are kept").isEqualTo("firing");
        assertThat(reloaded.text()).isEqualTo("SE");
    }

    @Test
    void resolveSendsAResolution() throws Exception {
        answerAlertsPage();
        Instant before = Instant.now();

        alertAction("resolve");

        ResolveAlertCommand command = sent(ResolveAlertCommand.class);
        assertThat(command.alertId()).isEqualTo("a-1");
        assertThat(command.by()).isEqualTo("console");
        assertThat(command.at()).isBetween(before, Instant.now());
    }

    @Test
    void silenceForAnHourSilencesUntilAnHourFromNow() throws Exception {
        answerAlertsPage();
        Instant before = Instant.now();

        alertAction("silence-1h");

        SilenceAlertCommand command = sent(SilenceAlertCommand.class);
        assertThat(command.alertId()).isEqualTo("a-1");
        assertThat(command.by()).isEqualTo("console");
        assertThat(command.at()).isBetween(before, Instant.now());
        assertThat(command.until()).isNotNull();
        assertThat(Duration.between(command.at(), command.until()))
                .isCloseTo(Duration.ofHours(1), Duration.ofSeconds(5));
        assertThat(command.untilResolved()).isFalse();
        assertThat(command.window()).isNull();
    }

    @Test
    void silenceUntilResolvedSilencesTheOpenIncident() throws Exception {
        answerAlertsPage();

        alertAction("silence-resolved");

        SilenceAlertCommand command = sent(SilenceAlertCommand.class);
        assertThat(command.alertId()).isEqualTo("a-1");
        assertThat(command.untilResolved()).isTrue();
        assertThat(command.until()).isNull();
        assertThat(command.window()).isNull();
    }

    @Test
    void unsilenceLiftsTheSilence() throws Exception {
        answerAlertsPage();

        alertAction("unsilence");

        UnsilenceAlertCommand command = sent(UnsilenceAlertCommand.class);
        assertThat(command.alertId()).isEqualTo("a-1");
        assertThat(command.by()).isEqualTo("console");
    }

    @Test
    void sendAgainRetriesTheFailedDelivery() throws Exception {
        answerAlertsPage();

        String html = render(
                post("/alerts/action")
                        .param("alertId", "a-1")
                        .param("deliveryId", "d-1")
                        .param("action", "retry"),
                true);

        assertThat(sent(Object.class)).isEqualTo(new RetryDeliveryCommand("d-1"));
        assertShape(html, true, "Alerts");
    }

    @Test
    void anActionThatDoesNotFitTheAlertIsExplained() throws Exception {
        answerAlertsPage();
        willThrow(new AlertStateException("a-1", "is already acknowledged"))
                .given(commands)
                .sendAndWait(any());

        String html = alertAction("acknowledge");

        assertShape(html, true, "Alerts");
        assertThat(html).contains("role=\"alert\"", "alert a-1 is already acknowledged");
    }

    @Test
    void anUnknownAlertActionSendsNothing() throws Exception {
        answerAlertsPage();

        String html = alertAction("snooze");

        verifyNoInteractions(commands);
        assertThat(html).contains("role=\"alert\"", "Unknown action snooze");
    }

    // ---- drill-down

    @WithAndWithoutHtmx
    void theDrillDownShowsTheChartAndABreakdownByEachOtherDimension(boolean htmx) throws Exception {
        given(queries.query(eq(FindMonitorsQuery.one("mon-auth")), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(new MonitorList(List.of(AUTH))));
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
        given(queries.query(eq(FindMonitorsQuery.one("mon-web")), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(new MonitorList(List.of(webOnly))));
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

    // ---- helpers

    /** Performs the request, with the HX-Request header when {@code htmx}, and answers the body of a 200. */
    private String render(MockHttpServletRequestBuilder request, boolean htmx) throws Exception {
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** A full page is a whole document with the console's navigation; an htmx answer is only the fragment. */
    private static void assertShape(String html, boolean htmx, String activeNavLink) {
        if (htmx) {
            assertThat(html).doesNotContain("<html", "<head", "<nav>", "htmx.min.js");
        } else {
            assertThat(html)
                    .contains("<!DOCTYPE html>", "<html", "<nav>", "href=\"/alerts\"", "href=\"/monitors\"")
                    .containsPattern("aria-current=\"page\"[^>]*>" + activeNavLink + "</a>");
        }
    }

    private static String section(String html, String marker) {
        int start = html.indexOf(marker);
        assertThat(start).as("%s in the page", marker).isNotNegative();
        int end = html.indexOf("</table>", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    private static String rowOf(String html, String marker) {
        int at = html.indexOf(marker);
        assertThat(at).as("%s in the page", marker).isNotNegative();
        int start = html.lastIndexOf("<tr", at);
        return html.substring(start < 0 ? at : start, html.indexOf("</tr>", at));
    }

    private String alertAction(String action) throws Exception {
        return render(
                post("/alerts/action")
                        .param("alertId", "a-1")
                        .param("action", action)
                        .param("state", "firing")
                        .param("q", "SE"),
                true);
    }

    private void answerMonitorsPage() {
        answer(FindMonitorsQuery.class, new MonitorList(List.of(AUTH, DECLINES)));
        answer(FindAnomaliesQuery.class, NO_ANOMALIES);
    }

    private void answerAlertsPage() {
        answer(FindAlertsQuery.class, new AlertPage(List.of(FIRING), 1, 0, 50));
        answer(FindDeliveriesQuery.class, new DeliveryList(List.of(FAILED)));
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

    @SuppressWarnings("unchecked")
    private <Q> void answer(Class<Q> queryType, Object result) {
        given(queries.query(any(queryType), any(ResponseType.class)))
                .willReturn(CompletableFuture.completedFuture(result));
    }

    /** The one query of this type the controller asked. */
    private <Q> Q queried(Class<Q> type) {
        List<Q> asked = queriedAll(type);
        assertThat(asked).hasSize(1);
        return asked.get(0);
    }

    @SuppressWarnings("unchecked")
    private <Q> List<Q> queriedAll(Class<Q> type) {
        ArgumentCaptor<Object> captor = ArgumentCaptor.forClass(Object.class);
        verify(queries, atLeastOnce()).query(captor.capture(), any(ResponseType.class));
        return captor.getAllValues().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** The one command the controller sent, which must be of this type. */
    private <C> C sent(Class<C> type) {
        ArgumentCaptor<Object> captor = ArgumentCaptor.forClass(Object.class);
        verify(commands).sendAndWait(captor.capture());
        assertThat(captor.getValue()).isInstanceOf(type);
        return type.cast(captor.getValue());
    }

    private static Map<String, String> series(String... namesAndValues) {
        Map<String, String> series = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            series.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return series;
    }
}
