package io.vigil.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.vigil.analytics.api.AcknowledgeAlertCommand;
import io.vigil.analytics.api.AlertPage;
import io.vigil.analytics.api.AlertStateException;
import io.vigil.analytics.api.AlertSummary;
import io.vigil.analytics.api.AlertVerdict;
import io.vigil.analytics.api.DeliveryList;
import io.vigil.analytics.api.DeliveryStatus;
import io.vigil.analytics.api.FindAlertsQuery;
import io.vigil.analytics.api.FindDeliveriesQuery;
import io.vigil.analytics.api.MarkAlertCommand;
import io.vigil.analytics.api.ResolveAlertCommand;
import io.vigil.analytics.api.RetryDeliveryCommand;
import io.vigil.analytics.api.SilenceAlertCommand;
import io.vigil.analytics.api.UnsilenceAlertCommand;
import io.vigil.web.ConsoleMvcTestSupport;
import io.vigil.web.WithAndWithoutHtmx;
import io.vigil.web.config.ConsoleConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The alerts page: the alerts the filters choose with their actions, and the notifications sent. Each case runs with
 * and without htmx's HX-Request header; without it, an action redirects to the page, which the cases follow.
 */
@WebMvcTest(AlertsController.class)
@Import(ConsoleConfig.class)
class AlertsControllerTest extends ConsoleMvcTestSupport {

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
            "until 2026-11-23 12:00 UTC",
            null,
            null);

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
            null,
            null,
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
            null,
            null,
            null);

    private static final DeliveryStatus FAILED = new DeliveryStatus(
            "d-1",
            "a-1",
            1,
            "firing",
            "ops-slack",
            "hooks.example:443",
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
            "pager",
            "pager.example:443",
            "webhook",
            "delivered",
            1,
            200,
            null,
            MINUTE.plusSeconds(62),
            MINUTE.plusSeconds(62),
            null);

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
                        "name=\"alertId\" value=\"a-1\"",
                        "hx-post=\"/alerts/acknowledge\" formaction=\"/alerts/acknowledge\">Acknowledge<",
                        "hx-post=\"/alerts/resolve\" formaction=\"/alerts/resolve\">Resolve<",
                        "hx-post=\"/alerts/silence-1h\"",
                        "hx-post=\"/alerts/silence-until-resolved\"")
                .doesNotContain("/alerts/unsilence", ">silenced<");

        String acknowledged = rowOf(html, "data-alert-id=\"a-2\"");
        assertThat(acknowledged)
                .contains(
                        "class=\"state acknowledged\"",
                        ">by alice at 10:17<",
                        ">merchant=m-7</a>",
                        "title=\"silenced by alice: deploy in progress\">silenced<",
                        ">until 2026-11-23 12:00 UTC<",
                        "hx-post=\"/alerts/resolve\"",
                        "hx-post=\"/alerts/unsilence\" formaction=\"/alerts/unsilence\">Unsilence<")
                .doesNotContain("/alerts/acknowledge", "/alerts/silence-1h", "/alerts/silence-until-resolved");

        String resolved = rowOf(html, "data-alert-id=\"a-3\"");
        assertThat(resolved)
                .contains("class=\"state resolved\"", ">paymentMethod=card</a>", ">resolved by bob<")
                .contains("hx-post=\"/alerts/mark\"", ">Incident<", ">Not an incident<")
                .doesNotContain("/alerts/acknowledge", "/alerts/resolve", "/alerts/silence", "/alerts/unsilence");
        String recovered = rowOf(html, "data-alert-id=\"a-4\"");
        assertThat(recovered)
                .as("a past incident can only be marked")
                .contains(">recovered<", "hx-post=\"/alerts/mark\"")
                .doesNotContain("/alerts/acknowledge", "/alerts/resolve", "/alerts/silence", "/alerts/unsilence");

        String deliveries = section(html, "id=\"deliveries\"");
        String failed = rowOf(deliveries, ">a-1 #1<");
        assertThat(failed)
                .contains(
                        ">slack ops-slack (hooks.example:443)<",
                        "class=\"delivery failed\"",
                        ">5<",
                        ">HTTP 500 from hooks.example: internal_error<",
                        "hx-post=\"/alerts/deliveries/retry\"",
                        "name=\"deliveryId\" value=\"d-1\"",
                        ">Send again<");
        String delivered = rowOf(deliveries, ">a-2 #3<");
        assertThat(delivered)
                .contains("class=\"delivery delivered\"", ">webhook pager (pager.example:443)<")
                .doesNotContain("Send again", "<form");
    }

    @WithAndWithoutHtmx
    void withoutAlertsOrDeliveriesSaysSo(boolean htmx) throws Exception {
        answer(FindAlertsQuery.class, new AlertPage(List.of(), 0, 0, 50));
        answer(FindDeliveriesQuery.class, new DeliveryList(List.of()));

        String html = render(get("/alerts"), htmx);

        assertShape(html, htmx, "Alerts");
        assertThat(html)
                .contains("No alerts match.", "No notifications sent yet", "vigil.monitoring.routes")
                .doesNotContain("id=\"alert-list\"", "id=\"deliveries\"", "0 alerts");
    }

    @WithAndWithoutHtmx
    void oneAlertIsCountedInTheSingular(boolean htmx) throws Exception {
        answer(FindAlertsQuery.class, new AlertPage(List.of(FIRING), 1, 0, 50));
        answer(FindDeliveriesQuery.class, new DeliveryList(List.of()));

        String html = render(get("/alerts"), htmx);

        assertThat(html).contains("1 alert, page 1 of 1").doesNotContain("1 alerts");
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

    @WithAndWithoutHtmx
    void acknowledgeSendsAnAcknowledgementByTheConsole(boolean htmx) throws Exception {
        answerAlertsPage();
        Instant before = Instant.now();

        String html = alertAction("acknowledge", htmx);

        AcknowledgeAlertCommand command = sent(AcknowledgeAlertCommand.class);
        assertThat(command.alertId()).isEqualTo("a-1");
        assertThat(command.by()).as("the signed-in operator").isEqualTo("olivia");
        assertThat(command.note()).isNull();
        assertThat(command.at()).isBetween(before, Instant.now());
        assertShape(html, htmx, "Alerts");
        assertThat(html).doesNotContain("role=\"alert\"");
        FindAlertsQuery reloaded = queried(FindAlertsQuery.class);
        assertThat(reloaded.state()).as("the filters are kept").isEqualTo("firing");
        assertThat(reloaded.text()).isEqualTo("SE");
    }

    @WithAndWithoutHtmx
    void aPastIncidentIsMarkedNotAnIncident(boolean htmx) throws Exception {
        answerAlertsPage();

        submit(
                post("/alerts/mark")
                        .param("alertId", "a-1")
                        .param("incident", "1")
                        .param("verdict", "not_an_incident")
                        .param("state", "firing"),
                htmx);

        MarkAlertCommand command = sent(MarkAlertCommand.class);
        assertThat(command.alertId()).isEqualTo("a-1");
        assertThat(command.incident()).isEqualTo(1);
        assertThat(command.verdict()).isEqualTo(AlertVerdict.NOT_AN_INCIDENT);
        assertThat(command.by()).as("the signed-in operator").isEqualTo("olivia");
    }

    @Test
    void aMarkedIncidentSaysHowAndByWhomAndOffersOnlyTheOtherMark() throws Exception {
        AlertSummary marked = new AlertSummary(
                "a-9",
                2,
                "mon-auth",
                "Auth",
                series("merchant", "m-1"),
                "merchant=m-1",
                "resolved",
                MINUTE,
                MINUTE,
                DROP,
                false,
                null,
                null,
                null,
                MINUTE.plusSeconds(600),
                null,
                true,
                null,
                AlertVerdict.NOT_AN_INCIDENT,
                "alice");
        answer(FindAlertsQuery.class, new AlertPage(List.of(marked), 1, 0, 50));
        answer(FindDeliveriesQuery.class, new DeliveryList(List.of()));

        String html = render(get("/alerts").param("state", "all"), true);

        assertThat(html)
                .contains("marked not an incident by alice", "name=\"incident\" value=\"2\"", "value=\"incident\"");
        assertThat(html).doesNotContain("value=\"not_an_incident\"");
    }

    @WithAndWithoutHtmx
    void resolveSendsAResolution(boolean htmx) throws Exception {
        answerAlertsPage();
        Instant before = Instant.now();

        alertAction("resolve", htmx);

        ResolveAlertCommand command = sent(ResolveAlertCommand.class);
        assertThat(command.alertId()).isEqualTo("a-1");
        assertThat(command.by()).as("the signed-in operator").isEqualTo("olivia");
        assertThat(command.at()).isBetween(before, Instant.now());
    }

    @WithAndWithoutHtmx
    void silenceForAnHourSilencesUntilAnHourFromNow(boolean htmx) throws Exception {
        answerAlertsPage();
        Instant before = Instant.now();

        alertAction("silence-1h", htmx);

        SilenceAlertCommand command = sent(SilenceAlertCommand.class);
        assertThat(command.alertId()).isEqualTo("a-1");
        assertThat(command.by()).as("the signed-in operator").isEqualTo("olivia");
        assertThat(command.at()).isBetween(before, Instant.now());
        assertThat(command.until()).isNotNull();
        assertThat(Duration.between(command.at(), command.until()))
                .isCloseTo(Duration.ofHours(1), Duration.ofSeconds(5));
        assertThat(command.untilResolved()).isFalse();
        assertThat(command.window()).isNull();
    }

    @WithAndWithoutHtmx
    void silenceUntilResolvedSilencesTheOpenIncident(boolean htmx) throws Exception {
        answerAlertsPage();

        alertAction("silence-until-resolved", htmx);

        SilenceAlertCommand command = sent(SilenceAlertCommand.class);
        assertThat(command.alertId()).isEqualTo("a-1");
        assertThat(command.untilResolved()).isTrue();
        assertThat(command.until()).isNull();
        assertThat(command.window()).isNull();
    }

    @WithAndWithoutHtmx
    void unsilenceLiftsTheSilence(boolean htmx) throws Exception {
        answerAlertsPage();

        alertAction("unsilence", htmx);

        UnsilenceAlertCommand command = sent(UnsilenceAlertCommand.class);
        assertThat(command.alertId()).isEqualTo("a-1");
        assertThat(command.by()).as("the signed-in operator").isEqualTo("olivia");
    }

    @WithAndWithoutHtmx
    void sendAgainRetriesTheFailedDelivery(boolean htmx) throws Exception {
        answerAlertsPage();

        String html = submit(
                post("/alerts/deliveries/retry")
                        .param("deliveryId", "d-1")
                        .param("state", "firing")
                        .param("q", "SE"),
                htmx);

        assertThat(sent(Object.class)).isEqualTo(new RetryDeliveryCommand("d-1"));
        assertShape(html, htmx, "Alerts");
        FindAlertsQuery reloaded = queried(FindAlertsQuery.class);
        assertThat(reloaded.state()).as("the filters are kept").isEqualTo("firing");
        assertThat(reloaded.text()).isEqualTo("SE");
    }

    @WithAndWithoutHtmx
    void anActionThatDoesNotFitTheAlertIsExplained(boolean htmx) throws Exception {
        answerAlertsPage();
        willThrow(new AlertStateException("a-1", "is already acknowledged"))
                .given(commands)
                .sendAndWait(any());

        String html = alertAction("acknowledge", htmx);

        assertShape(html, htmx, "Alerts");
        assertThat(html).contains("role=\"alert\"", "alert a-1 is already acknowledged");
    }

    @WithAndWithoutHtmx
    void anUnknownAlertActionIsNotFoundAndSendsNothing(boolean htmx) throws Exception {
        answerAlertsPage();
        MockHttpServletRequestBuilder snooze = post("/alerts/snooze")
                .param("alertId", "a-1")
                .param("state", "firing")
                .param("q", "SE");
        if (htmx) {
            snooze.header("HX-Request", "true");
        }

        mvc.perform(asOnThePage(snooze)).andExpect(status().isNotFound());

        verifyNoInteractions(commands);
    }

    @WithAndWithoutHtmx
    void aViewerSeesTheAlertsAndNotificationsButNoAction(boolean htmx) throws Exception {
        answerAlertsPage();
        signedIn = VIEWER;

        String html = render(get("/alerts"), htmx);

        assertThat(rowOf(html, "data-alert-id=\"a-1\""))
                .contains("class=\"state firing\"")
                .doesNotContain("<button", "<form");
        assertThat(rowOf(section(html, "id=\"deliveries\""), ">a-1 #1<"))
                .contains("class=\"delivery failed\"")
                .doesNotContain("Send again", "<form");
    }

    @WithAndWithoutHtmx
    void anAdminActsAsAnOperatorMay(boolean htmx) throws Exception {
        answerAlertsPage();
        signedIn = ADMIN;

        assertThat(rowOf(render(get("/alerts"), htmx), "data-alert-id=\"a-1\"")).contains(">Acknowledge<");
        alertAction("acknowledge", htmx);
        assertThat(sent(AcknowledgeAlertCommand.class).by()).isEqualTo("ada");
    }

    @ParameterizedTest(name = "{0}, HX-Request: {1}")
    @CsvSource({
        "acknowledge,false",
        "acknowledge,true",
        "resolve,false",
        "resolve,true",
        "silence-1h,false",
        "silence-until-resolved,true",
        "unsilence,false",
        "deliveries/retry,true"
    })
    void aViewersActionIsRefusedAndSendsNothing(String action, boolean htmx) throws Exception {
        answerAlertsPage();
        signedIn = VIEWER;

        assertRefused(post("/alerts/" + action).param("alertId", "a-1").param("deliveryId", "d-1"), htmx);
    }

    @WithAndWithoutHtmx
    void anActionWithoutThePagesCsrfTokenIsRefusedAndSendsNothing(boolean htmx) throws Exception {
        answerAlertsPage();

        assertRefusedWithoutCsrfToken(post("/alerts/acknowledge").param("alertId", "a-1"), htmx);
    }

    /** Posts the action on alert a-1 from the page filtered to firing alerts matching "SE". */
    private String alertAction(String action, boolean htmx) throws Exception {
        return submit(
                post("/alerts/" + action)
                        .param("alertId", "a-1")
                        .param("state", "firing")
                        .param("q", "SE"),
                htmx);
    }

    private void answerAlertsPage() {
        answer(FindAlertsQuery.class, new AlertPage(List.of(FIRING), 1, 0, 50));
        answer(FindDeliveriesQuery.class, new DeliveryList(List.of(FAILED)));
    }
}
