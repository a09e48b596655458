package io.vigil.web.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.vigil.analytics.api.AlertVerdict;
import io.vigil.analytics.api.AnomalousSeries;
import io.vigil.analytics.api.BacktestMonitorQuery;
import io.vigil.analytics.api.BacktestResult;
import io.vigil.analytics.api.CreateMonitorCommand;
import io.vigil.analytics.api.DeleteMonitorCommand;
import io.vigil.analytics.api.Dimension;
import io.vigil.analytics.api.Direction;
import io.vigil.analytics.api.FindAnomaliesQuery;
import io.vigil.analytics.api.FindMonitorsQuery;
import io.vigil.analytics.api.MetricKind;
import io.vigil.analytics.api.MonitorAnomalies;
import io.vigil.analytics.api.MonitorDefinition;
import io.vigil.analytics.api.MonitorDraft;
import io.vigil.analytics.api.MonitorList;
import io.vigil.analytics.api.MonitorRejectedException;
import io.vigil.analytics.api.PauseMonitorCommand;
import io.vigil.analytics.api.ResumeMonitorCommand;
import io.vigil.analytics.api.Sensitivity;
import io.vigil.web.ConsoleMvcTestSupport;
import io.vigil.web.WithAndWithoutHtmx;
import io.vigil.web.config.ConsoleConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The monitors page: the monitors, the series anomalous now, the new-monitor form, the monitor buttons and the
 * backtest. Each case runs with and without htmx's HX-Request header; without it, a form post redirects to the page,
 * which the cases follow.
 */
@WebMvcTest(MonitorsController.class)
@Import(ConsoleConfig.class)
class MonitorsControllerTest extends ConsoleMvcTestSupport {

    private static final MonitorAnomalies ONE_ANOMALY = new MonitorAnomalies(
            MINUTE,
            Map.of("mon-auth", 12),
            List.of(new AnomalousSeries("mon-auth", series("merchant", "m-1", "country", "SE"), MINUTE, DROP)));

    private static final MonitorAnomalies NO_ANOMALIES = new MonitorAnomalies(null, Map.of(), List.of());

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
                        ">merchant=m-1, country=SE</a>",
                        ">0.412<",
                        ">0.900<",
                        ">this minute yesterday<",
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
                                        DROP,
                                        AlertVerdict.NOT_AN_INCIDENT)),
                        null,
                        new BacktestResult.Marks(3, 2, 1, 1, 1)));
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
                        ">yesterday<",
                        ">not an incident<",
                        "2 of 3 real incidents found, 1 of 1 false alarms raised again, 1 alerts that match no mark");
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

    @WithAndWithoutHtmx
    void aValidFormCreatesTheMonitorItDescribes(boolean htmx) throws Exception {
        answerMonitorsPage();

        String html = submit(
                post("/monitors")
                        .param("name", "Funnel from session to order")
                        .param("metric", "funnel")
                        .param("operation", "session")
                        .param("toOperation", "order")
                        .param("dimensions", "country", "merchant", "browser")
                        .param("sensitivity", "high")
                        .param("direction", "")
                        .param("minVolume", "50"),
                htmx);

        CreateMonitorCommand command = sent(CreateMonitorCommand.class);
        assertThat(command.monitorId()).startsWith("mon-");
        assertThat(command.by()).as("the signed-in operator").isEqualTo("olivia");
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

        assertShape(html, htmx, "Monitors");
        assertThat(html)
                .contains("Funnel from session to order", "created; it is evaluated from the next minute.")
                .doesNotContain("role=\"alert\"");
    }

    @WithAndWithoutHtmx
    void aCountMonitorWatchesBothWaysUnlessTheFormSaysOtherwise(boolean htmx) throws Exception {
        answerMonitorsPage();

        submit(
                post("/monitors")
                        .param("name", "Sessions")
                        .param("metric", "count")
                        .param("operation", "session"),
                htmx);
        MonitorDefinition byDefault = sent(CreateMonitorCommand.class).definition();
        assertThat(byDefault.direction()).isEqualTo(Direction.BOTH);
        assertThat(byDefault.sensitivity()).isEqualTo(Sensitivity.MEDIUM);
        assertThat(byDefault.dimensions()).isEmpty();
        assertThat(byDefault.toOperation()).isNull();

        clearInvocations(commands);
        submit(
                post("/monitors")
                        .param("name", "Sessions")
                        .param("metric", "count")
                        .param("operation", "session")
                        .param("direction", "spike"),
                htmx);
        assertThat(sent(CreateMonitorCommand.class).definition().direction()).isEqualTo(Direction.SPIKE);
    }

    /** What the form leaves out takes the defaults the REST API gives (MonitorRequestTest checks the API's side). */
    @WithAndWithoutHtmx
    void theConsoleCreatesAMonitorWithTheDefaultsTheApiUses(boolean htmx) throws Exception {
        answerMonitorsPage();

        submit(
                post("/monitors")
                        .param("name", "Orders")
                        .param("metric", "conversion")
                        .param("operation", "order")
                        .param("toOperation", "")
                        .param("sensitivity", "")
                        .param("minVolume", ""),
                htmx);

        MonitorDefinition definition = sent(CreateMonitorCommand.class).definition();
        assertThat(definition)
                .isEqualTo(MonitorDraft.of("Orders", MetricKind.CONVERSION, "order")
                        .withDefaults());
        assertThat(definition.direction()).isEqualTo(Direction.DROP);
        assertThat(definition.sensitivity()).isEqualTo(Sensitivity.MEDIUM);
        assertThat(definition.minVolume()).isZero();
    }

    @WithAndWithoutHtmx
    void aDefinitionTheMonitorRejectsShowsItsProblems(boolean htmx) throws Exception {
        answerMonitorsPage();
        willThrow(new MonitorRejectedException(List.of(
                        "a funnel needs toOperation, one of session, authorization, order, model, model_shadow",
                        "at most 4 dimensions")))
                .given(commands)
                .sendAndWait(any());

        String html = submit(
                post("/monitors")
                        .param("name", "Broken funnel")
                        .param("metric", "funnel")
                        .param("operation", "session")
                        .param("dimensions", "merchant", "country", "browser", "channel", "deviceType"),
                htmx);

        assertShape(html, htmx, "Monitors");
        assertThat(html)
                .contains(
                        "role=\"alert\"",
                        "The monitor was not created: a funnel needs toOperation, one of session,"
                                + " authorization, order, model, model_shadow; at most 4 dimensions.")
                .doesNotContain("created; it is evaluated");
        assertThat(rowOf(html, "data-monitor-id=\"mon-auth\"")).contains("Authorization success by merchant");
    }

    @ParameterizedTest(name = "{0}={1}, HX-Request: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            metric      | ratio    | metric 'ratio' is unknown; use count, conversion or funnel      | false
            metric      | ratio    | metric 'ratio' is unknown; use count, conversion or funnel      | true
            dimensions  | region   | dimension 'region' is unknown; use one of merchant, country     | false
            dimensions  | region   | dimension 'region' is unknown; use one of merchant, country     | true
            sensitivity | extreme  | unknown sensitivity 'extreme'; valid values: low, medium, high | false
            sensitivity | extreme  | unknown sensitivity 'extreme'; valid values: low, medium, high | true
            direction   | sideways | unknown direction 'sideways'; valid values: drop, spike, both  | false
            direction   | sideways | unknown direction 'sideways'; valid values: drop, spike, both  | true
            """)
    void aFormWithAnUnknownValueIsExplainedAndSendsNothing(String field, String value, String explanation, boolean htmx)
            throws Exception {
        answerMonitorsPage();
        Map<String, String> form = new LinkedHashMap<>(
                Map.of("name", "Auth", "metric", "conversion", "operation", "authorization", "dimensions", "merchant"));
        form.put(field, value);
        MockHttpServletRequestBuilder request = post("/monitors");
        form.forEach(request::param);

        String html = submit(request, htmx);

        verifyNoInteractions(commands);
        assertShape(html, htmx, "Monitors");
        assertThat(html)
                .contains("role=\"alert\"", "The monitor was not created: " + HtmlUtils.htmlEscape(explanation));
        assertThat(html).doesNotContain("No enum constant", "created; it is evaluated");
    }

    @ParameterizedTest(name = "{0}, HX-Request: {1}")
    @CsvSource({"pause, false", "pause, true", "resume, false", "resume, true", "delete, false", "delete, true"})
    void aMonitorButtonSendsItsCommand(String action, boolean htmx) throws Exception {
        answerMonitorsPage();

        String html = submit(post("/monitors/mon-auth/" + action), htmx);

        Object expected = switch (action) {
            case "pause" -> new PauseMonitorCommand("mon-auth", "olivia");
            case "resume" -> new ResumeMonitorCommand("mon-auth", "olivia");
            default -> new DeleteMonitorCommand("mon-auth", "olivia");
        };
        assertThat(sent(Object.class)).isEqualTo(expected);
        assertShape(html, htmx, "Monitors");
        assertThat(html).contains("data-monitor-id=\"mon-auth\"").doesNotContain("role=\"alert\"");
    }

    @WithAndWithoutHtmx
    void aMonitorActionTheMonitorRejectsIsExplained(boolean htmx) throws Exception {
        answerMonitorsPage();
        willThrow(new MonitorRejectedException(List.of("monitor mon-auth is deleted")))
                .given(commands)
                .sendAndWait(any());

        String html = submit(post("/monitors/mon-auth/resume"), htmx);

        assertShape(html, htmx, "Monitors");
        assertThat(html).contains("role=\"alert\"", "monitor mon-auth is deleted");
    }

    @WithAndWithoutHtmx
    void anUnknownMonitorActionIsNotFoundAndSendsNothing(boolean htmx) throws Exception {
        answerMonitorsPage();
        signedIn = ADMIN; // an operator may not reach a path no rule lists (ConsoleAuthorizationTest)
        MockHttpServletRequestBuilder request = post("/monitors/mon-auth/archive");
        if (htmx) {
            request.header("HX-Request", "true");
        }

        mvc.perform(asOnThePage(request)).andExpect(status().isNotFound());

        verifyNoInteractions(commands);
    }

    @WithAndWithoutHtmx
    void aViewerSeesTheMonitorsAndBacktestsButNoActionOrForm(boolean htmx) throws Exception {
        answerMonitorsPage();
        signedIn = VIEWER;

        String html = render(get("/monitors"), htmx);

        String row = rowOf(html, "data-monitor-id=\"mon-auth\"");
        assertThat(row).contains(">Backtest 7 days<").doesNotContain(">Pause<", ">Resume<", ">Delete<", "hx-post");
        assertThat(html).doesNotContain("New monitor", "Create monitor");
    }

    @WithAndWithoutHtmx
    void anOperatorSeesTheActionsAndTheForm(boolean htmx) throws Exception {
        answerMonitorsPage();

        String html = render(get("/monitors"), htmx);

        assertThat(rowOf(html, "data-monitor-id=\"mon-auth\"")).contains(">Pause<", ">Delete<");
        if (!htmx) {
            assertThat(html).contains("Create monitor");
        }
    }

    @ParameterizedTest(name = "{0}, HX-Request: {1}")
    @CsvSource({
        "/monitors/mon-auth/pause,false", "/monitors/mon-auth/pause,true", "/monitors/mon-declines/resume,false",
        "/monitors/mon-auth/delete,true", "/monitors,false", "/monitors,true"
    })
    void aViewersActionIsRefusedAndSendsNothing(String path, boolean htmx) throws Exception {
        answerMonitorsPage();
        signedIn = VIEWER;

        assertRefused(post(path).param("name", "Sneaky").param("metric", "count"), htmx);
    }

    @WithAndWithoutHtmx
    void anActionWithoutThePagesCsrfTokenIsRefusedAndSendsNothing(boolean htmx) throws Exception {
        answerMonitorsPage();

        assertRefusedWithoutCsrfToken(post("/monitors/mon-auth/pause"), htmx);
    }

    private void answerMonitorsPage() {
        answer(FindMonitorsQuery.class, new MonitorList(List.of(AUTH, DECLINES)));
        answer(FindAnomaliesQuery.class, NO_ANOMALIES);
    }
}
