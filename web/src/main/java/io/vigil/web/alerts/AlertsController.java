package io.vigil.web.alerts;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.vigil.analytics.api.AcknowledgeAlertCommand;
import io.vigil.analytics.api.AlertPage;
import io.vigil.analytics.api.AlertStateException;
import io.vigil.analytics.api.AlertVerdict;
import io.vigil.analytics.api.DeliveryList;
import io.vigil.analytics.api.FindAlertsQuery;
import io.vigil.analytics.api.FindDeliveriesQuery;
import io.vigil.analytics.api.MarkAlertCommand;
import io.vigil.analytics.api.ResolveAlertCommand;
import io.vigil.analytics.api.RetryDeliveryCommand;
import io.vigil.analytics.api.SilenceAlertCommand;
import io.vigil.analytics.api.UnsilenceAlertCommand;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The alerts page: the alerts the filters choose, the operator's actions on an open alert, and the notifications sent.
 * Each action has its own URL and takes the alert id from the form, as alert ids contain a slash (monitor id / series
 * hash); the filters come along so the list stays as the operator left it. An action is made by the signed-in user. Through htmx an action answers the table
 * fragment, without htmx it redirects to the page with the same filters.
 */
@Controller
@RequestMapping("/alerts")
class AlertsController {

    private static final String PAGE = "alerts/list";
    private static final String TABLE = PAGE + " :: table";
    private static final int PAGE_SIZE = 50;
    private static final int DELIVERIES_SHOWN = 20;

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;

    AlertsController(QueryGateway queries, CommandGateway commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping
    String page(AlertFilters filters, Model model) {
        fillAlerts(filters, model);
        return PAGE;
    }

    @HxRequest
    @GetMapping
    String table(AlertFilters filters, Model model) {
        fillAlerts(filters, model);
        return TABLE;
    }

    @PostMapping("/acknowledge")
    String acknowledge(
            @RequestParam String alertId,
            AlertFilters filters,
            Principal user,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return act(
                now -> new AcknowledgeAlertCommand(alertId, user.getName(), null, now), filters, htmx, model, redirect);
    }

    @PostMapping("/resolve")
    String resolve(
            @RequestParam String alertId,
            AlertFilters filters,
            Principal user,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return act(now -> new ResolveAlertCommand(alertId, user.getName(), null, now), filters, htmx, model, redirect);
    }

    @PostMapping("/silence-1h")
    String silenceForAnHour(
            @RequestParam String alertId,
            AlertFilters filters,
            Principal user,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return act(
                now -> SilenceAlertCommand.until(alertId, user.getName(), now.plus(Duration.ofHours(1)), null, now),
                filters,
                htmx,
                model,
                redirect);
    }

    @PostMapping("/silence-until-resolved")
    String silenceUntilResolved(
            @RequestParam String alertId,
            AlertFilters filters,
            Principal user,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return act(
                now -> SilenceAlertCommand.untilResolved(alertId, user.getName(), null, now),
                filters,
                htmx,
                model,
                redirect);
    }

    @PostMapping("/unsilence")
    String unsilence(
            @RequestParam String alertId,
            AlertFilters filters,
            Principal user,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return act(now -> new UnsilenceAlertCommand(alertId, user.getName(), now), filters, htmx, model, redirect);
    }

    /**
     * Marks an incident, open or past, as a real incident or not one ({@code verdict}: {@code incident} or
     * {@code not_an_incident}): the backtest is scored against the marks, and real incidents leave the baseline.
     */
    @PostMapping("/mark")
    String mark(
            @RequestParam String alertId,
            @RequestParam int incident,
            @RequestParam String verdict,
            AlertFilters filters,
            Principal user,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return act(
                now -> new MarkAlertCommand(
                        alertId, incident, AlertVerdict.fromWire(verdict), user.getName(), null, now),
                filters,
                htmx,
                model,
                redirect);
    }

    /** Sends a failed notification again. */
    @PostMapping("/deliveries/retry")
    String retryDelivery(
            @RequestParam String deliveryId,
            AlertFilters filters,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return act(now -> new RetryDeliveryCommand(deliveryId), filters, htmx, model, redirect);
    }

    /**
     * Sends the command made for this moment; a command the alert rejects is explained above the table. Through htmx
     * answers the table with the filters kept (from the first page), otherwise redirects to the page with them.
     */
    private String act(
            Function<Instant, Object> command,
            AlertFilters filters,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        String error = null;
        try {
            commands.sendAndWait(command.apply(clock.instant()));
        } catch (AlertStateException | IllegalArgumentException e) {
            error = e.getMessage();
        }
        AlertFilters after = filters.firstPage();
        if (!htmx.isHtmxRequest()) {
            if (error != null) {
                redirect.addFlashAttribute("error", error);
            }
            return "redirect:" + after.uri();
        }
        if (error != null) {
            model.addAttribute("error", error);
        }
        fillAlerts(after, model);
        return TABLE;
    }

    private void fillAlerts(AlertFilters filters, Model model) {
        AlertPage alerts = queries.query(
                        new FindAlertsQuery(
                                filters.stateAsked(), null, null, filters.q(), null, null, filters.page(), PAGE_SIZE),
                        ResponseTypes.instanceOf(AlertPage.class))
                .join();
        DeliveryList deliveries = queries.query(
                        new FindDeliveriesQuery(null, DELIVERIES_SHOWN), ResponseTypes.instanceOf(DeliveryList.class))
                .join();
        model.addAttribute("alerts", alerts);
        model.addAttribute("deliveries", deliveries.deliveries());
        model.addAttribute("state", filters.state());
        model.addAttribute("q", filters.q() == null ? "" : filters.q());
    }
}
